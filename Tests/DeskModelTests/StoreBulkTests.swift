import XCTest
@testable import DeskModel

/// Bulk actions through the real runtime and desk: each ticket through the single action's
/// rules, a refusal reported and the others done.
final class StoreBulkTests: StoreTestCase {
    func testBulkAssignThroughTheRuntimeReportsTheClosedTicketAndDoesTheRest() throws {
        var numbers: [Int64] = []
        for index in 0..<30 { numbers.append(try f.ticket("Case \(index)", by: f.peter).number) }
        _ = try store.changeStatus(number: numbers[4], to: .closed, by: f.alice)

        var state = DeskState(deskName: "Test desk", viewer: f.alice, view: .all, size: TerminalSize(columns: 80, rows: 24))
        for number in numbers { state.tagged[try store.ticket(number: number, viewer: f.alice).id] = number }
        let engine = DeskEngine(state: state, runtime: DeskRuntime(store: store, viewer: f.alice, clock: f.clock.deskClock))
        engine.send(.assignRequested(handle: "bob"))
        XCTAssertEqual(engine.state.overlay, .confirm(.bulk(.assign(handle: "bob"), count: 30)))
        engine.send(.confirmationAnswered(yes: true))
        XCTAssertEqual(engine.state.bulk?.done, 25, "one batch per frame")
        while engine.state.bulk != nil { engine.send(.bulkContinued) }

        XCTAssertEqual(engine.state.message, StatusMessage(.info, "Assigned 29 to bob, 1 refused: #\(numbers[4]) closed"))
        XCTAssertEqual(engine.state.tagged, [:])
        for number in numbers where number != numbers[4] {
            XCTAssertEqual(try store.detail(number: number, viewer: f.alice).assignee?.handle, "bob")
        }
        XCTAssertNil(try store.detail(number: numbers[4], viewer: f.alice).assignee, "the refused ticket is untouched")
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
        XCTAssertEqual(
            engine.state.message,
            StatusMessage(.info, "Closed 1 (now closed), 1 refused: #\(watched.number) not allowed"))
        XCTAssertEqual(try f.status(own.number), .closed)
        XCTAssertEqual(try f.status(watched.number), .new)
    }
}
