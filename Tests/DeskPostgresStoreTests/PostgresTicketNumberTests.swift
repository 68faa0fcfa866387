import DeskPostgres
import DeskPostgresStore
import XCTest

final class PostgresTicketNumberTests: XCTestCase {
    private func nextNumber(_ db: PostgresConnection) throws -> Int64 {
        try db.query(PostgresSchema.nextTicketNumberSQL)[0].decode(Int64.self, at: 0)
    }

    func testFiftyConcurrentCreatorsAllSucceedWithDistinctNumbers() throws {
        let scratch = try ScratchDatabase(self)
        let db = try scratch.connectToDesk()
        let camille = try DeskRows.user(db, handle: "camille", role: "customer")

        let results = concurrently(50, connect: { try scratch.connect() }) { db, writer in
            try db.transaction(.readCommitted, retry: .never) { db in
                try DeskRows.ticket(db, requester: camille, subject: "Creator \(writer)").number
            }
        }
        let numbers = try results.map { try $0.get() }
        XCTAssertEqual(numbers.sorted(), Array(1...50), "unique and, with no rollback, without gaps")
        XCTAssertEqual(try db.query("SELECT count(DISTINCT number) FROM ticket")[0].decode(Int64.self, at: 0), 50)
        XCTAssertEqual(try DeskRows.counts(db)["all"], 50)
        XCTAssertEqual(try nextNumber(db), 51)
    }

    func testARolledBackCreationGivesItsNumberBack() throws {
        struct Abandoned: Error {}
        let db = try ScratchDatabase(self).connectToDesk()
        let camille = try DeskRows.user(db, handle: "camille", role: "customer")
        XCTAssertEqual(try DeskRows.ticket(db, requester: camille).number, 1)

        XCTAssertThrowsError(try db.transaction { db in
            XCTAssertEqual(try DeskRows.ticket(db, requester: camille).number, 2)
            throw Abandoned()
        })
        XCTAssertEqual(try DeskRows.ticket(db, requester: camille).number, 2)
    }

    func testTicketsInsertedWithTheirOwnNumbersMoveTheCounterPastThem() throws {
        let db = try ScratchDatabase(self).connectToDesk()
        let camille = try DeskRows.user(db, handle: "camille", role: "customer")
        // A copied desk keeps its numbers.
        try DeskRows.ticket(db, requester: camille, number: 1042)
        try DeskRows.ticket(db, requester: camille, number: 7)
        XCTAssertEqual(try DeskRows.ticket(db, requester: camille).number, 1043)

        XCTAssertThrowsError(try DeskRows.ticket(db, requester: camille, number: 7)) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .uniqueViolation)
            XCTAssertEqual((error as? PostgresError)?.constraint, "ticket_number_key")
        }
    }
}
