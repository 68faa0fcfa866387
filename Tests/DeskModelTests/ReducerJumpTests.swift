import Foundation
import XCTest

@testable import DeskModel

private typealias F = ReducerFixtures

/// Going to a ticket by number: the `#` prompt, a number typed in search, and a number the
/// viewer may not see answering exactly as one that does not exist.
final class ReducerJumpTests: XCTestCase {
    func testHashOpensAPromptThatTakesDigitsAndEnterGoesToTheTicket() {
        let store = ReducerTestStore(state: F.loaded(1...14))
        store.send(.jumpStarted) { $0.jumpPrompt = "" }
        store.send(.jumpInput(.insert("1"))) { $0.jumpPrompt = "1" }
        // Only digits make a number.
        store.send(.jumpInput(.insert("x")))
        store.send(.jumpInput(.insert("#")))
        store.send(.jumpInput(.insert("2"))) { $0.jumpPrompt = "12" }
        store.send(.jumpInput(.deleteBackward)) { $0.jumpPrompt = "1" }
        store.send(.jumpInput(.insert("3"))) { $0.jumpPrompt = "13" }
        store.send(.jumpSubmitted) { $0.jumpPrompt = nil }
        store.expectEffects([.loadJumpTarget(number: 13)])
        let detail = F.detail(13)
        store.receive(.jumpTargetLoaded(detail)) {
            $0.focus = .detail
            $0.openTicket = OpenTicketState(detail: detail, thread: ThreadTree.lines(detail.messages, includeInternalNotes: true))
        }
        store.expectEffects([.recordViewed(number: 13), .loadCounts])
    }

    func testEscAndAnEmptyPromptGoNowhere() {
        let store = ReducerTestStore(state: F.loaded(1...14))
        store.send(.jumpStarted) { $0.jumpPrompt = "" }
        store.send(.jumpSubmitted) { $0.jumpPrompt = nil }
        store.send(.jumpStarted) { $0.jumpPrompt = "" }
        store.send(.jumpInput(.insert("4"))) { $0.jumpPrompt = "4" }
        store.send(.jumpCancelled) { $0.jumpPrompt = nil }
    }

    func testAMissingNumberSaysSoAndKeepsWhatIsOpen() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14), 3))
        store.send(.jumpRequested(number: 161))
        store.expectEffects([.loadJumpTarget(number: 161)])
        store.receive(.jumpTargetMissing(number: 161)) { $0.message = StatusMessage(.error, Notices.noTicket(161)) }
    }

    func testNumbersInSearch() {
        XCTAssertEqual(TicketNumberQuery.number(in: "#161"), 161)
        XCTAssertEqual(TicketNumberQuery.number(in: " 161 "), 161)
        XCTAssertNil(TicketNumberQuery.number(in: "#"))
        XCTAssertNil(TicketNumberQuery.number(in: "16a"))
        XCTAssertNil(TicketNumberQuery.number(in: "#0"))
        XCTAssertNil(TicketNumberQuery.number(in: "1234567890123"))
        // `#161` always offers the ticket; a bare number only when no text matched it.
        XCTAssertEqual(SearchState(query: "#161", results: F.rows(1...2)).jumpNumber, 161)
        XCTAssertEqual(SearchState(query: "161").jumpNumber, 161)
        XCTAssertNil(SearchState(query: "161", results: F.rows(1...2)).jumpNumber)
        XCTAssertNil(SearchState(query: "vpn").jumpNumber)
    }

    func testGoingToTheBottomKnowsThePositionFromTheViewsCount() {
        var state = F.loaded(1...14)
        state.counts = [.active: 56]
        let store = ReducerTestStore(state: state)
        XCTAssertEqual(store.state.list.rowsBefore, 0)
        store.send(.jumpedToBottom) { $0.list.isLoading = true }
        let last = PageRequest(view: .active, order: .newestFirst, direction: .backward, limit: 14)
        store.expectEffects([.loadPage(last, .replaceAtBottom)])
        store.receive(.pageLoaded(last, TicketPage(rows: F.rows(43...56), hasMore: true), .replaceAtBottom)) {
            $0.list.rows = F.rows(43...56)
            $0.list.reachedTop = false
            $0.list.rowsAboveWindow = 42
            $0.list.reachedBottom = true
            $0.list.selectedID = F.id(56)
            $0.list.scrollOffset = 7
            $0.list.isLoading = false
        }
        // Reading the page above counts it off.
        store.send(.selectionMoved(by: -13)) {
            $0.list.selectedID = F.id(43)
            $0.list.scrollOffset = 0
            $0.list.isLoading = true
        }
        let previous = PageRequest(view: .active, order: .newestFirst, cursor: F.row(43).cursor, direction: .backward, limit: 14)
        store.expectEffects([.loadPage(previous, .prepend)])
        store.receive(.pageLoaded(previous, TicketPage(rows: F.rows(29...42), hasMore: true), .prepend)) {
            $0.list.rows = F.rows(29...56)
            $0.list.rowsAboveWindow = 28
            $0.list.scrollOffset = 14
            $0.list.isLoading = false
        }
        XCTAssertEqual(store.state.list.rowsBefore! + store.state.list.selectedIndex! + 1, 43)
    }
}

/// The jump against a real desk: a ticket the viewer may not see answers as a missing one.
final class ReducerJumpStoreTests: StoreTestCase {
    func testAHiddenNumberAnswersExactlyLikeAMissingOne() throws {
        try f.ticket("Peter's own case", by: f.peter)
        try f.ticket("Fred's own case", by: f.fred)
        let state = DeskState(deskName: "Test desk", viewer: f.fred, view: .all, size: TerminalSize(columns: 80, rows: 10))
        let store = ReducerTestStore(state: state, fixture: f)
        var answers: [DeskAction] = []
        for number: Int64 in [1, 99] {
            store.send(.jumpRequested(number: number))
            store.expectEffects([.loadJumpTarget(number: number)])
            answers += store.run(.loadJumpTarget(number: number))
            store.receive(.jumpTargetMissing(number: number)) { $0.message = StatusMessage(.error, Notices.noTicket(number)) }
        }
        XCTAssertEqual(answers, [.jumpTargetMissing(number: 1), .jumpTargetMissing(number: 99)])
    }
}
