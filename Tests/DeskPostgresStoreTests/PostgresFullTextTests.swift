import DeskPostgres
import DeskPostgresStore
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

    func testAJapaneseWordInsideALongerSentenceIsFoundThroughTheTrigramIndexes() throws {
        let db = try ScratchDatabase(self).connectToDesk()
        XCTAssertTrue(try PostgresDatabaseCheck.cjkTrigramsIndexed(db), "a C.UTF-8 database takes trigrams from Japanese")
        let hana = try DeskRows.user(db, handle: "hana", role: "customer")
        let invoice = try DeskRows.ticket(db, requester: hana, subject: "先月分の請求書が届いていません", description: "ご確認をお願いします。")
        let login = try DeskRows.ticket(db, requester: hana, subject: "ログインできません", description: "パスワードを再設定しました。")
        let reply = try DeskRows.message(db, ticket: login.id, author: hana, body: "お客様の請求書の件について、担当者からご連絡いたします。")
        try DeskRows.message(db, ticket: invoice.id, author: hana, body: "領収書も必要です。")

        let ticketSQL = "SELECT number FROM ticket t WHERE \(PostgresSchema.ticketText("t")) LIKE '%' || $1 || '%'"
        let messageSQL = "SELECT id FROM message WHERE body LIKE '%' || $1 || '%'"
        XCTAssertEqual(try numbers(db, ticketSQL, [.text("請求書")]), [invoice.number])
        XCTAssertEqual(try numbers(db, ticketSQL, [.text("再設定")]), [login.number], "the description counts")
        XCTAssertEqual(try numbers(db, messageSQL, [.text("請求書")]), [reply])
        XCTAssertEqual(try numbers(db, messageSQL, [.text("納品書")]), [])
        // The word index sees a whole run of Japanese as one word, so only the trigrams find it.
        XCTAssertEqual(try ticketsWithWords(db, "請求書"), [])

        let ticketPlan = try planWithoutSequentialScans(db, ticketSQL, [.text("請求書")])
        XCTAssertTrue(ticketPlan.contains("Bitmap Index Scan on ticket_text_trigrams"), ticketPlan)
        let messagePlan = try planWithoutSequentialScans(db, messageSQL, [.text("請求書")])
        XCTAssertTrue(messagePlan.contains("Bitmap Index Scan on message_body_trigrams"), messagePlan)
    }

    /// pg_trgm takes its "words" from the database's LC_CTYPE: under C, Japanese has no
    /// letters, so no trigram; a search still finds the text, reading every row.
    func testUnderTheCLocaleJapaneseHasNoTrigramsButIsStillFound() throws {
        let db = try ScratchDatabase(self, encoding: "UTF8", locale: "C").connectToDesk()
        XCTAssertFalse(try PostgresDatabaseCheck.cjkTrigramsIndexed(db))
        let hana = try DeskRows.user(db, handle: "hana", role: "customer")
        let invoice = try DeskRows.ticket(db, requester: hana, subject: "先月分の請求書が届いていません")
        XCTAssertEqual(
            try numbers(db, "SELECT number FROM ticket t WHERE \(PostgresSchema.ticketText("t")) LIKE '%' || $1 || '%'", [.text("請求書")]),
            [invoice.number])
    }
}
