import DeskModel
import DeskPostgres
@testable import DeskPostgresStore
import Foundation
import XCTest

/// The PostgreSQL `TicketQueryRows` on rows written straight into a desk: pages in both
/// directions with ties by id, counts, filters, what a customer may see, unread marks and
/// search. (The conformance suite runs the same rules through `Desk` once the harness runs it
/// on PostgreSQL.)
final class PostgresTicketQueryRowsTests: XCTestCase {
    var db: PostgresConnection!
    var rows: PostgresRows { PostgresRows(db: db, forWrite: false) }
    let now = Date(timeIntervalSince1970: TimeInterval(DeskRows.now))
    var agent: Int64 = 0, customer: Int64 = 0, other: Int64 = 0

    override func setUpWithError() throws {
        db = try ScratchDatabase(self).connectToDesk()
        agent = try DeskRows.user(db, handle: "alice")
        customer = try DeskRows.user(db, handle: "camille", role: "customer")
        other = try DeskRows.user(db, handle: "olga", role: "customer")
    }

    /// A ticket created `age` seconds before now.
    @discardableResult
    func ticket(
        by requester: Int64, age: Int64, subject: String = "Printer offline", description: String = "It stopped.",
        status: String = "new", assignee: Int64? = nil
    ) throws -> Int64 {
        let id = try DeskRows.ticket(db, requester: requester, subject: subject, description: description, status: status, assignee: assignee).id
        try db.execute(
            "UPDATE ticket SET created_at = $1, updated_at = $1, public_updated_at = $1, triage_key = $1 WHERE id = $2",
            [.int(DeskRows.now - age), .int(id)])
        return id
    }

    func message(_ ticket: Int64, by author: Int64, _ body: String, age: Int64, kind: String = "reply") throws {
        try db.execute(
            "INSERT INTO message (ticket_id, kind, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)",
            [.int(ticket), .text(kind), .int(author), .text(body), .int(DeskRows.now - age)])
    }

    var staff: ListReader { ListReader(userID: agent, visibility: .everything, reportsUnknownNames: true) }
    var camille: ListReader {
        ListReader(userID: customer, visibility: .customer(userID: customer, organisationID: nil), reportsUnknownNames: false)
    }

    func query(_ branches: [ViewBranch], _ reader: ListReader, _ page: PageRequest) -> TicketListQuery {
        TicketListQuery(branches: branches, reader: reader, page: page, now: now)
    }

    func testPagesReadForwardAndBackwardWithTiesByID() throws {
        let a = try ticket(by: customer, age: 500)
        let b = try ticket(by: customer, age: 100)
        let c = try ticket(by: customer, age: 100)
        let d = try ticket(by: customer, age: 50)
        let all = [ViewBranch(.everyTicket)]
        var page = PageRequest(view: .all, limit: 2)
        let first = try rows.ticketPage(query(all, staff, page))
        XCTAssertEqual(first.rows.map(\.id), [d, c])
        XCTAssertTrue(first.hasMore)
        page.cursor = first.rows.last!.cursor
        let second = try rows.ticketPage(query(all, staff, page))
        XCTAssertEqual(second.rows.map(\.id), [b, a])
        XCTAssertFalse(second.hasMore)
        page.cursor = second.rows.first!.cursor
        page.direction = .backward
        let back = try rows.ticketPage(query(all, staff, page))
        XCTAssertEqual(back.rows.map(\.id), [d, c])
        XCTAssertFalse(back.hasMore)
        page = PageRequest(view: .all, order: TicketOrder(key: .created, reversed: true), limit: 3)
        XCTAssertEqual(try rows.ticketPage(query(all, staff, page)).rows.map(\.id), [a, b, c])
        XCTAssertEqual(try rows.ticketPage(query(all, staff, page)).rows.map(\.sortValue),
                       [DeskRows.now - 500, DeskRows.now - 100, DeskRows.now - 100])
    }

    func testCustomersPagesHoldOnlyWhatTheyMaySeeAndCountsReadTheCounters() throws {
        let mine = try ticket(by: customer, age: 30)
        let watched = try ticket(by: other, age: 20)
        try ticket(by: other, age: 10)
        try db.execute("INSERT INTO watcher (ticket_id, user_id) VALUES ($1, $2)", [.int(watched), .int(customer)])
        let seen = [ViewBranch(.requested(by: customer)), ViewBranch(.watched(by: customer))]
        let page = try rows.ticketPage(query(seen, camille, PageRequest(view: .all)))
        XCTAssertEqual(page.rows.map(\.id), [watched, mine])
        XCTAssertEqual(try rows.ticketCount(query(seen, camille, PageRequest(view: .all)), upTo: nil), 2)
        XCTAssertEqual(try rows.ticketCount(query([ViewBranch(.everyTicket)], staff, PageRequest(view: .all)), upTo: nil), 3)
        XCTAssertEqual(try rows.ticketCount(query([ViewBranch(.everyTicket)], staff, PageRequest(view: .all)), upTo: 2), 2)
        // The counter, not the rows: a counter set by hand shows through.
        try db.execute("UPDATE ticket_count SET n = 42 WHERE key = 'all'")
        XCTAssertEqual(try rows.ticketCount(query([ViewBranch(.everyTicket)], staff, PageRequest(view: .all)), upTo: nil), 42)
        let active = [ViewBranch(.assigned(to: agent), openOnly: true), ViewBranch(.unassigned, openOnly: true)]
        XCTAssertEqual(try rows.ticketCount(query(active, staff, PageRequest(view: .active)), upTo: nil), 3)
    }

