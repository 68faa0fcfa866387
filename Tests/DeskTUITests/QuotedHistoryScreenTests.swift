import DeskModel
import XCTest

@testable import DeskTUI

/// Mailed messages on the ticket screen: the new text, then the quoted history folded to one
/// line ("▸ quoted history (3 lines)"), or unfolded below a "▾" line; in English, French and
/// Japanese, at 80x24 and 132x40.
final class QuotedHistoryScreenTests: XCTestCase {
    func testFoldedAndUnfoldedQuotesAt80x24() {
        assertScreen(TranslatedScreens(.english).quotedHistory(Fixture.size80), """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
             restart.

             History (6)
             ● Carl Meyer (customer) · 2024-05-30 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
               ▸ quoted history (3 lines)
             ├─● Ana Lind (agent) · 2024-05-30 11:00
             │   Which client version do you run?
            ▌│ └─● Carl Meyer (customer) · 2024-05-30 11:30
            ▌│     Version 5.2.1 on macOS 14.
            ▌│     ▾ quoted history (5 lines)
            ▌│     -----Original Message-----
            ▌│     From: Ana Lind
            ▌│     Sent: Thursday, 30 May 2024 11:00
            ▌│
            ▌│     Which client version do you run?
             │   └─● Ana Lind (agent) · 2024-05-30 12:00
             │       5.2.1 has a known keepalive bug.
             │       Please update to 5.3.
             └─● Carl Meyer (customer) · 2024-05-30 13:00
                 Thanks!                                                                97%
             enter open  r reply  S status  z quote  n new  / search  s sort  ? help
            """)
    }

    func testFoldedAndUnfoldedQuotesAt132x40() {
        assertScreen(TranslatedScreens(.english).quotedHistory(Fixture.size132), """
             Acme Support · carl (customer)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                       sort: newest first
                 # STATUS        SUBJECT  1/5 REQUESTER  UPDATED│ #1042 VPN drops every hour
             #1042 Open          VPN drops e… carl            5m│ Status        Open
             #1041 Open          Invoice sho… dora            3h│ Kind          Incident
             #1040 Action needed Cannot expo… carl            2d│ Urgency       Serious
             #1039 Solution      Mail server… dora            3w│ Requester     Carl Meyer (carl)
             #1038 Closed        Password re… carl            1y│ Organisation  Umbra
                                                                │ Assignee      Ana Lind (ana)
                                                                │ Product       VPN › Client
                                                                │ Created       2024-05-30 09:00 (2d ago)
                                                                │ Updated       2024-06-01 11:55 (5m ago)
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ History (6)
                                                                │ ● Carl Meyer (customer) · 2024-05-30 10:00
                                                                │   It dropped again this morning while I was on a call with a customer, and
                                                                │   the reconnect took almost two minutes.
                                                                │   ▸ quoted history (3 lines)
                                                                │ ├─● Ana Lind (agent) · 2024-05-30 11:00
                                                                │ │   Which client version do you run?
                                                                │▌│ └─● Carl Meyer (customer) · 2024-05-30 11:30
                                                                │▌│     Version 5.2.1 on macOS 14.
                                                                │▌│     ▾ quoted history (5 lines)
                                                                │▌│     -----Original Message-----
                                                                │▌│     From: Ana Lind
                                                                │▌│     Sent: Thursday, 30 May 2024 11:00
                                                                │▌│
                                                                │▌│     Which client version do you run?
                                                                │ │   └─● Ana Lind (agent) · 2024-05-30 12:00
                                                                │ │       5.2.1 has a known keepalive bug.
                                                                │ │       Please update to 5.3.
                                                                │ └─● Carl Meyer (customer) · 2024-05-30 13:00
                                                                │     Thanks!
                                                                │ · 2024-05-30 14:00 Status changed from New to Open
                                                                │
                                                                │
                                                                │
             enter open  r reply  S status  z quote  n new  / search  s sort  ? help  q back
            """)
    }

    func testFrenchAt80x24() {
        assertScreen(TranslatedScreens(.french).quotedHistory(Fixture.size80), """
             carl  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40      plus récents d'abord
             restart.

             Historique (6)
             ● Carl Meyer (client) · 30 mai 2024 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
               ▸ historique cité (3 lignes)
             ├─● Ana Lind (agent) · 30 mai 2024 11:00
             │   Which client version do you run?
            ▌│ └─● Carl Meyer (client) · 30 mai 2024 11:30
            ▌│     Version 5.2.1 on macOS 14.
            ▌│     ▾ historique cité (5 lignes)
            ▌│     -----Original Message-----
            ▌│     From: Ana Lind
            ▌│     Sent: Thursday, 30 May 2024 11:00
            ▌│
            ▌│     Which client version do you run?
             │   └─● Ana Lind (agent) · 30 mai 2024 12:00
             │       5.2.1 has a known keepalive bug.
             │       Please update to 5.3.
             └─● Carl Meyer (client) · 30 mai 2024 13:00
                 Thanks!                                                                97%
             enter ouvrir  r répondre  S statut  z citation  n nouveau  / chercher  ? aide
            """)
    }

