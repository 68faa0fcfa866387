import DeskModel
import XCTest

@testable import DeskTUI

/// The edit form of the open ticket (`E`) over the panes, with the viewer's fields: at 80x24
/// and 132x40, and in French, German and Japanese at 80x24 (the shadowing `Renderer` checks
/// every screen for English too).
final class TicketEditScreenTests: XCTestCase {
    private func editing(_ viewer: Viewer, size: TerminalSize, language: Language = .english) -> DeskState {
        var state = Fixture.openState(viewer, size: size, detail: Fixture.detail())
        state.language = language
        _ = DeskReducer.reduce(into: &state, .ticketEdit(.opened))
        return state
    }

    func testTheRequestersFormAt80x24() {
        var state = editing(Fixture.customer, size: Fixture.size80)
        _ = DeskReducer.reduce(into: &state, .ticketEdit(.input(.insert(" since Monday"))))
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
             Edit ticket #1042
             Subject     VPN drops every hour since Monday
             Product     VPN
             Category    Client
             Subcategory
             Urgency       Serious
             Contact       Portal
             Description
             Since Monday the VPN client disconnects about once an hour and needs a
             restart.












             ctrl-s save  esc cancel  tab next field
            """)
        XCTAssertEqual(grid.cursor.map { [$0.x, $0.y] }, [46, 2], "after the typed text")
    }

    func testTheAgentsFormWithTheKindAndTheDescriptionFocusedAt132x40() {
        var state = editing(Fixture.agent, size: Fixture.size132)
        _ = DeskReducer.reduce(into: &state, .ticketEdit(.fieldMoved(forward: false)))
        _ = DeskReducer.reduce(into: &state, .ticketEdit(.choiceCycled(forward: true)))
        _ = DeskReducer.reduce(into: &state, .ticketEdit(.fieldMoved(forward: true)))
        _ = DeskReducer.reduce(into: &state, .ticketEdit(.fieldMoved(forward: true)))
        state.ticketEdit?.isSaving = true
        assertScreen(Renderer.render(state, size: Fixture.size132), """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                           sort: newest first
             Edit ticket #1042 · Saving…
             Subject     VPN drops every hour
             Kind          Incident
             Product     VPN
             Category    Client
             Subcategory
             Urgency       Serious
             Contact       Email
             Description
             Since Monday the VPN client disconnects about once an hour and needs a restart.




























             ctrl-s save  esc cancel  tab next field
            """)
    }

    private func agentsForm(in language: Language) -> Grid {
        var state = editing(Fixture.agent, size: Fixture.size80, language: language)
        _ = DeskReducer.reduce(into: &state, .ticketEdit(.fieldMoved(forward: false)))
        return Renderer.render(state, size: Fixture.size80)
    }

    func testTheFormFitsInFrenchAt80x24() {
        assertScreen(agentsForm(in: .french), """
             ana  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40       plus récents d'abord
             Modifier le ticket #1042
             Sujet          VPN drops every hour
             Type             Incident
             Produit        VPN
             Catégorie      Client
             Sous-catégorie
             Urgence          Grave
             Contact        ‹ Portail ›
             Description
             Since Monday the VPN client disconnects about once an hour and needs a
             restart.











             ctrl-s enregistrer  esc annuler  tab champ suivant
            """)
    }

    func testTheFormFitsInGermanAt80x24() {
        assertScreen(agentsForm(in: .german), """
             ana  1 Zul 12  2 Akt 5  3 Meine 2  4 Offen 9  5 Alle 40         neueste zuerst
             Ticket #1042 bearbeiten
             Betreff        VPN drops every hour
             Art              Störung
             Produkt        VPN
             Kategorie      Client
             Unterkategorie
             Dringlichkeit    Hoch
             Kontakt        ‹ Portal ›
             Beschreibung
             Since Monday the VPN client disconnects about once an hour and needs a
             restart.











             ctrl-s speichern  esc abbrechen  tab nächstes Feld
            """)
    }

    func testTheFormFitsInJapaneseAt80x24() {
        assertScreen(agentsForm(in: .japanese), """
             ana  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40       並び順: 新しい順
             チケット #1042 の編集
             件名         VPN drops every hour
             種類           障害
             製品         VPN
             カテゴリ     Client
             サブカテゴリ
             緊急度         高
             連絡方法     ‹ ポータル ›
             説明
             Since Monday the VPN client disconnects about once an hour and needs a
             restart.











             ctrl-s 保存  esc 取消  tab 次の項目
            """)
    }

    func testHostileTextInTheFormStaysInert() {
        var detail = Fixture.detail()
        detail.ticket.subject = "Evil \u{1B}[2J subject"
        var state = Fixture.openState(Fixture.customer, size: Fixture.size80, detail: detail)
        _ = DeskReducer.reduce(into: &state, .ticketEdit(.opened))
        let grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertFalse(grid.allCellTexts.contains { $0.contains("\u{1B}") })
        XCTAssertTrue(grid.rowText(2).contains("Evil ␛[2J subject"), grid.text)
    }
}