    func testFiltersNarrowAndNegationTreatsNoAssigneeAsNotThisOne() throws {
        let assigned = try ticket(by: customer, age: 30, status: "open", assignee: agent)
        let unassigned = try ticket(by: customer, age: 20)
        let closed = try ticket(by: other, age: 10, status: "closed")
        let all = [ViewBranch(.everyTicket)]
        func ids(_ filter: TicketFilter) throws -> [Int64] {
            try rows.ticketPage(query(all, staff, PageRequest(view: .all, filter: filter))).rows.map(\.id)
        }
        XCTAssertEqual(try ids(TicketFilter([FilterClause(.assignee([.me]), negated: true)])), [closed, unassigned])
        XCTAssertEqual(try ids(TicketFilter([FilterClause(.assignee([.nobody]))])), [closed, unassigned])
        XCTAssertEqual(try ids(TicketFilter([FilterClause(.status([.closed]), negated: true)])), [unassigned, assigned])
        XCTAssertEqual(try ids(TicketFilter([FilterClause(.requester([.handle("olga")]))])), [closed])
        XCTAssertEqual(try ids(TicketFilter([FilterClause(.created(TimeRange(from: .ago(seconds: 25))))])), [closed, unassigned])
        XCTAssertThrowsError(try ids(TicketFilter([FilterClause(.requester([.handle("nobody-here")]))])))
        let filtered = query(all, staff, PageRequest(view: .all, filter: TicketFilter([FilterClause(.status([.new]))])))
        XCTAssertEqual(try rows.ticketCount(filtered, upTo: 10), 1)
    }

    func testUnreadFollowsOthersChangesAndReadMarks() throws {
        let answered = try ticket(by: customer, age: 3_000)
        let quiet = try ticket(by: customer, age: 3_000)
        let noted = try ticket(by: customer, age: 3_000)
        try message(answered, by: agent, "Try again", age: 100)
        try message(noted, by: agent, "Internal", age: 100, kind: "internalNote")
        for id in [answered, quiet, noted] {
            try db.execute("INSERT INTO ticket_read (user_id, ticket_id, seen_at, seen_message_id) VALUES ($1, $2, $3, 0)",
                           [.int(customer), .int(id), .int(DeskRows.now - 2_000)])
        }
        XCTAssertEqual(try rows.unreadTickets(among: [answered, quiet, noted], reader: camille, now: now), [answered])
        try db.execute("UPDATE ticket_read SET marked_unread = true WHERE ticket_id = $1", [.int(quiet)])
        XCTAssertEqual(try rows.unreadTickets(among: [answered, quiet, noted], reader: camille, now: now), [answered, quiet])
        let counts = try rows.unreadCounts(
            [(.mine, [ViewBranch(.requested(by: customer))]), (.active, [ViewBranch(.requested(by: customer), openOnly: true)])],
            reader: camille, now: now)
        XCTAssertEqual(counts, [.mine: 2, .active: 2])
    }

    func testSearchFindsWordsPrefixesAccentsAndCJKNewestMatchFirst() throws {
        let printer = try ticket(by: customer, age: 900, subject: "Imprimante en panne", description: "Résumé du problème")
        let invoice = try ticket(by: other, age: 800, subject: "請求書が届かない", description: "Facture")
        let late = try ticket(by: other, age: 700, subject: "Other", description: "Nothing")
        try message(late, by: agent, "Le résumé est prêt", age: 10)
        try message(invoice, by: agent, "secret imprimante", age: 5, kind: "internalNote")
        func search(_ text: String, _ reader: ListReader) throws -> [Int64] {
            try rows.indexedSearch(SearchWords(typed: text)!, query([], reader, PageRequest(view: .all))).map(\.id)
        }
        XCTAssertEqual(try search("resume", staff), [late, printer])
        XCTAssertEqual(try search("impr", staff), [invoice, printer])
        XCTAssertEqual(try search("impr", camille), [printer])
        XCTAssertEqual(try search("届か", staff), [invoice])
        XCTAssertEqual(try search("50%_", staff), [])
        XCTAssertEqual(try search("en pann", staff), [printer])
        XCTAssertEqual(try search("pann en", staff), [])
        XCTAssertEqual(try rows.indexedSearch(SearchWords(typed: "resume")!, query([], staff, PageRequest(view: .all))).map(\.sortValue),
                       [DeskRows.now - 10, DeskRows.now - 900])
    }

    func testSearchTextsKeepToVisibilityAndNewestMessagesFirst() throws {
        let mine = try ticket(by: customer, age: 900, description: "First words")
        let hidden = try ticket(by: other, age: 800)
        try message(mine, by: agent, "older", age: 300)
        try message(mine, by: agent, "note", age: 200, kind: "internalNote")
        try message(mine, by: agent, "newer", age: 100)
        var visited: [Int64: [String]] = [:]
        try rows.visitSearchableTexts(ticketIDs: [mine, hidden], visibility: camille.visibility, messageLimit: 5) { visited[$0] = $1 }
        XCTAssertEqual(visited, [mine: ["First words", "newer", "older"]])
        visited = [:]
        try rows.visitSearchableTexts(ticketIDs: [mine], visibility: .everything, messageLimit: 2) { visited[$0] = $1 }
        XCTAssertEqual(visited, [mine: ["First words", "newer", "note"]])
        var bodies: [String] = []
        try rows.visitPublicMessages(ticketIDs: [mine]) { _, body, _ in bodies.append(body); return true }
        XCTAssertEqual(bodies.sorted(), ["newer", "older"])
        XCTAssertEqual(try rows.ticketTexts(ids: [hidden]).map(\.description), ["It stopped."])
    }
}
