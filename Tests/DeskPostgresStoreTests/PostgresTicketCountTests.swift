import DeskPostgres
import DeskPostgresStore
import XCTest

final class PostgresTicketCountTests: XCTestCase {
    func testCountersFollowInsertsUpdatesAndDeletes() throws {
        let db = try ScratchDatabase(self).connectToDesk()
        let alice = try DeskRows.user(db, handle: "alice")
        let camille = try DeskRows.user(db, handle: "camille", role: "customer")

        let unassigned = try DeskRows.ticket(db, requester: camille)
        let assigned = try DeskRows.ticket(db, requester: camille, status: "open", assignee: alice)
        let closed = try DeskRows.ticket(db, requester: camille, status: "closed")
        XCTAssertEqual(try DeskRows.counts(db), ["all": 3, "open": 2, "unassignedOpen": 1])

        try db.execute("UPDATE ticket SET assignee_id = $1 WHERE id = $2", [.int(alice), .int(unassigned.id)])
        XCTAssertEqual(try DeskRows.counts(db), ["all": 3, "open": 2, "unassignedOpen": 0])

        try db.execute("UPDATE ticket SET status = 'closed' WHERE id = $1", [.int(assigned.id)])
        XCTAssertEqual(try DeskRows.counts(db), ["all": 3, "open": 1, "unassignedOpen": 0])

        // One statement over several rows (a bulk change): one unassigned and reopened, one unassigned.
        try db.execute(
            "UPDATE ticket SET assignee_id = NULL, status = CASE WHEN id = $1 THEN 'open' ELSE status END WHERE id IN ($1, $2)",
            [.int(closed.id), .int(unassigned.id)])
        XCTAssertEqual(try DeskRows.counts(db), ["all": 3, "open": 2, "unassignedOpen": 2])

        // A change of anything else (a reply moving the update time) leaves them.
        try db.execute("UPDATE ticket SET updated_at = updated_at + 60")
        XCTAssertEqual(try DeskRows.counts(db), ["all": 3, "open": 2, "unassignedOpen": 2])

        try db.execute("DELETE FROM ticket WHERE id = $1", [.int(unassigned.id)])
        XCTAssertEqual(try DeskRows.counts(db), ["all": 2, "open": 1, "unassignedOpen": 1])
        try db.execute("DELETE FROM ticket")
        XCTAssertEqual(try DeskRows.counts(db), ["all": 0, "open": 0, "unassignedOpen": 0])
    }

    func testAnUpdateThatChangesNoCountLeavesTheCounterRowsUnlocked() throws {
        let scratch = try ScratchDatabase(self)
        let db = try scratch.connectToDesk()
        let camille = try DeskRows.user(db, handle: "camille", role: "customer")
        let ticket = try DeskRows.ticket(db, requester: camille)

        try db.transaction { db in
            try db.execute("UPDATE ticket SET updated_at = updated_at + 60, subject = 'Printer still offline' WHERE id = $1", [.int(ticket.id)])
            // Another writer may take every counter row at once while this transaction is open.
            let other = try scratch.connect()
            try other.transaction { other in
                try other.execute("SET LOCAL lock_timeout = '1s'")
                XCTAssertEqual(try other.execute("SELECT 1 FROM ticket_count FOR UPDATE"), 3)
            }
        }
    }

    func testConcurrentWritersLoseNoCount() throws {
        let scratch = try ScratchDatabase(self)
        let db = try scratch.connectToDesk()
        let alice = try DeskRows.user(db, handle: "alice")
        let camille = try DeskRows.user(db, handle: "camille", role: "customer")

        // Eight writers, each creating 20 tickets, assigning every second one and closing every fourth.
        let results = concurrently(8, connect: { try scratch.connect() }) { db, _ in
            for index in 0..<20 {
                try db.transaction { db in
                    let ticket = try DeskRows.ticket(db, requester: camille)
                    if index % 2 == 0 {
                        try db.execute("UPDATE ticket SET assignee_id = $1, status = 'open' WHERE id = $2", [.int(alice), .int(ticket.id)])
                    }
                    if index % 4 == 0 {
                        try db.execute("UPDATE ticket SET status = 'closed' WHERE id = $1", [.int(ticket.id)])
                    }
                }
            }
        }
        for result in results { try result.get() }

        XCTAssertEqual(try DeskRows.counts(db), ["all": 160, "open": 120, "unassignedOpen": 80])
        XCTAssertEqual(try DeskRows.counts(db), try DeskRows.countedFromRows(db))

        // Then all at once over shared rows: each writer closes its own eighth of the open tickets.
        let closing = concurrently(8, connect: { try scratch.connect() }) { db, writer in
            try db.execute("UPDATE ticket SET status = 'closed' WHERE NOT is_closed AND id % 8 = $1", [.int(Int64(writer))])
        }
        for result in closing { _ = try result.get() }
        XCTAssertEqual(try DeskRows.counts(db), ["all": 160, "open": 0, "unassignedOpen": 0])
    }

    func testRecountSetsTheCountersFromTheRows() throws {
        let db = try ScratchDatabase(self).connectToDesk()
        let camille = try DeskRows.user(db, handle: "camille", role: "customer")
        // A bulk load may load rows with the triggers off, then recount once.
        try db.executeScript("ALTER TABLE ticket DISABLE TRIGGER ticket_count_insert")
        try DeskRows.ticket(db, requester: camille)
        try DeskRows.ticket(db, requester: camille, status: "closed")
        try db.executeScript("ALTER TABLE ticket ENABLE TRIGGER ticket_count_insert")
        XCTAssertEqual(try DeskRows.counts(db), ["all": 0, "open": 0, "unassignedOpen": 0])

        try db.execute(PostgresSchema.recountTicketsSQL)
        XCTAssertEqual(try DeskRows.counts(db), ["all": 2, "open": 1, "unassignedOpen": 1])
    }
}
