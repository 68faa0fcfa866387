import Foundation
import GRDB
import XCTest

@testable import DeskModel

/// Chinese, Japanese and Korean text has no spaces between words, so a search word must be
/// found anywhere inside a run of CJK text, for agents (through the index) and customers
/// (through their own tickets' text) alike.
final class StoreCJKSearchTests: StoreTestCase {
    /// #1 peter (Pro Co) "新入社員20名分のアカウント追加のお願い", #2 eve (Big Co) "Webhook の署名検証が失敗します",
    /// #3 pia (Pro Co) Korean, #4 peter "Printer jams" with a newer Japanese reply.
    /// Internal note on #2: "署名鍵を再発行".
    override func setUpWithError() throws {
        try super.setUpWithError()
        try f.ticket("新入社員20名分のアカウント追加のお願い", by: f.peter, description: "4月1日に新入社員20名が入社します。")
        f.clock.advance(by: 60)
        try f.ticket("Webhook の署名検証が失敗します", by: f.eve, description: "テスト送信でも同じ結果です。")
        f.clock.advance(by: 60)
        try f.ticket("로그인이 안 됩니다", by: f.pia, description: "관리자비밀번호재설정 메일이 오지 않아요")
        f.clock.advance(by: 60)
        try f.ticket("Printer jams", by: f.peter, description: "Paper stuck in tray 2")
        f.clock.advance(by: 60)
        try f.reply(4, "アカウントの権限を確認しました", by: f.alice)
        try f.note(2, "署名鍵を再発行", by: f.bob)
    }

    /// Agents and every customer who sees the tickets get the same answer.
    func assertFound(_ query: String, _ expected: [Int64], file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try f.searchNumbers(query, f.alice), expected, "alice: \(query)", file: file, line: line)
        let customers = [f.paula, f.peter, f.pia, f.erin, f.eve, f.fred]
        for customer in customers {
            let visible = try Set(f.numbers(.all, customer))
            XCTAssertEqual(
                try f.searchNumbers(query, customer), expected.filter(visible.contains),
                "\(customer.user.handle): \(query)", file: file, line: line)
        }
    }

    func testAWordInsideAJapaneseRunIsFound() throws {
        // The examples of the defect: the word is in the middle of its run of text.
        try assertFound("アカウント", [4, 1])
        try assertFound("署名検証", [2])
        try assertFound("失敗します", [2])
        try assertFound("同じ結果", [2])
        try assertFound("新入社員", [1])
        try assertFound("入社", [1])
        try assertFound("アカウント追加", [1])
        try assertFound("20名分", [1])
        try assertFound("検証失敗", [])
    }

    func testShortCJKWordsOfOneOrTwoCharacters() throws {
        try assertFound("署名", [2])
        try assertFound("権限", [4])
        try assertFound("名", [2, 1])
        try assertFound("検", [2])
        try assertFound("い", [1])
        try assertFound("す", [2, 1])
    }

    func testKoreanInsideAWord() throws {
        try assertFound("로그인", [3])
        try assertFound("그인", [3])
        try assertFound("비밀번호", [3])
        try assertFound("재설정", [3])
        try assertFound("안", [3])
        try assertFound("메일이 오지", [3])
    }

    func testMixedLatinAndCJKWords() throws {
        try assertFound("Webhook 署名検証", [2])
        try assertFound("署名検証 webhook", [2])
        try assertFound("署名検証 webh", [2]) // the last word is still a prefix
        try assertFound("webh 署名検証", [])
        try assertFound("Webhook 新入社員", [])
        try assertFound("テスト 同じ", [2])
        // Words must be in the same text: the subject and description, or one message.
        try assertFound("printer アカウント", [])
        try assertFound("printer tray", [4])
    }

    func testAPhraseOfWordsNeverJoinsWordsACJKWordSeparates() throws {
        try f.ticket("e 確認 mail", by: f.peter, description: "E-mail を確認")
        try assertFound("e-mail 確認", [5])
        try assertFound("確認 e-mail", [5])
        try assertFound("e-m 確認", [])
        try assertFound("確認 e-m", [5])
        f.clock.advance(by: 60)
        try f.ticket("e 確認 mail", by: f.peter, description: "nothing")
        try assertFound("e-mail 確認", [5])
    }

    func testInternalNotesStayHiddenFromCustomers() throws {
        XCTAssertEqual(try f.searchNumbers("署名鍵", f.alice), [2])
        XCTAssertEqual(try f.searchNumbers("再発行", f.bob), [2])
        XCTAssertEqual(try f.searchNumbers("署名鍵", f.eve), [])
        XCTAssertEqual(try f.searchNumbers("再発行", f.erin), [])
    }

    func testQueriesWithSyntaxNeverThrow() throws {
        for query in ["署名\"検証", "\"署名", "署名*", "NEAR(署名", "署名:検証", "(アカウント)", "ー", "。", "、署名。", "々"] {
            XCTAssertNoThrow(try store.search(query, viewer: f.alice, limit: 50), query)
            XCTAssertNoThrow(try store.search(query, viewer: f.peter, limit: 50), query)
        }
        try assertFound("(アカウント)", [4, 1])
        try assertFound("「署名検証」", [2])
    }

    func testEditedTextIsReindexed() throws {
        try f.sql { db in
            try db.execute(sql: "UPDATE ticket SET subject = 'API の認証エラー' WHERE number = 2")
        }
        try assertFound("認証", [2])
        try assertFound("署名検証", [])
        try assertFound("webhook", [])
        try assertFound("同じ結果", [2])
    }

    func testBulkWritesIndexCJKText() throws {
        try f.sqlite.write { db in
            try f.sqlite.fullText.deferIndexing(db) {
                try db.execute(
                    sql: "INSERT INTO message(ticket_id, kind, author_id, body, created_at) VALUES (1, 'reply', ?, '招待メールの再送をお願いします', 0)",
                    arguments: [f.paula.id])
            }
        }
        try assertFound("再送", [1])
        try assertFound("招待メール", [1])
    }
}
