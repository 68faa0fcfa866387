@testable import DeskModel
import DeskPostgres
@testable import DeskPostgresStore
import XCTest

/// `pg7-cjk-grams` on a desk made before it: the trigram indexes go, the CJK gram indexes are
/// built over the rows already there.
final class PostgresCJKGramsMigrationTests: XCTestCase {
    private func indexes(_ db: PostgresConnection, on table: String) throws -> [String] {
        try db.query("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1 ORDER BY indexname", [.text(table)])
            .map { try $0.decode(String.self, at: 0) }
    }

    func testAPg6DeskMigratesAndFindsItsJapaneseThroughTheNewIndexes() throws {
        let scratch = try ScratchDatabase(self)
        let db = try scratch.connect()
        let throughPg6 = Array(PostgresSchema.steps.prefix { $0.name != "pg7-cjk-grams" })
        XCTAssertEqual(throughPg6.last?.name, "pg6-message-body-length")
        try PostgresMigrator.migrate(db, steps: throughPg6)
        let hana = try DeskRows.user(db, handle: "hana", role: "customer")
        let invoice = try DeskRows.ticket(db, requester: hana, subject: "請求書が届いていません", description: "確認をお願いします")
        let reply = try DeskRows.message(db, ticket: invoice.id, author: hana, body: "領収書も必要です。")
        XCTAssertTrue(try indexes(db, on: "message").contains("message_body_trigrams"))

        XCTAssertEqual(try PostgresMigrator.migrate(scratch.connect()).first, "pg7-cjk-grams")

        XCTAssertFalse(try indexes(db, on: "message").contains("message_body_trigrams"))
        XCTAssertFalse(try indexes(db, on: "ticket").contains("ticket_text_trigrams"))
        XCTAssertTrue(try indexes(db, on: "message").contains("message_cjk_grams"))
        XCTAssertTrue(try indexes(db, on: "ticket").contains("ticket_cjk_grams"))
        let message = PostgresTextSearchQuery.containing("収", in: "m.body")
        let sql = "SELECT id FROM message m WHERE \(message.numbered())"
        XCTAssertEqual(try db.query(sql, message.values).map { try $0.decode(Int64.self, at: 0) }, [reply])
        let plan = try db.transaction { db in
            try db.execute("SET LOCAL enable_seqscan = off")
            return try db.query("EXPLAIN " + sql, message.values).map { try $0.decode(String.self, at: 0) }.joined(separator: "\n")
        }
        XCTAssertTrue(plan.contains("Bitmap Index Scan on message_cjk_grams"), plan)
        let ticket = PostgresTextSearchQuery.containing("確認", in: PostgresSchema.ticketText("t"))
        XCTAssertEqual(
            try db.query("SELECT number FROM ticket t WHERE \(ticket.numbered())", ticket.values).map { try $0.decode(Int64.self, at: 0) },
            [invoice.number])
    }

    /// The regular expression of `deskterm_has_cjk` and `CJKText.isCJK` (which SQLite's CJK
    /// index and the customers' matcher use) call the same code points CJK.
    func testTheDatabaseAndSwiftAgreeOnWhatIsCJK() throws {
        let db = try ScratchDatabase(self).connectToDesk()
        let checked = 0x1000...0x3_2000
        let inDatabase = Set(try db.query(
            "SELECT c FROM generate_series($1::int, $2::int) c WHERE c NOT BETWEEN 55296 AND 57343 AND deskterm_has_cjk(chr(c))",
            [.int(Int64(checked.lowerBound)), .int(Int64(checked.upperBound))]
        ).map { try $0.decode(Int.self, at: 0) })
        let inSwift = Set(checked.filter { value in Unicode.Scalar(UInt32(value)).map(CJKText.isCJK) ?? false })
        XCTAssertEqual(inDatabase.count, inSwift.count)
        XCTAssertEqual(inDatabase.symmetricDifference(inSwift).sorted().prefix(10).map { String($0, radix: 16) }, [])
    }
}
