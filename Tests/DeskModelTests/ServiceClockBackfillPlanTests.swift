import GRDB
import XCTest
@testable import DeskModel

/// The clocks of every open ticket are started in one query when a desk first gets service
/// levels or a bulk load ends, before the message index exists. Asking "did staff answer?"
/// per ticket then scanned all messages once per open ticket: a million-ticket demo never
/// finished. The question must be one pass over the messages, whatever indexes exist.
final class ServiceClockBackfillPlanTests: XCTestCase {
    func testOpenTicketsAsksWhetherStaffAnsweredOnceForAllTicketsNotPerTicket() throws {
        let queue = try DatabaseQueue()
        let plan = try queue.write { db -> [String] in
            try db.execute(sql: """
                CREATE TABLE organisation(id INTEGER PRIMARY KEY, tier TEXT);
                CREATE TABLE "user"(id INTEGER PRIMARY KEY, role TEXT);
                CREATE TABLE ticket(id INTEGER PRIMARY KEY, created_at INTEGER, urgency TEXT, status TEXT, organisation_id INTEGER);
                CREATE TABLE message(id INTEGER PRIMARY KEY, ticket_id INTEGER, author_id INTEGER, kind TEXT);
                """)
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + ServiceLevelSQL.openTickets).map { $0["detail"] as String }
        }
        XCTAssertFalse(plan.contains { $0.contains("CORRELATED") }, "a per-ticket subquery over the messages: \(plan)")
    }

    func testOpenTicketsTellsAnsweredTicketsFromUnansweredOnesAndSkipsClosedOnes() throws {
        let queue = try DatabaseQueue()
        let rows = try queue.write { db -> [Row] in
            try db.execute(sql: """
                CREATE TABLE organisation(id INTEGER PRIMARY KEY, tier TEXT);
                CREATE TABLE "user"(id INTEGER PRIMARY KEY, role TEXT);
                CREATE TABLE ticket(id INTEGER PRIMARY KEY, created_at INTEGER, urgency TEXT, status TEXT, organisation_id INTEGER);
                CREATE TABLE message(id INTEGER PRIMARY KEY, ticket_id INTEGER, author_id INTEGER, kind TEXT);
                INSERT INTO organisation VALUES (1, 'business');
                INSERT INTO "user" VALUES (1, 'customer'), (2, 'agent');
                INSERT INTO ticket VALUES (1, 100, 'low', 'open', 1), (2, 100, 'low', 'open', 1),
                    (3, 100, 'low', 'awaitingCustomer', NULL), (4, 100, 'low', 'closed', 1);
                -- 1: an agent's public reply; 2: only an agent's internal note; 3: only the customer.
                INSERT INTO message VALUES (1, 1, 1, 'reply'), (2, 1, 2, 'reply'), (3, 2, 1, 'reply'),
                    (4, 2, 2, 'internalNote'), (5, 3, 1, 'reply'), (6, 4, 2, 'reply');
                """)
            return try Row.fetchAll(db, sql: ServiceLevelSQL.openTickets)
        }
        XCTAssertEqual(rows.map { $0["id"] as Int64 }, [1, 2, 3])
        XCTAssertEqual(rows.map { $0["answered"] as Bool }, [true, false, false])
        XCTAssertEqual(rows.map { $0["tier"] as String? }, ["business", "business", nil])
    }
}