    func testFrenchAt132x40() {
        assertScreen(TranslatedScreens(.french).quotedHistory(Fixture.size132), """
             Acme Support · carl (client)  1 Récents 12  2 Actifs 5  3 Les miens 2  4 Tous ouverts 9  5 Tous 40      tri : plus récents d'abord
                 # STATUT        SUJET    1/5 DEMANDEUR  MODIFIÉ│ #1042 VPN drops every hour
             #1042 Ouvert        VPN drops e… carl         5 min│ Statut        Ouvert
             #1041 Ouvert        Invoice sho… dora           3 h│ Type          Incident
             #1040 À vous d'agir Cannot expo… carl           2 j│ Urgence       Grave
             #1039 Solution      Mail server… dora        3 sem.│ Demandeur     Carl Meyer (carl)
             #1038 Fermé         Password re… carl          1 an│ Organisation  Umbra
                                                                │ Attribué à    Ana Lind (ana)
                                                                │ Produit       VPN › Client
                                                                │ Créé          30 mai 2024 09:00 (il y a 2 j)
                                                                │ Mis à jour    1 juin 2024 11:55 (il y a 5 min)
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ Historique (6)
                                                                │ ● Carl Meyer (client) · 30 mai 2024 10:00
                                                                │   It dropped again this morning while I was on a call with a customer, and
                                                                │   the reconnect took almost two minutes.
                                                                │   ▸ historique cité (3 lignes)
                                                                │ ├─● Ana Lind (agent) · 30 mai 2024 11:00
                                                                │ │   Which client version do you run?
                                                                │▌│ └─● Carl Meyer (client) · 30 mai 2024 11:30
                                                                │▌│     Version 5.2.1 on macOS 14.
                                                                │▌│     ▾ historique cité (5 lignes)
                                                                │▌│     -----Original Message-----
                                                                │▌│     From: Ana Lind
                                                                │▌│     Sent: Thursday, 30 May 2024 11:00
                                                                │▌│
                                                                │▌│     Which client version do you run?
                                                                │ │   └─● Ana Lind (agent) · 30 mai 2024 12:00
                                                                │ │       5.2.1 has a known keepalive bug.
                                                                │ │       Please update to 5.3.
                                                                │ └─● Carl Meyer (client) · 30 mai 2024 13:00
                                                                │     Thanks!
                                                                │ · 30 mai 2024 14:00 Status changed from New to Open
                                                                │
                                                                │
                                                                │
             enter ouvrir  r répondre  S statut  z citation  n nouveau  / chercher  s trier  ? aide  q retour
            """)
    }

    func testJapaneseAt80x24() {
        assertScreen(TranslatedScreens(.japanese).quotedHistory(Fixture.size80), """
             carl  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40      並び順: 新しい順
             restart.

             履歴 (6)
             ● Carl Meyer (顧客) · 2024年5月30日 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
               ▸ 引用された履歴（3 行）
             ├─● Ana Lind (担当者) · 2024年5月30日 11:00
             │   Which client version do you run?
            ▌│ └─● Carl Meyer (顧客) · 2024年5月30日 11:30
            ▌│     Version 5.2.1 on macOS 14.
            ▌│     ▾ 引用された履歴（5 行）
            ▌│     -----Original Message-----
            ▌│     From: Ana Lind
            ▌│     Sent: Thursday, 30 May 2024 11:00
            ▌│
            ▌│     Which client version do you run?
             │   └─● Ana Lind (担当者) · 2024年5月30日 12:00
             │       5.2.1 has a known keepalive bug.
             │       Please update to 5.3.
             └─● Carl Meyer (顧客) · 2024年5月30日 13:00
                 Thanks!                                                                97%
             enter 開く  r 返信  S 状態  z 引用  n 新規  / 検索  s 並替  ? ヘルプ  q 戻る
            """)
    }

