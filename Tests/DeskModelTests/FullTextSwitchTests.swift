import GRDB
import XCTest
@testable import DeskModel

/// Bulk writes index their rows in one statement at the end of their transaction; everything
/// else keeps row-by-row indexing, also while another connection is deferring.
final class FullTextSwitchTests: StoreTestCase {
    func testADeferredWriteIndexesItsRowsBeforeCommitting() throws {
        let ticket = try f.ticket("Scanner offline", by: f.paula)
        try f.sqlite.write { db in
            try f.sqlite.fullText.deferIndexing(db) {
                try db.execute(
                    sql: "INSERT INTO message(ticket_id, kind, author_id, body, created_at) VALUES (?, 'reply', ?, 'the flux capacitor hums', 0)",
                    arguments: [ticket.id, f.paula.id])
                // Not indexed row by row while deferred.
                XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message_fts WHERE message_fts MATCH 'capacitor'"), 0)
            }
        }
        XCTAssertEqual(try f.searchNumbers("capacitor", f.alice), [ticket.number])
        XCTAssertTrue(f.sqlite.fullText.isLive)
    }

    /// One process has one pool per desk (so one switch); another process has its own.
    func testAnotherProcessesConnectionKeepsIndexingWhileOneDefers() throws {
        let ticket = try f.ticket("Scanner offline", by: f.paula)
        let otherSwitch = FullTextSwitch()
        var configuration = Configuration()
        configuration.prepareDatabase { db in otherSwitch.register(in: db) }
        let other = try DatabaseQueue(path: f.path, configuration: configuration)
        defer { try? other.close() }
        try f.sqlite.write { db in
            try f.sqlite.fullText.deferIndexing(db) {
                XCTAssertTrue(otherSwitch.isLive)
                XCTAssertFalse(f.sqlite.fullText.isLive)
            }
        }
        try other.write { db in
            try db.execute(
                sql: "INSERT INTO message(ticket_id, kind, author_id, body, created_at) VALUES (?, 'reply', ?, 'a quasar in the logs', 0)",
                arguments: [ticket.id, f.alice.id])
        }
        XCTAssertEqual(try f.searchNumbers("quasar", f.alice), [ticket.number])
    }

    func testARolledBackDeferredWriteLeavesIndexingOn() throws {
        struct Stop: Error {}
        XCTAssertThrowsError(try f.sqlite.write { db in
            try f.sqlite.fullText.deferIndexing(db) { throw Stop() }
        })
        XCTAssertTrue(f.sqlite.fullText.isLive)
        let ticket = try f.ticket("Printer on fire", by: f.paula)
        XCTAssertEqual(try f.searchNumbers("fire", f.alice), [ticket.number])
    }
}
