import DeskModel
import XCTest

@testable import DeskTUI

/// The box of one's own mail notifications over the panes: each event with its state, the
/// default explained below, keys on the bottom line; in English, French and Japanese at 80x24
/// and 132x40.
final class MailPreferencesScreenTests: XCTestCase {
    func testACustomersNotificationsAt80x24() {
        assertScreen(TranslatedScreens(.english).mailPreferences(Fixture.size80), """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
                 # STATUS        URGENCY  SUBJECT                     1/5 REQUESTER  UPDATED
             #1042 Open          Serious  VPN drops every hour            carl            5m
             #1041 Open                   Invoice shows the wrong VAT nu… dora            3h
             #1040 Action needed Low      Cannot export the monthly repo… carl            2d
             #1039 Solution      Critical Mail server down for the whole… dora            3w
             #1038 Closed                 Password reset link expired     carl            1y
                        ┌─ Mail notifications you receive ─────────────────────┐
                        │ default  A ticket you open: its number               │
                        │ on       Public replies                              │
                        │ off      Action required                             │
                        │ default  Solution proposed                           │
                        │ default  Ticket closed                               │
                        │                                                      │
                        │ default: by mail when the ticket's contact is e-mail │
                        └──────────────────────────────────────────────────────┘







             ↑/↓ choose  space on / off  esc close
            """)
    }

    func testAnAgentsNotificationsAt132x40() {
        var state = Fixture.state(Fixture.agent, size: Fixture.size132)
        state.mailPreferences = MailPreferencesState(
            choices: MailNotificationEvent.events(for: .agent).map { .init(event: $0, wanted: $0 == .closed ? false : nil) }, selected: 5)
        assertScreen(Renderer.render(state, size: Fixture.size132), """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                           sort: newest first
                 # STATUS   URGENCY  SUBJECT         1/5 UPDATED│ No ticket open: Enter opens the selected one
             #1042 open     Serious  VPN drops every ho…      5m│
             #1041 new               Invoice shows the …      3h│
             #1040 awaiting Low      Cannot export the …      2d│
             #1039 pending  Critical Mail server down f…      3w│
             #1038 closed            Password reset lin…      1y│
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                      ┌─ Mail notifications you receive ─────────────┐
                                                      │ default  New tickets (yours or watched)      │
                                                      │ default  Customer replies (yours or watched) │
                                                      │ default  Public replies                      │
                                                      │ default  Action required                     │
                                                      │ default  Solution proposed                   │
                                                      │ off      Ticket closed                       │
                                                      │                                              │
                                                      │ default: on                                  │
                                                      └──────────────────────────────────────────────┘
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
             ↑/↓ choose  space on / off  esc close
            """)
    }

    func testFrenchAt80x24() {
        assertScreen(TranslatedScreens(.french).mailPreferences(Fixture.size80), """
             carl  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40      plus récents d'abord
                 # STATUT        URGENCE  SUJET                       1/5 DEMANDEUR  MODIFIÉ
             #1042 Ouvert        Grave    VPN drops every hour            carl         5 min
             #1041 Ouvert                 Invoice shows the wrong VAT nu… dora           3 h
             #1040 À vous d'agir Faible   Cannot export the monthly repo… carl           2 j
             #1039 Solution      Critique Mail server down for the whole… dora        3 sem.
             #1038 Fermé                  Password reset link expired     carl          1 an
                    ┌─ Notifications que vous recevez par e-mail ──────────────────┐
                    │ par défaut  Un ticket que vous ouvrez : son numéro           │
                    │ activé      Réponses publiques                               │
                    │ désactivé   Action requise                                   │
                    │ par défaut  Solution proposée                                │
                    │ par défaut  Ticket fermé                                     │
                    │                                                              │
                    │ par défaut : par e-mail si le contact du ticket est l'e-mail │
                    └──────────────────────────────────────────────────────────────┘







             ↑/↓ choisir  space activer / désactiver  esc fermer
            """)
    }

