import GRDB
import XCTest
@testable import DeskModel

/// A status change writes the ticket's row once: the status and both update times in one
/// statement (a bulk change of a thousand tickets makes a thousand row writes, not two thousand).
final class StoreStatusRowWriteTests: StoreTestCase {
    /// Counts every write of a ticket row from here on, whichever connection makes it.
    private func countTicketRowWrites() throws {
        try f.sql { db in
            try db.execute(sql: """
                CREATE TABLE ticket_row_writes(count INTEGER NOT NULL);
                INSERT INTO ticket_row_writes VALUES (0);
                CREATE TRIGGER count_ticket_row_writes AFTER UPDATE ON ticket BEGIN
                    UPDATE ticket_row_writes SET count = count + 1;
                END;
                """)
        }
    }

    private func ticketRowWrites() throws -> Int {
        try f.sql { db in try Int.fetchOne(db, sql: "SELECT count FROM ticket_row_writes") ?? -1 }
    }

    func testABulkStatusChangeWritesEachTicketRowOnceAndMovesItsTimes() throws {
        let tickets = try (1...3).map { try f.ticket("Scanner \($0) offline", by: f.peter) }
        _ = try store.assign(number: tickets[0].number, to: "alice", by: f.alice)
        try countTicketRowWrites()
        f.clock.advance(by: 600)

        let outcomes = try store.bulk(.changeStatus(.pending), numbers: tickets.map(\.number), by: f.alice)
        XCTAssertEqual(outcomes, tickets.map { BulkOutcome(number: $0.number) })
        XCTAssertEqual(try ticketRowWrites(), 3)
        for ticket in tickets {
            let changed = try store.ticket(number: ticket.number, viewer: f.alice)
            XCTAssertEqual(changed.status, .pending)
            XCTAssertEqual(changed.updatedAt, f.clock.now.wholeSeconds)
        }
        // Customers see the change: the public time (what their list shows) moved too.
        let customersRows = try store.page(PageRequest(view: .all, limit: 10), viewer: f.peter).rows
        XCTAssertEqual(customersRows.count, 3)
        XCTAssertTrue(customersRows.allSatisfy { $0.updatedAt == f.clock.now.wholeSeconds })
    }

    func testASingleStatusChangeWritesTheRowOnce() throws {
        let ticket = try f.ticket("Printer offline", by: f.peter)
        _ = try store.assign(number: ticket.number, to: "alice", by: f.alice)
        try countTicketRowWrites()
        f.clock.advance(by: 60)
        _ = try store.changeStatus(number: ticket.number, to: .awaitingCustomer, by: f.alice)
        XCTAssertEqual(try ticketRowWrites(), 1)
        XCTAssertEqual(try store.ticket(number: ticket.number, viewer: f.alice).updatedAt, f.clock.now.wholeSeconds)
    }
}
