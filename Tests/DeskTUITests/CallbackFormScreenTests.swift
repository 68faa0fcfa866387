import DeskModel
import XCTest

@testable import DeskTUI

/// The customer's call-back form (`C`): the fields prefilled with what the desk kept, a
/// refused field's reason under it, the form's hints on the bottom line; in every language.
final class CallbackFormScreenTests: XCTestCase {
    /// Carl (business plan) on #1042: the number and zone kept from last time, a window typed
    /// with no end and a note; sent once, so the window's reason shows.
    static func formState(size: TerminalSize, language: Language, sent: Bool) -> DeskState {
        var customer = Fixture.customer
        customer.plan = .business
        var state = Fixture.state(customer, size: size)
        state.language = language
        _ = DeskReducer.reduce(into: &state, .callback(.formLoaded(CallbackForm(number: 1042, phone: "+33 1 23 45 67 89", zone: "Europe/Paris"))))
        for character in "14:00" { _ = DeskReducer.reduce(into: &state, .callback(.form(.input(.insert(String(character)))))) }
        if sent {
            _ = DeskReducer.reduce(into: &state, .callback(.form(.fieldMoved(forward: true))))
            _ = DeskReducer.reduce(into: &state, .callback(.form(.fieldMoved(forward: true))))
            for character in "After 3pm, ask for Carl" { _ = DeskReducer.reduce(into: &state, .callback(.form(.input(.insert(String(character)))))) }
            _ = DeskReducer.reduce(into: &state, .callback(.form(.submitted)))
        }
        return state
    }

    func testTheFormAsItOpensAt80x24() {
        let grid = Renderer.render(Self.formState(size: Fixture.size80, language: .english, sent: false), size: Fixture.size80)
        assertScreen(grid, """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
             Ask to be called back about ticket #1042
            
             Phone      +33 1 23 45 67 89
             Window     14:00
             Time zone  Europe/Paris
             Note       optional: when or how to call
            
             An agent calls you within the window, in your time zone. The desk keeps the
             number for next time.
            
            
            
            
            
            
            
            
            
            
            
            
            
             enter send  esc cancel  tab next field
            """)
    }

    func testARefusedWindowSaysWhyUnderItAt80x24() {
        let grid = Renderer.render(Self.formState(size: Fixture.size80, language: .english, sent: true), size: Fixture.size80)
        assertScreen(grid, """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
             Ask to be called back about ticket #1042
            
             Phone      +33 1 23 45 67 89
             Window     14:00
                        '14:00' is not a time window: write HH:MM-HH:MM, the end after the…
             Time zone  Europe/Paris
             Note       After 3pm, ask for Carl
            
             An agent calls you within the window, in your time zone. The desk keeps the
             number for next time.
            
            
            
            
            
            
            
            
            
            
            
            
             Some fields need correcting: see the reasons beside them
            """)
    }

    func testARefusedWindowSaysWhyInFrenchAt132x40() {
        let grid = Renderer.render(Self.formState(size: Fixture.size132, language: .french, sent: true), size: Fixture.size132)
        assertScreen(grid, """
             Acme Support · carl (client)  1 Récents 12  2 Actifs 5  3 Les miens 2  4 Tous ouverts 9  5 Tous 40      tri : plus récents d'abord
             Demander à être rappelé pour le ticket #1042
            
             Téléphone       +33 1 23 45 67 89
             Plage horaire   14:00
                             « 14:00 » n'est pas une plage horaire : écrivez HH:MM-HH:MM, la fin après le début
             Fuseau horaire  Europe/Paris
             Note            After 3pm, ask for Carl
            
             Un agent vous appelle dans la plage horaire, dans votre fuseau. Le numéro est gardé pour la prochaine fois.
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
             Certains champs sont à corriger : voyez les raisons à côté
            """)
    }

    func testARefusedWindowSaysWhyInJapaneseAt80x24() {
        let grid = Renderer.render(Self.formState(size: Fixture.size80, language: .japanese, sent: true), size: Fixture.size80)
        assertScreen(grid, """
             carl  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40      並び順: 新しい順
             チケット #1042 の折り返し電話を依頼
            
             電話番号      +33 1 23 45 67 89
             時間帯        14:00
                           「14:00」は時間帯ではありません。HH:MM-HH:MM の形で、終了を開始…
             タイムゾーン  Europe/Paris
             メモ          After 3pm, ask for Carl
            
             担当者が指定の時間帯に、あなたのタイムゾーンでお電話します。番号は次回のために
             保存されます。
            
            
            
            
            
            
            
            
            
            
            
            
             修正が必要な項目があります。各項目の横の理由をご覧ください
            """)
    }

    func testTheFormAsItOpensInJapaneseAt132x40() {
        let grid = Renderer.render(Self.formState(size: Fixture.size132, language: .japanese, sent: false), size: Fixture.size132)
        assertScreen(grid, """
             Acme Support · carl (顧客)  1 最近 12  2 進行中 5  3 自分 2  4 未完了すべて 9  5 すべて 40                        並び順: 新しい順
             チケット #1042 の折り返し電話を依頼
            
             電話番号      +33 1 23 45 67 89
             時間帯        14:00
             タイムゾーン  Europe/Paris
             メモ          任意：電話してほしい時間や方法
            
             担当者が指定の時間帯に、あなたのタイムゾーンでお電話します。番号は次回のために保存されます。
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
             enter 送信  esc 取消  tab 次の項目
            """)
    }
}

/// Search results mark a ticket with an open call-back request as the list does.
final class CallbackSearchScreenTests: XCTestCase {
    private func searched(size: TerminalSize, language: Language) -> Grid {
        var state = CallbackScreenTests.callbackState(Fixture.agent, size: size, language: language)
        _ = DeskReducer.reduce(into: &state, .searchStarted)
        _ = DeskReducer.reduce(into: &state, .searchQueryChanged("vpn"))
        var results = [Fixture.rows[0], Fixture.rows[2]]
        results[0].callback = .requested
        _ = DeskReducer.reduce(into: &state, .searchResultsLoaded(query: "vpn", results))
        return Renderer.render(state, size: size)
    }

    func testSearchResultsMarkOpenCallBacksAt80x24() {
        assertScreen(searched(size: Fixture.size80, language: .english), """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
             Search: vpn
             #1042 open     Serious  ✆ VPN drops every hour             carl · Umbra      5m
             #1040 awaiting Low      Cannot export the monthly report … carl · Umbra      2d
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
             ↑/↓ select  enter open  esc close
            """)
    }

    func testSearchResultsMarkOpenCallBacksInFrenchAt132x40() {
        assertScreen(searched(size: Fixture.size132, language: .french), """
             Acme Support · ana (agent)  1 Récents 12  2 Actifs 5  3 Les miens 2  4 Tous ouverts 9  5 Tous 40        tri : plus récents d'abord
             Recherche : vpn                                    │ Aucun ticket ouvert : Entrée ouvre celui qui est sélectionné
             #1042 ouvert   Grave    ✆ VPN drops every …   5 min│
             #1040 attente  Faible   Cannot export the …     2 j│
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
             ↑/↓ choisir  enter ouvrir  esc fermer
            """)
    }
}
