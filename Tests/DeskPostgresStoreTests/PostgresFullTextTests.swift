import DeskPostgres
@testable import DeskPostgresStore
import XCTest

final class PostgresFullTextTests: XCTestCase {
    private func numbers(_ db: PostgresConnection, _ sql: String, _ parameters: [PostgresValue]) throws -> [Int64] {
        try db.query(sql, parameters).map { try $0.decode(Int64.self, at: 0) }.sorted()
    }

    private func ticketsWithWords(_ db: PostgresConnection, _ words: String) throws -> [Int64] {
        try numbers(db, "SELECT number FROM ticket WHERE search_words @@ plainto_tsquery('deskterm_simple', $1)", [.text(words)])
    }

    private func messagesWithWords(_ db: PostgresConnection, _ words: String) throws -> [Int64] {
        try numbers(db, "SELECT id FROM message WHERE search_words @@ plainto_tsquery('deskterm_simple', $1)", [.text(words)])
    }

    /// The plan of `sql` when the planner may not read the whole table: it shows whether an
    /// index can answer it at all (on a few rows it would rightly prefer reading them).
    private func planWithoutSequentialScans(_ db: PostgresConnection, _ sql: String, _ parameters: [PostgresValue]) throws -> String {
        try db.transaction { db in
            try db.execute("SET LOCAL enable_seqscan = off")
            return try db.query("EXPLAIN " + sql, parameters).map { try $0.decode(String.self, at: 0) }.joined(separator: "\n")
        }
    }

    func testAWordWithoutItsAccentsFindsTheAccentedOneInTicketsAndMessages() throws {
        let db = try ScratchDatabase(self).connectToDesk()
        let camille = try DeskRows.user(db, handle: "camille", role: "customer")
        let resume = try DeskRows.ticket(db, requester: camille, subject: "Résumé de la facture", description: "Voilà le problème")
        let other = try DeskRows.ticket(db, requester: camille, subject: "Printer offline", description: "Since Monday")
        let note = try DeskRows.message(db, ticket: other.id, author: camille, body: "Mon École a changé d'adresse. NAÏVE question?")

        XCTAssertEqual(try ticketsWithWords(db, "resume"), [resume.number])
        XCTAssertEqual(try ticketsWithWords(db, "RESUME facture"), [resume.number], "case and accents fold, words AND")
        XCTAssertEqual(try ticketsWithWords(db, "probleme"), [resume.number], "the description counts")
        XCTAssertEqual(try ticketsWithWords(db, "factures"), [], "simple: no stemming, as on SQLite")
        XCTAssertEqual(try messagesWithWords(db, "ecole"), [note])
        XCTAssertEqual(try messagesWithWords(db, "naive"), [note])
        XCTAssertEqual(try messagesWithWords(db, "résumé"), [], "a ticket's words are not a message's")

        // The column is generated: a new subject is searchable at once, the old one no longer.
        try db.execute("UPDATE ticket SET subject = 'Curriculum vitæ' WHERE id = $1", [.int(resume.id)])
        XCTAssertEqual(try ticketsWithWords(db, "resume"), [])
        XCTAssertEqual(try ticketsWithWords(db, "curriculum"), [resume.number])

        let ticketPlan = try planWithoutSequentialScans(
            db, "SELECT id FROM ticket WHERE search_words @@ plainto_tsquery('deskterm_simple', $1)", [.text("resume")])
        XCTAssertTrue(ticketPlan.contains("ticket_search_words"), ticketPlan)
        let messagePlan = try planWithoutSequentialScans(
            db, "SELECT id FROM message WHERE search_words @@ plainto_tsquery('deskterm_simple', $1)", [.text("ecole")])
        XCTAssertTrue(messagePlan.contains("message_search_words"), messagePlan)
    }

    /// `PostgresTextSearchQuery`'s condition for one CJK word, over the text of `table`.
    private func cjkCondition(_ word: String, ticket: Bool) -> (sql: String, values: [PostgresValue]) {
        let fragment = PostgresTextSearchQuery.containing(word, in: ticket ? PostgresSchema.ticketText("t") : "m.body")
        return (fragment.numbered(), fragment.values)
    }

    private func ticketsContaining(_ db: PostgresConnection, _ word: String) throws -> [Int64] {
        let condition = cjkCondition(word, ticket: true)
        return try numbers(db, "SELECT number FROM ticket t WHERE \(condition.sql)", condition.values)
    }

    private func messagesContaining(_ db: PostgresConnection, _ word: String) throws -> [Int64] {
        let condition = cjkCondition(word, ticket: false)
        return try numbers(db, "SELECT id FROM message m WHERE \(condition.sql)", condition.values)
    }

