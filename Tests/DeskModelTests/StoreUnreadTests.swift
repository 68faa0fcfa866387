import GRDB
import XCTest
@testable import DeskModel

/// Unread markers and counts (`UnreadSQL`): who changed what, what a customer may learn, what
/// opening and `N` do, and that every query stays an index read on a large desk.
final class StoreUnreadTests: StoreTestCase {
    /// The viewer's unread tickets among a view's rows, as the list marks them.
    private func unread(_ view: CaseView, _ viewer: Viewer) throws -> Set<Int64> {
        let page = try store.page(PageRequest(view: view, limit: 1000), viewer: viewer)
        return Set(page.rows.filter { page.unreadIDs.contains($0.id) }.map(\.number))
    }

    /// What the client does when it shows a ticket.
    private func open(_ number: Int64, _ viewer: Viewer) throws {
        let detail = try store.detail(number: number, viewer: viewer)
        try store.recordViewed(number: number, viewer: viewer)
        try store.markRead(number: number, throughMessage: detail.messages.last?.id, viewer: viewer)
    }

    func testAReplyBySomeoneElseMarksTheTicketUnreadUntilOpenedAndOwnRepliesNever() throws {
        let ticket = try f.ticket("Printer offline", by: f.peter)
        try open(ticket.number, f.peter)
        try open(ticket.number, f.alice)
        XCTAssertEqual(try unread(.all, f.peter), [])

        f.clock.advance(by: 60)
        try f.reply(ticket.number, "Have you tried turning it off and on?", by: f.alice)
        XCTAssertEqual(try unread(.all, f.peter), [ticket.number])
        XCTAssertEqual(try store.unreadCounts(viewer: f.peter)[.all], 1)

        try open(ticket.number, f.peter)
        XCTAssertEqual(try unread(.all, f.peter), [])
        XCTAssertEqual(try store.unreadCounts(viewer: f.peter)[.all], 0)

        // The viewer's own reply (and the status change it causes) is no news to them.
        f.clock.advance(by: 60)
        try f.reply(ticket.number, "Yes, still offline", by: f.peter)
        XCTAssertEqual(try unread(.all, f.peter), [])
        // ...but it is to the agent who had read the ticket.
        XCTAssertEqual(try unread(.all, f.alice), [ticket.number])
    }

    /// markRead says whether the ticket was unread, and the runtime reads the counts again only
    /// then or when the desk changed: the counts it reports always equal the store's.
    func testTheRuntimesCountsFollowReadsUnreadsAndOthersMessages() throws {
        let first = try f.ticket("Printer offline", by: f.peter)
        let second = try f.ticket("Scanner jams", by: f.peter)
        let runtime = DeskRuntime(store: store, viewer: f.peter, clock: f.clock.deskClock)
        /// A load for display, then the read mark it asks for once the ticket is on screen.
        func show(_ number: Int64) {
            _ = runtime.perform(.loadTicket(number: number))
            for effect in runtime.takeDeferred() { _ = runtime.perform(effect) }
        }
        func reported() -> Int? {
            for case .unreadCountsLoaded(let counts) in runtime.perform(.loadCounts) { return counts[.all] }
            return nil
        }
        show(first.number)
        show(second.number)
        XCTAssertEqual(reported(), 0)
        XCTAssertFalse(try store.markRead(number: first.number, throughMessage: nil, viewer: f.peter), "read already")

        f.clock.advance(by: 60)
        try f.reply(first.number, "Try the other tray", by: f.alice)
        try f.reply(second.number, "Which model?", by: f.alice)
        XCTAssertEqual(reported(), 2, "others' messages change the desk")
        show(first.number)
        XCTAssertEqual(reported(), 1, "opening an unread ticket reads it")
        show(first.number)
        XCTAssertEqual(reported(), 1)
        _ = runtime.perform(.markUnread(number: first.number))
        XCTAssertEqual(reported(), 2, "N, which announces nothing, is counted")
        XCTAssertEqual(reported(), try store.unreadCounts(viewer: f.peter)[.all])
    }

    func testASecondMessageInTheSameSecondAsTheOneReadIsStillUnread() throws {
        let ticket = try f.ticket("Printer offline", by: f.peter)
        try f.reply(ticket.number, "First", by: f.alice)
        try open(ticket.number, f.peter)
        try f.reply(ticket.number, "Second, same second", by: f.alice)
        XCTAssertEqual(try unread(.all, f.peter), [ticket.number], "read through a message, not a time")
    }

    func testInternalNotesNeverMarkATicketUnreadForCustomersNorChangeTheirCounts() throws {
        let ticket = try f.ticket("Printer offline", by: f.peter)
        try open(ticket.number, f.peter)
        try open(ticket.number, f.bob)
        let countsBefore = try store.unreadCounts(viewer: f.peter)

        f.clock.advance(by: 60)
        try f.note(ticket.number, "Customer's printer is out of warranty", by: f.alice)
        XCTAssertEqual(try unread(.all, f.peter), [])
        XCTAssertEqual(try store.unreadCounts(viewer: f.peter), countsBefore)
        // Staff who read the ticket see the note as news.
        XCTAssertEqual(try unread(.all, f.bob), [ticket.number])
    }

