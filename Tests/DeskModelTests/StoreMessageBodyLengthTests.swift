import GRDB
import XCTest
@testable import DeskModel

/// Opening a ticket reads its outline from `message_outline` alone, with each body's length
/// stored (`v13-message-body-length`): every way of writing a message must keep that length,
/// a row without one must still be read right, and the reads must stay index ranges.
final class StoreMessageBodyLengthTests: StoreTestCase {
    private func lengthsDisagreeing() throws -> Int {
        try f.sql { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message WHERE body_length IS NOT length(body)") ?? -1
        }
    }

    private func history() throws {
        try f.ticket("Imprimante bloquée", by: f.peter)
        f.clock.advance(by: 60)
        try f.reply(1, "Ça bloque encore 🖨 — 印刷できません", by: f.peter)
        f.clock.advance(by: 60)
        try f.note(1, "Firmware bug, see KB-12", by: f.alice)
        f.clock.advance(by: 60)
        _ = try store.changeStatus(number: 1, to: .pending, by: f.alice)
        try f.sql { db in
            try db.execute(sql: """
                INSERT INTO message(ticket_id, kind, author_id, body, created_at, in_reply_to_id)
                SELECT id, 'reply', requester_id, 'Written by another program', created_at + 1000, NULL FROM ticket WHERE number = 1
                """)
        }
    }

    func testEveryWayOfWritingAMessageStoresItsBodyLength() throws {
        try history()
        XCTAssertEqual(try f.count("message"), 4)
        XCTAssertEqual(try lengthsDisagreeing(), 0)
        // In characters, as SQLite counts them, not bytes.
        let stored = try f.sql { db in
            try Int.fetchOne(db, sql: "SELECT body_length FROM message WHERE body LIKE 'Ça bloque%'")
        }
        XCTAssertEqual(stored, "Ça bloque encore 🖨 — 印刷できません".unicodeScalars.count)

        try f.sql { db in try db.execute(sql: "UPDATE message SET body = body || ' (edited)' WHERE body LIKE 'Firmware%'") }
        XCTAssertEqual(try lengthsDisagreeing(), 0)
    }

    func testARowWithoutAStoredLengthIsReadWithItsLength() throws {
        try history()
        let before = try store.detail(number: 1, viewer: f.alice, bodies: .nearEnds(count: 0))
        try f.sql { db in try db.execute(sql: "UPDATE message SET body_length = NULL") }
        XCTAssertEqual(try store.detail(number: 1, viewer: f.alice, bodies: .nearEnds(count: 0)), before)
        XCTAssertFalse(before.unloadedBodies.isEmpty)
        let whole = try store.detail(number: 1, viewer: f.alice)
        for message in whole.messages where message.kind != .systemEvent {
            XCTAssertEqual(before.unloadedBodies[message.id], message.body.unicodeScalars.count, message.body)
        }
    }

    func testTheMigrationFillsTheLengthsOfADeskMadeBeforeIt() throws {
        try history()
        // The desk as the previous version left it: no column, index, triggers nor record.
        try f.sql { db in
            for trigger in ["message_body_length_insert", "message_body_length_update"] {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
            try db.execute(sql: "DROP INDEX message_outline")
            try db.execute(sql: "ALTER TABLE message DROP COLUMN body_length")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v13-message-body-length'")
        }
        // What opening the desk does (this process shares one pool per file, opened already).
        try Schema.migrator.migrate(f.sqlite.pool)
        XCTAssertEqual(try lengthsDisagreeing(), 0)
        XCTAssertEqual(try f.sql { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message WHERE body_length > 0") }, 4)
        try f.reply(1, "After the migration", by: f.peter)
        XCTAssertEqual(try lengthsDisagreeing(), 0)
    }

    /// The generator writes lengths in its own insert (the trigger would write each row twice)
    /// and builds `message_outline` after the load, as it does the other indexes.
    func testTheDemoGeneratorStoresLengthsAndBuildsTheOutlineIndex() throws {
        let file = f.directory.appendingPathComponent("bulk.sqlite").path
        let now = StoreFixture.start + 400 * StoreFixture.day
        let built = try BulkDesk.build(path: file, options: BulkDesk.Options(tickets: 200, messagesPerTicket: 4, seed: 3, now: now, longThread: 300))
        let bulk = try Desk.open(address: file, clock: .fixed(now))
        try bulk.sqliteStore!.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message"), built.messages)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message WHERE body_length IS NOT length(body)"), 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'message_outline'"), 1)
        }
        let chain = try bulk.detail(number: try XCTUnwrap(built.longThreadTicket), viewer: bulk.viewer(handle: "alice"), bodies: .client)
        XCTAssertEqual(chain.unloadedBodies.count, chain.messages.filter { $0.kind != .systemEvent }.count - 64)
        XCTAssertTrue(chain.unloadedBodies.values.allSatisfy { $0 > 0 })
    }

    /// The statements run while opening a ticket for display, each with its plan, under the
    /// statistics of a large desk (five messages a ticket on average: the ticket's index then
    /// looks cheaper than a few lookups by id, and than an index without statistics).
    private func plansOfOpening(_ viewer: Viewer) throws -> [(sql: String, plan: [String])] {
        try f.sql { db in
            try db.execute(sql: "ANALYZE")
            try db.execute(sql: "DELETE FROM sqlite_stat1 WHERE tbl = 'message'")
            try db.execute(sql: "INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES ('message', 'message_ticket', '632100 5 1')")
            try db.execute(sql: "ANALYZE sqlite_schema")
            var statements: [String] = []
            db.trace { event in
                if case .statement(let statement) = event { statements.append(statement.expandedSQL) }
            }
            let ticket = try SQLiteDeskStore.visibleTicket(db, number: 1, viewer: viewer)
            let outline = try SQLiteDeskStore.historyOutline(db, ticketID: ticket.id, viewer: viewer)
            _ = try SQLiteDeskStore.messageBodies(db, ticketID: ticket.id, ids: outline.messages.map(\.id), viewer: viewer)
            db.trace(options: [])
            return try statements.filter { $0.contains("FROM message") }.map { sql in
                (sql, try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String })
            }
        }
    }

    func testTheOutlineIsAnIndexRangeAndBodiesAreReadByID() throws {
        try history()
        for viewer in [f.alice, f.peter] {
            let plans = try plansOfOpening(viewer)
            XCTAssertEqual(plans.count, 2, "\(plans)")
            let outline = try XCTUnwrap(plans.first { $0.sql.contains("body_length") })
            XCTAssertEqual(outline.plan, ["SEARCH message USING INDEX message_outline (ticket_id=?)"], outline.sql)
            let bodies = try XCTUnwrap(plans.first { $0.sql.contains("id IN") })
            XCTAssertEqual(bodies.plan, ["SEARCH message USING INTEGER PRIMARY KEY (rowid=?)"], bodies.sql)
        }
    }
}