    func testJapaneseAt132x40() {
        assertScreen(TranslatedScreens(.japanese).quotedHistory(Fixture.size132), """
             Acme Support · carl (顧客)  1 最近 12  2 進行中 5  3 自分 2  4 未完了すべて 9  5 すべて 40                        並び順: 新しい順
                 # 状態          件名     1/5 依頼者        更新│ #1042 VPN drops every hour
             #1042 対応中        VPN drops e… carl           5分│ ステータス    対応中
             #1041 対応中        Invoice sho… dora         3時間│ 種類          障害
             #1040 要対応        Cannot expo… carl           2日│ 緊急度        高
             #1039 解決案        Mail server… dora           3週│ 依頼者        Carl Meyer (carl)
             #1038 クローズ済み  Password re… carl           1年│ 組織          Umbra
                                                                │ 担当者        Ana Lind (ana)
                                                                │ 製品          VPN › Client
                                                                │ 作成日時      2024年5月30日 09:00 (2日前)
                                                                │ 更新日時      2024年6月1日 11:55 (5分前)
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ 履歴 (6)
                                                                │ ● Carl Meyer (顧客) · 2024年5月30日 10:00
                                                                │   It dropped again this morning while I was on a call with a customer, and
                                                                │   the reconnect took almost two minutes.
                                                                │   ▸ 引用された履歴（3 行）
                                                                │ ├─● Ana Lind (担当者) · 2024年5月30日 11:00
                                                                │ │   Which client version do you run?
                                                                │▌│ └─● Carl Meyer (顧客) · 2024年5月30日 11:30
                                                                │▌│     Version 5.2.1 on macOS 14.
                                                                │▌│     ▾ 引用された履歴（5 行）
                                                                │▌│     -----Original Message-----
                                                                │▌│     From: Ana Lind
                                                                │▌│     Sent: Thursday, 30 May 2024 11:00
                                                                │▌│
                                                                │▌│     Which client version do you run?
                                                                │ │   └─● Ana Lind (担当者) · 2024年5月30日 12:00
                                                                │ │       5.2.1 has a known keepalive bug.
                                                                │ │       Please update to 5.3.
                                                                │ └─● Carl Meyer (顧客) · 2024年5月30日 13:00
                                                                │     Thanks!
                                                                │ · 2024年5月30日 14:00 Status changed from New to Open
                                                                │
                                                                │
                                                                │
             enter 開く  r 返信  S 状態  z 引用  n 新規  / 検索  s 並替  ? ヘルプ  q 戻る
            """)
    }

    /// Folding changes the height of the message: the layout kept for the ticket follows it,
    /// and a single-line quote counts one line.
    func testFoldingAgainLaysTheMessageOutAgain() {
        var state = TranslatedScreens(.english).quotedHistoryState(Fixture.size132)
        let unfolded = DeskTUI.Renderer.render(state, size: Fixture.size132).text
        XCTAssertTrue(unfolded.contains("▾ quoted history (5 lines)"), unfolded)
        XCTAssertTrue(unfolded.contains("-----Original Message-----"), unfolded)
        XCTAssertTrue(unfolded.contains("▸ quoted history (3 lines)"), unfolded)
        _ = DeskReducer.reduce(into: &state, .quotedHistory(.toggled))
        let folded = DeskTUI.Renderer.render(state, size: Fixture.size132).text
        XCTAssertFalse(folded.contains("-----Original Message-----"), folded)
        XCTAssertTrue(folded.contains("▸ quoted history (5 lines)"), folded)
        state.openTicket!.quotedHistory[3] = "> only this\n"
        XCTAssertTrue(DeskTUI.Renderer.render(state, size: Fixture.size132).text.contains("▸ quoted history (1 line)"))
    }

    /// A quote is untrusted text: its terminal controls are never drawn raw.
    func testAQuoteCannotDrawTerminalControls() {
        var state = TranslatedScreens(.english).quotedHistoryState(Fixture.size132)
        state.openTicket!.quotedHistory[3] = "> hello \u{1B}[2J\u{1B}]52;c;cGF5bG9hZA==\u{07} world\n"
        let grid = DeskTUI.Renderer.render(state, size: Fixture.size132)
        XCTAssertFalse(grid.allCellTexts.contains { $0.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 } })
        XCTAssertTrue(grid.text.contains("> hello"), grid.text)
    }

    /// The bottom line names the fold key while the open ticket has quotes, and the help lists
    /// both fold keys.
    func testTheKeysAreNamedOnTheBottomLineAndInTheHelp() {
        let state = TranslatedScreens(.english).quotedHistoryState(Fixture.size132)
        XCTAssertTrue(BottomLine.hints(state, keymap: .standard, restricted: false).contains { $0 == ("z", "quote") })
        let help = HelpOverlay.rows(state, keymap: .standard)
        XCTAssertTrue(help.contains { $0 == ("z", "fold / unfold a message's quoted history") })
        XCTAssertTrue(help.contains { $0 == ("Z", "fold / unfold all quoted history") })
        var plain = state
        plain.openTicket!.quotedHistory = [:]
        XCTAssertFalse(BottomLine.hints(plain, keymap: .standard, restricted: false).contains { $0.0 == "z" })
    }

    func testTheKeysSendTheFoldActions() {
        let state = TranslatedScreens(.english).quotedHistoryState(Fixture.size80)
        XCTAssertEqual(KeyRouter.route(.character("z"), state: state, keymap: .standard, size: Fixture.size80, restricted: false),
                       [.action(.quotedHistory(.toggled))])
        XCTAssertEqual(KeyRouter.route(.character("Z"), state: state, keymap: .standard, size: Fixture.size80, restricted: false),
                       [.action(.quotedHistory(.allToggled))])
    }
}