    func testTicketsNeverOpenedCountOnlyWhereTheViewerIsInvolved() throws {
        let mine = try f.ticket("Assigned to alice", by: f.peter)
        let other = try f.ticket("Someone else's", by: f.pia)
        let watched = try f.ticket("Watched by alice", by: f.eve)
        f.clock.advance(by: 60)
        _ = try store.assign(number: mine.number, to: "alice", by: f.bob)
        try store.setWatching(number: watched.number, handle: "alice", watching: true, by: f.alice)
        try f.reply(watched.number, "An update", by: f.eve)
        try f.reply(other.number, "Another update", by: f.pia)

        XCTAssertEqual(try unread(.all, f.alice), [mine.number, watched.number], "the unassigned ticket of pia is nobody's news")
        // The assignment is news to peter too; his own words are not.
        XCTAssertEqual(try unread(.all, f.peter), [mine.number])
        XCTAssertEqual(try unread(.all, f.pia), [], "only pia wrote on her ticket")
    }

    func testChangesOlderThanTheHorizonAreNotUnread() throws {
        let ticket = try f.ticket("Old case", by: f.peter)
        try f.reply(ticket.number, "Answered long ago", by: f.alice)
        XCTAssertEqual(try unread(.all, f.peter), [ticket.number])
        f.clock.advance(by: Double(UnreadSQL.horizonDays + 1) * StoreFixture.day)
        XCTAssertEqual(try unread(.all, f.peter), [])
        XCTAssertEqual(try store.unreadCounts(viewer: f.peter)[.all], 0)
    }

    func testMarkUnreadHoldsUntilTheTicketIsOpenedAgain() throws {
        let ticket = try f.ticket("Printer offline", by: f.peter)
        try open(ticket.number, f.peter)
        try store.markUnread(number: ticket.number, viewer: f.peter)
        XCTAssertEqual(try unread(.all, f.peter), [ticket.number])
        XCTAssertEqual(try store.unreadCounts(viewer: f.peter)[.mine], 1)
        try open(ticket.number, f.peter)
        XCTAssertEqual(try unread(.all, f.peter), [])
        // A ticket the viewer may not see cannot be marked, and says not found.
        XCTAssertDeskError(try store.markUnread(number: ticket.number, viewer: f.eve), .ticketNotFound(number: ticket.number))
    }

    func testCountsFollowEachViewAndStopAtTheCap() throws {
        let assigned = try f.ticket("Assigned", by: f.peter)
        let closed = try f.ticket("Closed", by: f.peter)
        f.clock.advance(by: 60)
        _ = try store.assign(number: assigned.number, to: "alice", by: f.bob)
        _ = try store.assign(number: closed.number, to: "alice", by: f.bob)
        _ = try store.changeStatus(number: closed.number, to: .closed, by: f.bob)
        try open(assigned.number, f.alice)
        f.clock.advance(by: 60)
        try f.reply(assigned.number, "More news", by: f.peter)

        let counts = try store.unreadCounts(viewer: f.alice)
        XCTAssertEqual(counts, [.recent: 1, .active: 1, .mine: 2, .open: 1, .all: 2])

        for index in 0..<(UnreadCount.cap + 5) {
            let ticket = try f.ticket("Bulk \(index)", by: f.peter)
            try f.reply(ticket.number, "News", by: f.bob)
        }
        XCTAssertEqual(try store.unreadCounts(viewer: f.peter)[.all], UnreadCount.cap)
    }

    func testReadingAndMarkingAnnounceNoChange() throws {
        let ticket = try f.ticket("Printer offline", by: f.peter)
        let token = try store.changeToken()
        try store.markRead(number: ticket.number, throughMessage: nil, viewer: f.peter)
        try store.markUnread(number: ticket.number, viewer: f.peter)
        XCTAssertEqual(try store.changeToken(), token, "a read is not a change other clients reload for")
    }

    func testUnreadQueriesReadIndexesNeverWholeTables() throws {
        for index in 0..<30 {
            let ticket = try f.ticket("Subject \(index)", by: [f.paula, f.peter, f.erin][index % 3])
            try f.reply(ticket.number, "Answer", by: f.alice)
        }
        try f.sql { db in try db.execute(sql: "ANALYZE") }
        for viewer in [f.alice, f.paula, f.peter] {
            let unread = UnreadSQL.predicate(viewer, horizon: 0)
            let candidates = SQLiteRows.unreadCandidatesSQL(reader: ListReader(viewer), now: f.clock.now)
            let queries: [(String, StatementArguments)] = [
                ("SELECT t.id FROM json_each(?) j CROSS JOIN ticket t ON t.id = j.value \(UnreadSQL.readJoin) WHERE \(unread.sql)",
                 ["[1,2,3]", viewer.id] + unread.arguments),
                (candidates.sql, candidates.arguments),
            ]
            for (sql, arguments) in queries {
                let lines = try f.sql { db in
                    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
                }
                // `j` is the page's id list, `c` the candidates read through indexes above it.
                let scans = lines.filter { $0.hasPrefix("SCAN ") && !$0.contains(" USING ") && !$0.hasPrefix("SCAN j ") && $0 != "SCAN c" }
                XCTAssertTrue(lines.contains { $0.hasPrefix("SEARCH t USING INTEGER PRIMARY KEY") }, "\(lines)")
                XCTAssertEqual(scans, [], "\(viewer.user.handle): \(lines)")
                // `message_outline` (same prefix, more columns) covers what the unread test reads.
                XCTAssertTrue(lines.contains { $0.contains("SEARCH m USING") && ($0.contains("message_ticket") || $0.contains("message_outline")) }, "\(lines)")
            }
        }
    }
}
