import XCTest
@testable import DeskModel

/// Bulk actions through the real runtime and desk: each ticket through the single action's
/// rules, a refusal reported and the others done.
final class StoreBulkTests: StoreTestCase {
    func testBulkAssignThroughTheRuntimeReportsTheClosedTicketAndDoesTheRest() throws {
        var numbers: [Int64] = []
        let count = BulkLimits.batchSize + 10
        for index in 0..<count { numbers.append(try f.ticket("Case \(index)", by: f.peter).number) }
        _ = try store.changeStatus(number: numbers[4], to: .closed, by: f.alice)

        var state = DeskState(deskName: "Test desk", viewer: f.alice, view: .all, size: TerminalSize(columns: 80, rows: 24))
        for number in numbers { state.tagged[try store.ticket(number: number, viewer: f.alice).id] = number }
        let engine = DeskEngine(state: state, runtime: DeskRuntime(store: store, viewer: f.alice, clock: f.clock.deskClock))
        engine.send(.assignRequested(handle: "bob"))
        XCTAssertEqual(engine.state.overlay, .confirm(.bulk(.assign(handle: "bob"), count: count)))
        engine.send(.confirmationAnswered(yes: true))
        XCTAssertEqual(engine.state.bulk?.done, BulkLimits.batchSize, "one batch per frame")
        while engine.state.bulk != nil { engine.send(.bulkContinued) }

        XCTAssertEqual(engine.state.message?.phrase.englishText, "Assigned \(count - 1) to bob, 1 refused: #\(numbers[4]) closed")
        XCTAssertEqual(engine.state.tagged, [:])
        for number in numbers where number != numbers[4] {
            XCTAssertEqual(try store.detail(number: number, viewer: f.alice).assignee?.handle, "bob")
        }
        XCTAssertNil(try store.detail(number: numbers[4], viewer: f.alice).assignee, "the refused ticket is untouched")
    }

    func testARefusedTicketRollsBackToItsSavepointAndTheBatchGoesOn() throws {
        let first = try f.ticket("First", by: f.peter)
        let closed = try f.ticket("Closed", by: f.peter)
        let last = try f.ticket("Last", by: f.peter)
        _ = try store.changeStatus(number: closed.number, to: .closed, by: f.alice)
        let messages = try f.count("message")
        let outcomes = try store.bulk(.changeStatus(.pending), numbers: [first.number, closed.number, last.number], by: f.alice)
        XCTAssertEqual(outcomes, [
            BulkOutcome(number: first.number), BulkOutcome(number: closed.number, refusal: .ticketClosed(number: closed.number)),
            BulkOutcome(number: last.number),
        ])
        XCTAssertEqual(try f.status(first.number), .pending)
        XCTAssertEqual(try f.status(last.number), .pending)
        XCTAssertEqual(try f.count("message"), messages + 2, "one status event for each changed ticket, none for the refused one")
    }

    func testACustomersBulkCloseDoesOnlyWhatTheRulesLetThem() throws {
        let own = try f.ticket("Mine", by: f.peter)
        let watched = try f.ticket("Pia's", by: f.pia)
        try store.setWatching(number: watched.number, handle: "peter", watching: true, by: f.alice)
        var state = DeskState(deskName: "Test desk", viewer: f.peter, view: .all, size: TerminalSize(columns: 80, rows: 24))
        state.tagged = [own.id: own.number, watched.id: watched.number]
        let engine = DeskEngine(state: state, runtime: DeskRuntime(store: store, viewer: f.peter, clock: f.clock.deskClock))
        engine.send(.statusMenuRequested)
        engine.send(.menuChosen)
        engine.send(.confirmationAnswered(yes: true))
        XCTAssertNil(engine.state.bulk)
        XCTAssertEqual(engine.state.message?.phrase.englishText, "Closed 1 (now closed), 1 refused: #\(watched.number) not allowed")
        XCTAssertEqual(try f.status(own.number), .closed)
        XCTAssertEqual(try f.status(watched.number), .new)
    }
}
