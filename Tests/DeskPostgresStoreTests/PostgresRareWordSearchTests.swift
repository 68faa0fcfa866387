import DeskModel
import DeskPostgres
@testable import DeskPostgresStore
import Foundation
import XCTest

/// With statistics, search tells a rare word from a common one (`PostgresCommonWords`): the rare
/// word walks only a probe of the newest rows and then asks the word index, the common one walks
/// the whole window, and both find the same tickets in the same order as the walk did.
final class PostgresRareWordSearchTests: XCTestCase {
    /// Thirteen words in every filler message: with a statistics target of 1 (ten common words
    /// kept), they crowd out any word found in only a few rows.
    static let filler = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike"

    func testARareWordOlderThanTheWindowIsFoundThroughTheWordIndexNewestFirst() throws {
        let db = try ScratchDatabase(self).connectToDesk()
        let agent = try DeskRows.user(db, handle: "alice")
        let customer = try DeskRows.user(db, handle: "camille", role: "customer")
        let other = try DeskRows.user(db, handle: "olga", role: "customer")
        func ticket(_ requester: Int64) throws -> Int64 { try DeskRows.ticket(db, requester: requester).id }
        let (newest, pastProbe, pastWindow, noted, oldest, chatty) =
            (try ticket(other), try ticket(other), try ticket(customer), try ticket(other), try ticket(customer), try ticket(other))
        let window = PostgresRows.searchWalkWindow
        let top: Int64 = 2 * window
        func message(id: Int64, _ ticket: Int64, _ body: String, age: Int64, kind: String = "reply") throws {
            try db.execute(
                "INSERT INTO message (id, ticket_id, kind, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                [.int(id), .int(ticket), .text(kind), .int(agent), .text(body), .int(DeskRows.now - age)])
        }
        try message(id: top, newest, "a quokkalith among the newest", age: 1)
        try message(id: top - window / 10 - 1, pastProbe, "quokkalith just past the probe", age: 10)
        try message(id: top - window - 1, pastWindow, "quokkalith past the window", age: 20)
        try message(id: top - window - 5_000, noted, "quokkalith in a note", age: 30, kind: "internalNote")
        try message(id: 3, oldest, "the first quokkalith", age: 500)
        try db.execute(
            """
            INSERT INTO message (id, ticket_id, kind, author_id, body, created_at)
            SELECT $1 + n, $2, 'reply', $3, $4, $5 FROM generate_series(1, 600) n
            """,
            [.int(top - 1_000), .int(chatty), .int(agent), .text(Self.filler), .int(DeskRows.now - 2)])
        try db.executeScript("ALTER TABLE message ALTER COLUMN search_words SET STATISTICS 1; ANALYZE message; ANALYZE ticket")

        let words = try PostgresWordStatistics.read(db)
        XCTAssertEqual(words[.message]?.lexemes?.contains("alpha"), true)
        XCTAssertEqual(words[.message]?.lexemes?.contains("quokkalith"), false)

        let rows = PostgresRows(db: db, forWrite: false)
        func start(_ typed: String) throws -> PostgresRows.SearchStart {
            try rows.searchStart(PostgresTextSearchQuery(SearchWords(typed: typed)!)!)
        }
        XCTAssertEqual(try start("quokkalith").walk(.message), PostgresRows.SearchWalk(window: window, probe: window / 10))
        XCTAssertEqual(try start("quokkalith").walk(.ticket), PostgresRows.SearchWalk(window: window / 5, probe: window / 50))
        XCTAssertEqual(try start("alph").walk(.message), PostgresRows.SearchWalk(window: window, probe: nil), "a common word walks the window")
        XCTAssertEqual(try start("alpha quokkalith").walk(.message).probe, window / 10, "one rare word makes the query rare")
        XCTAssertEqual(try start("alpha quokkalith").newestMessage, top)

        func search(_ typed: String, _ reader: ListReader) throws -> [Int64] {
            let query = TicketListQuery(branches: [], reader: reader, page: PageRequest(view: .all), now: Date(timeIntervalSince1970: TimeInterval(DeskRows.now)))
            return try rows.indexedSearch(SearchWords(typed: typed)!, query).map(\.id)
        }
        let staff = ListReader(userID: agent, visibility: .everything, reportsUnknownNames: true)
        XCTAssertEqual(try search("quokkalith", staff), [newest, pastProbe, pastWindow, noted, oldest])
        XCTAssertEqual(try search("quokkalith", ListReader(userID: customer, visibility: .customer(userID: customer, organisationID: nil), reportsUnknownNames: false)),
                       [pastWindow, oldest])
        XCTAssertEqual(try search("alpha", staff), [chatty])
        XCTAssertEqual(try search("mike quokkalith", staff), [])
    }

    func testWithoutStatisticsEveryWordWalksTheWindow() throws {
        let db = try ScratchDatabase(self).connectToDesk()
        XCTAssertEqual(try PostgresWordStatistics.read(db), [.message: PostgresCommonWords(lexemes: nil), .ticket: PostgresCommonWords(lexemes: nil)])
        let start = try PostgresRows(db: db, forWrite: false).searchStart(PostgresTextSearchQuery(SearchWords(typed: "quokkalith")!)!)
        XCTAssertNil(start.walk(.message).probe)
        XCTAssertNil(start.walk(.ticket).probe)
    }

    func testTheStatisticsAreReadOnceForManySearches() throws {
        let db = try ScratchDatabase(self).connectToDesk()
        let statistics = PostgresWordStatistics()
        let first = Date()
        XCTAssertEqual(try statistics.commonWords(db, now: first)[.message], PostgresCommonWords(lexemes: nil))
        try DeskRows.ticket(db, requester: try DeskRows.user(db, handle: "camille", role: "customer"))
        try db.executeScript("ANALYZE ticket")
        XCTAssertEqual(try statistics.commonWords(db, now: first.addingTimeInterval(60))[.ticket], PostgresCommonWords(lexemes: nil),
                       "within the interval the words read before are used")
        XCTAssertEqual(
            try statistics.commonWords(db, now: first.addingTimeInterval(PostgresWordStatistics.refreshInterval + 1))[.ticket]?.lexemes?.contains("printer"),
            true, "after it they are read again")
    }
}
