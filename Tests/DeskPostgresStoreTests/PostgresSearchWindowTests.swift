import DeskModel
import DeskPostgres
@testable import DeskPostgresStore
import Foundation
import XCTest

/// Search reads the newest `searchWalkWindow` messages by id and asks the word index for the
/// older ones: matches on both sides of that boundary, at it, and past a full batch are all
/// found once, newest first, within what the reader may see.
final class PostgresSearchWindowTests: XCTestCase {
    func testMatchesOlderThanTheWalkedWindowAreFoundOnceNewestFirst() throws {
        let db = try ScratchDatabase(self).connectToDesk()
        let rows = PostgresRows(db: db, forWrite: false)
        let agent = try DeskRows.user(db, handle: "alice")
        let customer = try DeskRows.user(db, handle: "camille", role: "customer")
        let other = try DeskRows.user(db, handle: "olga", role: "customer")
        func ticket(_ requester: Int64) throws -> Int64 { try DeskRows.ticket(db, requester: requester).id }
        let (newest, inWindow, atEdge, pastEdge, many, noted, oldest) =
            (try ticket(other), try ticket(other), try ticket(other), try ticket(customer), try ticket(other), try ticket(other), try ticket(customer))
        let window = PostgresRows.searchWalkWindow
        let top: Int64 = 2 * window
        let walkEnd = top + 1 - window  // the lowest id the walk reads
        func message(id: Int64, _ ticket: Int64, _ body: String, age: Int64, kind: String = "reply") throws {
            try db.execute(
                "INSERT INTO message (id, ticket_id, kind, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                [.int(id), .int(ticket), .text(kind), .int(agent), .text(body), .int(DeskRows.now - age)])
        }
        try message(id: top, newest, "nothing to see", age: 1)
        try message(id: top - 10, inWindow, "a quokkalith in the window", age: 10)
        try message(id: walkEnd, atEdge, "quokkalith at the edge", age: 20)
        try message(id: walkEnd - 1, pastEdge, "quokkalith past the edge", age: 30)
        // More matches than a batch, inside the window: the walk reads on past a full batch.
        try db.execute(
            """
            INSERT INTO message (id, ticket_id, kind, author_id, body, created_at)
            SELECT $1 + n, $2, 'reply', $3, 'quokkalith number ' || n, $4 FROM generate_series(1, $5) n
            """,
            [.int(walkEnd + 100), .int(many), .int(agent), .int(DeskRows.now - 40), .int(Int64(PostgresRows.searchBatch) + 50)])
        try message(id: walkEnd - 5_000, noted, "quokkalith in a note", age: 300, kind: "internalNote")
        try message(id: 3, oldest, "the first quokkalith", age: 500)

        func search(_ reader: ListReader) throws -> [Int64] {
            let query = TicketListQuery(branches: [], reader: reader, page: PageRequest(view: .all), now: Date(timeIntervalSince1970: TimeInterval(DeskRows.now)))
            return try rows.indexedSearch(SearchWords(typed: "quokkalith")!, query).map(\.id)
        }
        let staff = ListReader(userID: agent, visibility: .everything, reportsUnknownNames: true)
        XCTAssertEqual(try search(staff), [inWindow, atEdge, pastEdge, many, noted, oldest])
        let camille = ListReader(userID: customer, visibility: .customer(userID: customer, organisationID: nil), reportsUnknownNames: false)
        XCTAssertEqual(try search(camille), [pastEdge, oldest])
    }

    func testTheWalkAndTheWordIndexReadTheRangesTheyAreGiven() {
        let walk = PostgresRows.SearchRange.walk(before: 100, from: 40).sql("m.id")
        XCTAssertEqual(walk.condition.sql, "m.id < ? AND m.id >= ?")
        XCTAssertEqual(walk.condition.values, [.int(100), .int(40)])
        XCTAssertEqual(walk.order, "m.id DESC")
        // An expression, not the column: PostgreSQL cannot answer it by walking the primary key.
        let index = PostgresRows.SearchRange.wordIndex(before: 40).sql("m.id")
        XCTAssertEqual(index.condition.sql, "m.id < ?")
        XCTAssertEqual(index.condition.values, [.int(40)])
        XCTAssertEqual(index.order, "m.id + 0 DESC")
    }
}
