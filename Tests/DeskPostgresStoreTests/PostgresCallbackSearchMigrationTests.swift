@testable import DeskModel
import DeskPostgres
@testable import DeskPostgresStore
import XCTest

/// `pg14-callback-search` on a desk made before it: the call-back events' stored text (the
/// requester's window and zone) leaves the word and CJK indexes; other events keep theirs.
final class PostgresCallbackSearchMigrationTests: XCTestCase {
    func testAPg13DesksCallBackEventsLoseTheirSearchableText() throws {
        let scratch = try ScratchDatabase(self)
        let db = try scratch.connect()
        let throughPg13 = Array(PostgresSchema.steps.prefix { $0.name != "pg14-callback-search" })
        XCTAssertEqual(throughPg13.last?.name, "pg13-callback")
        try PostgresMigrator.migrate(db, steps: throughPg13)
        let eve = try DeskRows.user(db, handle: "eve", role: "customer")
        let ticket = try DeskRows.ticket(db, requester: eve, subject: "VPN drops")
        func event(_ event: SystemEvent, _ body: String) throws -> Int64 {
            try db.query(
                "INSERT INTO message (ticket_id, kind, author_id, body, created_at, event) VALUES ($1, 'systemEvent', $2, $3, 0, $4) RETURNING id",
                [.int(ticket.id), .int(eve), .text(body), .text(event.payload)])[0].decode(Int64.self, at: 0)
        }
        let requested = try event(.callbackRequested(window: "14:00-16:00", zone: "Europe/Paris", actor: "eve"),
                                  "Call-back requested by eve: 14:00-16:00 (Europe/Paris) 東京")
        let status = try event(.statusChanged(from: .new, to: .open, actor: "alice"), "Status New → Open by alice")
        func matching(_ word: String) throws -> [Int64] {
            try db.query("SELECT id FROM message WHERE search_words @@ to_tsquery('\(PostgresSchema.textSearchConfiguration)', $1) ORDER BY id",
                         [.text(word)]).map { try $0.decode(Int64.self, at: 0) }
        }
        func cjk(_ word: String) throws -> [Int64] {
            let query = PostgresTextSearchQuery.containing(word, in: "m.body")
            return try db.query("SELECT id FROM message m WHERE \(query.numbered())", query.values).map { try $0.decode(Int64.self, at: 0) }
        }
        XCTAssertEqual(try matching("requested"), [requested])
        XCTAssertEqual(try cjk("東京"), [requested])

        XCTAssertEqual(try PostgresMigrator.migrate(scratch.connect()), ["pg14-callback-search", "pg15-reports"])

        XCTAssertEqual(try matching("requested"), [])
        XCTAssertEqual(try cjk("東京"), [])
        XCTAssertEqual(try matching("alice"), [status], "other events keep their text")
        XCTAssertEqual(try db.query("SELECT body_length FROM message WHERE id = $1", [.int(requested)])[0].decode(Int64.self, at: 0), 0)
    }
}