    func testJapaneseWordsOfEveryLengthAreFoundThroughTheCJKGramIndexes() throws {
        let db = try ScratchDatabase(self).connectToDesk()
        let hana = try DeskRows.user(db, handle: "hana", role: "customer")
        let invoice = try DeskRows.ticket(db, requester: hana, subject: "先月分の請求書が届いていません", description: "ご確認をお願いします。")
        let login = try DeskRows.ticket(db, requester: hana, subject: "ログインできません", description: "パスワードを再設定しました。")
        let english = try DeskRows.ticket(db, requester: hana, subject: "Invoice missing", description: "No CJK here")
        let reply = try DeskRows.message(db, ticket: login.id, author: hana, body: "お客様の請求書の件について、担当者からご連絡いたします。")
        let receipt = try DeskRows.message(db, ticket: invoice.id, author: hana, body: "領収書も必要です。")
        try DeskRows.message(db, ticket: english.id, author: hana, body: "Plain English only")

        XCTAssertEqual(try ticketsContaining(db, "請求書"), [invoice.number])
        XCTAssertEqual(try ticketsContaining(db, "再設定"), [login.number], "the description counts")
        XCTAssertEqual(try messagesContaining(db, "請求書"), [reply])
        XCTAssertEqual(try messagesContaining(db, "納品書"), [])
        // One and two characters: a key of their own, which trigrams never had.
        XCTAssertEqual(try messagesContaining(db, "書"), [reply, receipt])
        XCTAssertEqual(try messagesContaining(db, "領収"), [receipt])
        XCTAssertEqual(try ticketsContaining(db, "確認"), [invoice.number])
        XCTAssertEqual(try ticketsContaining(db, "ン"), [login.number])
        // Both characters, but not side by side: the pairs tell them apart.
        XCTAssertEqual(try messagesContaining(db, "書必"), [])
        XCTAssertEqual(try messagesContaining(db, "書も"), [receipt])
        // Kanji and kana in one word.
        XCTAssertEqual(try ticketsContaining(db, "再設定し"), [login.number])
        XCTAssertEqual(try messagesContaining(db, "お客様の"), [reply])
        // The word index sees a whole run of Japanese as one word, so only the CJK index finds it.
        XCTAssertEqual(try ticketsWithWords(db, "請求書"), [])

        for word in ["請求書", "領収", "書"] {
            let ticket = cjkCondition(word, ticket: true)
            let ticketPlan = try planWithoutSequentialScans(db, "SELECT number FROM ticket t WHERE \(ticket.sql)", ticket.values)
            XCTAssertTrue(ticketPlan.contains("Bitmap Index Scan on ticket_cjk_grams"), ticketPlan)
            let message = cjkCondition(word, ticket: false)
            let messagePlan = try planWithoutSequentialScans(db, "SELECT id FROM message m WHERE \(message.sql)", message.values)
            XCTAssertTrue(messagePlan.contains("Bitmap Index Scan on message_cjk_grams"), messagePlan)
        }
    }

    /// The index only holds rows with CJK text, and a word needs only the keys a text holding
    /// it must have: its pairs, or its lone character.
    func testTheGramsOfATextAndOfASearchedWord() throws {
        let db = try ScratchDatabase(self).connectToDesk()
        func array(_ sql: String, _ text: String) throws -> [String] {
            try db.query("SELECT array_to_string(\(sql), ' ') FROM (SELECT $1::text AS x) s", [.text(text)])[0]
                .decode(String?.self, at: 0)?.split(separator: " ").map(String.init).sorted() ?? []
        }
        XCTAssertEqual(try array("deskterm_cjk_grams(x)", "請求書 ok 日本"), ["日", "日本", "書", "本", "求", "求書", "請", "請求"].sorted())
        XCTAssertEqual(try array("deskterm_cjk_word_grams(x)", "請求書"), ["求書", "請求"].sorted())
        XCTAssertEqual(try array("deskterm_cjk_word_grams(x)", "書"), ["書"])
        XCTAssertEqual(try array("deskterm_cjk_word_grams(x)", "20名分"), ["名分"])
        XCTAssertEqual(try array("deskterm_cjk_word_grams(x)", "a名b"), ["名"])
        XCTAssertEqual(try db.query("SELECT deskterm_has_cjk('plain text'), deskterm_has_cjk('한국어')").map {
            [try $0.decode(Bool.self, at: 0), try $0.decode(Bool.self, at: 1)]
        }, [[false, true]])
    }

    /// What counts as CJK comes from code points, so the same rows are indexed whatever the
    /// database's locale; under `C` (where pg_trgm took no trigram from Japanese) short words
    /// still use the index.
    func testUnderTheCLocaleJapaneseIsStillIndexed() throws {
        let db = try ScratchDatabase(self, encoding: "UTF8", locale: "C").connectToDesk()
        let hana = try DeskRows.user(db, handle: "hana", role: "customer")
        let invoice = try DeskRows.ticket(db, requester: hana, subject: "先月分の請求書が届いていません")
        XCTAssertEqual(try ticketsContaining(db, "請求書"), [invoice.number])
        XCTAssertEqual(try ticketsContaining(db, "月"), [invoice.number])
        let condition = cjkCondition("月", ticket: true)
        let plan = try planWithoutSequentialScans(db, "SELECT number FROM ticket t WHERE \(condition.sql)", condition.values)
        XCTAssertTrue(plan.contains("Bitmap Index Scan on ticket_cjk_grams"), plan)
    }
}
