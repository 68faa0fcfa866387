import XCTest
@testable import DeskModel

/// Opening a ticket draws it before the tabs' counts are read again: they cost as much as the
/// whole opening of a short ticket on a big desk, and change only in Recent's number.
final class CountsIdleWorkTests: StoreTestCase {
    func testOpeningATicketShowsItFirstAndTheCountsFollow() throws {
        let ticket = try f.ticket("Scanner offline", by: f.peter)
        let state = DeskState(deskName: "Test desk", viewer: f.alice, view: .all, size: TerminalSize(columns: 80, rows: 10))
        let engine = DeskEngine(state: state, runtime: DeskRuntime(store: store, viewer: f.alice, clock: f.clock.deskClock))
        engine.send(.started)
        XCTAssertTrue(engine.runIdleWork())
        XCTAssertEqual(engine.state.counts[.recent], 0)

        engine.send(.ticketRequested(number: ticket.number))
        XCTAssertEqual(engine.state.openTicket?.detail.ticket.number, ticket.number)
        let shown = engine.state.openTicket?.detail.messages.last?.id
        XCTAssertEqual(engine.idleWork, [
            .markRead(number: ticket.number, throughMessage: shown), .recordViewed(number: ticket.number), .loadCounts,
        ])
        XCTAssertEqual(engine.state.counts[.recent], 0, "not read yet")
        XCTAssertTrue(engine.runIdleWork())
        XCTAssertEqual(engine.state.counts[.recent], 1)
        XCTAssertFalse(engine.runIdleWork())
    }
}
