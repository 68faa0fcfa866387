import XCTest
@testable import DeskModel

/// The two writes of opening a ticket (its read mark and its Recent entry) wait until the
/// ticket is on screen, and still happen: at the next idle moment, or as the client ends.
final class IdleWritesTests: StoreTestCase {
    private func engine(_ viewer: Viewer) -> DeskEngine {
        let state = DeskState(deskName: "Test desk", viewer: viewer, view: .all, size: TerminalSize(columns: 80, rows: 10))
        return DeskEngine(state: state, runtime: DeskRuntime(store: store, viewer: viewer, clock: f.clock.deskClock))
    }

    /// Tickets the viewer has not read, as the list marks them.
    private func unread(_ viewer: Viewer) throws -> Set<Int64> {
        let page = try store.page(PageRequest(view: .all, limit: 1000), viewer: viewer)
        return Set(page.rows.filter { page.unreadIDs.contains($0.id) }.map(\.number))
    }

    /// A ticket of peter's that alice answered: unread for peter.
    private func answeredTicket() throws -> (number: Int64, reply: MessageID) {
        let ticket = try f.ticket("Printer offline", by: f.peter)
        f.clock.advance(by: 60)
        let reply = try f.reply(ticket.number, "Have you tried another tray?", by: f.alice)
        XCTAssertEqual(try unread(f.peter), [ticket.number])
        return (ticket.number, reply.id)
    }

    func testOpeningShowsTheTicketFirstThenMarksItReadAndRecordsItInRecent() throws {
        let (number, reply) = try answeredTicket()
        let engine = engine(f.peter)
        engine.send(.started)
        engine.runIdleWork()
        XCTAssertEqual(engine.state.unreadCounts[.all], 1)

        engine.send(.ticketRequested(number: number))
        XCTAssertEqual(engine.state.openTicket?.detail.ticket.number, number)
        // Read through the last message shown (the reply, or the event it caused after it).
        let shown = try XCTUnwrap(engine.state.openTicket?.detail.messages.last?.id)
        XCTAssertGreaterThanOrEqual(shown, reply)
        XCTAssertEqual(engine.idleWork, [.markRead(number: number, throughMessage: shown), .recordViewed(number: number), .loadCounts])
        XCTAssertEqual(try unread(f.peter), [number], "not written before the frame")
        XCTAssertEqual(try f.numbers(.recent, f.peter), [])

        XCTAssertTrue(engine.runIdleWork())
        XCTAssertEqual(try unread(f.peter), [])
        XCTAssertEqual(try f.numbers(.recent, f.peter), [number])
        // The counts read after the writes, in the same idle moment.
        XCTAssertEqual(engine.state.unreadCounts[.all], 0)
        XCTAssertEqual(engine.state.counts[.recent], 1)
        XCTAssertFalse(engine.runIdleWork())
    }

    func testMarkingUnreadBeforeTheIdleMomentIsNotUndoneByTheWaitingReadMark() throws {
        let (number, _) = try answeredTicket()
        let engine = engine(f.peter)
        engine.send(.started)
        engine.runIdleWork()
        engine.send(.ticketRequested(number: number))
        engine.send(.markUnreadRequested)
        XCTAssertNil(engine.state.openTicket)
        XCTAssertFalse(engine.idleWork.contains { if case .markRead = $0 { true } else { false } })

        engine.runIdleWork()
        XCTAssertEqual(try unread(f.peter), [number])
        XCTAssertEqual(engine.state.unreadCounts[.all], 1)
        XCTAssertEqual(try f.numbers(.recent, f.peter), [number], "it was opened all the same")
    }

    func testEndingRunsTheWaitingWritesAndDropsTheReads() throws {
        let (number, _) = try answeredTicket()
        let engine = engine(f.peter)
        engine.send(.started)
        engine.runIdleWork()
        engine.send(.ticketRequested(number: number))
        let countsBefore = engine.state.unreadCounts

        engine.finishIdleWrites()
        XCTAssertEqual(engine.idleWork, [])
        XCTAssertEqual(try unread(f.peter), [])
        XCTAssertEqual(try f.numbers(.recent, f.peter), [number])
        XCTAssertEqual(engine.state.unreadCounts, countsBefore, "the counts were not read again")
    }

    /// A reload of the open ticket (a message arrived) reads it through the new message too,
    /// before the list's window is read again with it (the reload reads both).
    func testAReloadOfTheOpenTicketReadsItThroughTheArrivalBeforeTheListIsReadAgain() throws {
        let (number, _) = try answeredTicket()
        let engine = engine(f.peter)
        engine.send(.started)
        engine.send(.ticketRequested(number: number))
        engine.runIdleWork()
        f.clock.advance(by: 60)
        try f.reply(number, "Or the manual feed?", by: f.alice)
        XCTAssertEqual(try unread(f.peter), [number])

        engine.send(.deskChanged)
        XCTAssertEqual(try unread(f.peter), [], "read through the arrival before the window was read")
        XCTAssertEqual(engine.state.list.unreadIDs, [])
        XCTAssertFalse(engine.idleWork.contains { if case .markRead = $0 { true } else { false } })
        engine.runIdleWork()
        XCTAssertEqual(engine.state.unreadCounts[.all], 0)
    }
}

/// A page read before the idle moment (another view, a search result outside the window, a
/// reload) shows the ticket just opened as read, and first in Recent: the waiting writes run first.
final class IdleWritesBeforePagesTests: StoreTestCase {
    func testAPageReadWhileTheWritesWaitSeesThem() throws {
        let ticket = try f.ticket("Printer offline", by: f.peter)
        f.clock.advance(by: 60)
        try f.reply(ticket.number, "Have you tried another tray?", by: f.alice)
        let state = DeskState(deskName: "Test desk", viewer: f.peter, view: .all, size: TerminalSize(columns: 80, rows: 10))
        let engine = DeskEngine(state: state, runtime: DeskRuntime(store: store, viewer: f.peter, clock: f.clock.deskClock))
        engine.send(.started)
        engine.runIdleWork()
        XCTAssertEqual(engine.state.list.unreadIDs, [ticket.id])

        engine.send(.ticketRequested(number: ticket.number))
        XCTAssertTrue(engine.idleWork.contains { if case .markRead = $0 { true } else { false } })
        engine.send(.viewSelected(.recent))
        XCTAssertEqual(engine.state.list.rows.map(\.number), [ticket.number], "viewed before Recent was read")
        XCTAssertEqual(engine.state.list.unreadIDs, [], "read before the page was")
        XCTAssertFalse(engine.idleWork.contains { if case .markRead = $0 { true } else { false } })
        XCTAssertFalse(engine.idleWork.contains(.recordViewed(number: ticket.number)))
        XCTAssertTrue(engine.idleWork.contains(.loadCounts), "the reads still wait")
    }
}
