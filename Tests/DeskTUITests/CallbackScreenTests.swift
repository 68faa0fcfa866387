import DeskModel
import XCTest

@testable import DeskTUI

/// Call-back requests in the list: a telephone sign before the subject of a ticket with an
/// open request, visible without colour, in every language, moving no column.
final class CallbackScreenTests: XCTestCase {
    /// #1042 has a request waiting, #1040 one that an agent took.
    static func callbackState(_ viewer: Viewer, size: TerminalSize, language: Language = .english) -> DeskState {
        var rows = Fixture.rows
        rows[0].callback = .requested
        rows[2].callback = .taken
        var state = Fixture.state(viewer, size: size, rows: rows)
        state.language = language
        return state
    }

    func testAgentListMarksOpenCallBacksAt80x24() {
        let grid = Renderer.render(Self.callbackState(Fixture.agent, size: Fixture.size80), size: Fixture.size80)
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
                 # STATUS   URGENCY  SUBJECT                        1/5 REQUESTER ·… UPDATED
             #1042 open     Serious  ✆ VPN drops every hour             carl · Umbra      5m
             #1041 new               Invoice shows the wrong VAT number dora · Umbra      3h
             #1040 awaiting Low      ✆ Cannot export the monthly repor… carl · Umbra      2d
             #1039 pending  Critical Mail server down for the whole of… dora · Umbra      3w
             #1038 closed            Password reset link expired        carl · Umbra      1y
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
             enter open  r reply  i note  S status  a assign  n new  / search  ? help
            """)
        XCTAssertEqual(grid.rowText(2).filter { $0 == "✆" }.count, 1)
        XCTAssertFalse(grid.rowText(3).contains("✆"))
    }

    func testAgentListMarksOpenCallBacksAt132x40() {
        let grid = Renderer.render(Self.callbackState(Fixture.agent, size: Fixture.size132), size: Fixture.size132)
        assertScreen(grid, """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                           sort: newest first
                 # STATUS   URGENCY  SUBJECT         1/5 UPDATED│ No ticket open: Enter opens the selected one
             #1042 open     Serious  ✆ VPN drops every …      5m│
             #1041 new               Invoice shows the …      3h│
             #1040 awaiting Low      ✆ Cannot export th…      2d│
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
             enter open  r reply  i note  S status  a assign  n new  / search  s sort  ? help  q back
            """)
    }

    func testTheMarkIsTheSameInFrenchAndJapanese() {
        let french = Renderer.render(Self.callbackState(Fixture.agent, size: Fixture.size80, language: .french), size: Fixture.size80)
        assertScreen(french, """
             ana  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40       plus récents d'abord
                 # STATUT   URGENCE  SUJET                          1/5 DEMANDEUR ·… MODIFIÉ
             #1042 ouvert   Grave    ✆ VPN drops every hour             carl · Umbra   5 min
             #1041 nouveau           Invoice shows the wrong VAT number dora · Umbra     3 h
             #1040 attente  Faible   ✆ Cannot export the monthly repor… carl · Umbra     2 j
             #1039 proposé  Critique Mail server down for the whole of… dora · Umbra  3 sem.
             #1038 fermé             Password reset link expired        carl · Umbra    1 an
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
             enter ouvrir  r répondre  i note  S statut  a attribuer  n nouveau  ? aide
            """)
        let japanese = Renderer.render(Self.callbackState(Fixture.customer, size: Fixture.size80, language: .japanese), size: Fixture.size80)
        assertScreen(japanese, """
             carl  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40      並び順: 新しい順
                 # 状態          緊急度   件名                        1/5 依頼者        更新
             #1042 対応中        高       ✆ VPN drops every hour          carl           5分
             #1041 対応中                 Invoice shows the wrong VAT nu… dora         3時間
             #1040 要対応        低       ✆ Cannot export the monthly re… carl           2日
             #1039 解決案        緊急     Mail server down for the whole… dora           3週
             #1038 クローズ済み           Password reset link expired     carl           1年
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
             enter 開く  r 返信  S 状態  n 新規  / 検索  s 並替  ? ヘルプ  q 戻る
            """)
    }
}