    func testJapaneseAt80x24() {
        assertScreen(TranslatedScreens(.japanese).mailPreferences(Fixture.size80), """
             carl  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40      並び順: 新しい順
                 # 状態          緊急度   件名                        1/5 依頼者        更新
             #1042 対応中        高       VPN drops every hour            carl           5分
             #1041 対応中                 Invoice shows the wrong VAT nu… dora         3時間
             #1040 要対応        低       Cannot export the monthly repo… carl           2日
             #1039 解決案        緊急     Mail server down for the whole… dora           3週
             #1038 クローズ済み           Password reset link expired     carl           1年
                        ┌─ 受け取るメール通知 ─────────────────────────────────┐
                        │ 既定  作成したチケットの番号                         │
                        │ オン  公開返信                                       │
                        │ オフ  対応が必要                                     │
                        │ 既定  解決策の提案                                   │
                        │ 既定  チケットのクローズ                             │
                        │                                                      │
                        │ 既定：チケットの連絡方法がメールならメールで届きます │
                        └──────────────────────────────────────────────────────┘







             ↑/↓ 選択  space オン／オフ  esc 閉じる
            """)
    }

    func testJapaneseAt132x40() {
        assertScreen(TranslatedScreens(.japanese).mailPreferences(Fixture.size132), """
             Acme Support · carl (顧客)  1 最近 12  2 進行中 5  3 自分 2  4 未完了すべて 9  5 すべて 40                        並び順: 新しい順
                 # 状態          件名     1/5 依頼者        更新│ チケットが開かれていません: Enter で選択中のチケットを開きます
             #1042 対応中        VPN drops e… carl           5分│
             #1041 対応中        Invoice sho… dora         3時間│
             #1040 要対応        Cannot expo… carl           2日│
             #1039 解決案        Mail server… dora           3週│
             #1038 クローズ済み  Password re… carl           1年│
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                  ┌─ 受け取るメール通知 ─────────────────────────────────┐
                                                  │ 既定  作成したチケットの番号                         │
                                                  │ オン  公開返信                                       │
                                                  │ オフ  対応が必要                                     │
                                                  │ 既定  解決策の提案                                   │
                                                  │ 既定  チケットのクローズ                             │
                                                  │                                                      │
                                                  │ 既定：チケットの連絡方法がメールならメールで届きます │
                                                  └──────────────────────────────────────────────────────┘
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
             ↑/↓ 選択  space オン／オフ  esc 閉じる
            """)
    }

    /// The highlighted event is drawn selected, the others in the box's style.
    func testTheHighlightedRowIsSelected() throws {
        let grid = DeskTUI.Renderer.render(TranslatedScreens(.english).mailPreferencesState(Fixture.size80), size: Fixture.size80)
        let replies = try XCTUnwrap((0..<grid.height).first { grid.rowText($0).contains("Public replies") })
        let closed = try XCTUnwrap((0..<grid.height).first { grid.rowText($0).contains("Ticket closed") })
        let column = try XCTUnwrap(grid.column(of: "Public replies", row: replies))
        XCTAssertEqual(grid[column, replies].style, .selected)
        XCTAssertEqual(grid[column, closed].style, .overlay)
    }

    /// While the box is open it takes the keys; `M` opens it from the panes.
    func testKeys() {
        let state = TranslatedScreens(.english).mailPreferencesState(Fixture.size80)
        func route(_ key: Key, _ state: DeskState) -> [KeyOutcome] {
            KeyRouter.route(key, state: state, keymap: .standard, size: Fixture.size80, restricted: false)
        }
        XCTAssertEqual(route(.character("j"), state), [.action(.mailPreferences(.moved(by: 1)))])
        XCTAssertEqual(route(.up, state), [.action(.mailPreferences(.moved(by: -1)))])
        XCTAssertEqual(route(.character("G"), state), [.action(.mailPreferences(.moved(by: 3)))])
        XCTAssertEqual(route(.character(" "), state), [.action(.mailPreferences(.toggled))])
        XCTAssertEqual(route(.enter, state), [.action(.mailPreferences(.toggled))])
        XCTAssertEqual(route(.escape, state), [.action(.mailPreferences(.closed))])
        XCTAssertEqual(route(.character("r"), state), [], "the panes' keys wait while the box is open")
        XCTAssertEqual(route(.control("c"), state), [.action(.quitRequested)])
        var panes = state
        panes.mailPreferences = nil
        XCTAssertEqual(route(.character("M"), panes), [.action(.mailPreferences(.opened))])
        XCTAssertTrue(HelpOverlay.rows(panes, keymap: .standard).contains { $0 == ("M", "mail notifications you receive") })
    }
}
