import Foundation
import XCTest

@testable import DeskModel

/// Values for the pure reducer tests. Row `n` is ticket `#n` with id `n * 10`, so a test that
/// mixes up ids and numbers fails.
enum ReducerFixtures {
    static let date = Date(timeIntervalSince1970: 1_709_283_600)

    static let agent = Viewer(user: User(id: 1, handle: "alice", name: "Alice", email: "alice@example.com", role: .agent))
    static let customer = Viewer(
        user: User(id: 2, handle: "peter", name: "Peter", email: "peter@example.com", role: .customer, organisationID: 7),
        plan: .pro)

    /// 80x10: 7 list rows on screen, pages of 14 rows, a window of at most 42 rows.
    static let size = TerminalSize(columns: 80, rows: 10)

    static func id(_ number: Int64) -> TicketID { number * 10 }

    static func row(_ number: Int64) -> TicketSummary {
        TicketSummary(
            id: id(number), number: number, subject: "Ticket \(number)", kind: .question, status: .open,
            urgency: .none, requesterHandle: "peter", requesterName: "Peter", organisationName: "Pro Co",
            assigneeHandle: nil, createdAt: date - Double(number) * 60, updatedAt: date - Double(number) * 60,
            triageKey: 0, sortValue: 100_000 - number)
    }

    static func rows(_ numbers: ClosedRange<Int64>) -> [TicketSummary] { numbers.map(row) }
    static func rows(_ numbers: [Int64]) -> [TicketSummary] { numbers.map(row) }

    static func state(viewer: Viewer = agent, view: CaseView = .active) -> DeskState {
        DeskState(deskName: "Test desk", viewer: viewer, view: view, order: .newestFirst, size: size)
    }

    /// A state whose list window holds `numbers`, with `selected` (default: the first) selected.
    static func loaded(
        _ numbers: ClosedRange<Int64>, selected: Int64? = nil, scroll: Int = 0, top: Bool = true,
        bottom: Bool = false, loading: Bool = false, viewer: Viewer = agent
    ) -> DeskState {
        var state = state(viewer: viewer)
        state.list.rows = rows(numbers)
        state.list.selectedID = id(selected ?? numbers.lowerBound)
        state.list.scrollOffset = scroll
        state.list.reachedTop = top
        state.list.reachedBottom = bottom
        state.list.isLoading = loading
        return state
    }

    /// The first page of a view, as the reducer asks for it at 80x10.
    static func firstPage(_ view: CaseView = .active, order: TicketOrder = .newestFirst) -> PageRequest {
        PageRequest(view: view, order: order, limit: 14)
    }

    static func ticket(_ number: Int64, status: TicketStatus = .open) -> Ticket {
        Ticket(
            id: id(number), number: number, subject: "Ticket \(number)", description: "About ticket \(number)",
            kind: .serviceRequest, product: "Mail", status: status, requesterID: customer.id, organisationID: 7,
            createdAt: date, updatedAt: date)
    }

    static func message(
        _ id: MessageID, on number: Int64, _ kind: MessageKind = .reply, by author: UserID? = 2,
        replyTo: MessageID? = nil
    ) -> Message {
        Message(
            id: id, ticketID: self.id(number), kind: kind, authorID: author, body: "Message \(id)",
            createdAt: date + Double(id), inReplyToID: replyTo)
    }

    /// A reply by the customer, an internal note and an agent reply both answering it, and a
    /// system event.
    static func messages(on number: Int64) -> [Message] {
        [
            message(1, on: number),
            message(2, on: number, .internalNote, by: 1, replyTo: 1),
            message(3, on: number, .reply, by: 1, replyTo: 1),
            message(4, on: number, .systemEvent, by: nil),
        ]
    }

    static func detail(_ number: Int64, status: TicketStatus = .open, messages: [Message]? = nil) -> TicketDetail {
        TicketDetail(
            ticket: ticket(number, status: status), requester: customer.user, assignee: nil, organisation: nil,
            followUpOfNumber: nil, messages: messages ?? self.messages(on: number), attachments: [],
            watchers: [], authors: [1: agent.user, 2: customer.user])
    }

    /// `state` with ticket `number` open in the detail pane and focused.
    static func withOpenTicket(
        _ state: DeskState, _ number: Int64, status: TicketStatus = .open, scroll: Int = 0
    ) -> DeskState {
        var state = state
        let detail = detail(number, status: status)
        state.openTicket = OpenTicketState(
            detail: detail, thread: ThreadTree.lines(detail.messages, includeInternalNotes: state.viewer.isStaff),
            scroll: scroll)
        state.focus = .detail
        return state
    }
}

private typealias F = ReducerFixtures

/// Exhaustive tests of `DeskReducer`: every action states the whole change of state and every
/// effect it asks for.
final class ReducerTests: XCTestCase {
    // MARK: - Start and pages

    func testStartedLoadsTheFirstPageAndTheCounts() {
        let store = ReducerTestStore(state: F.state())
        store.send(.started) { $0.list.isLoading = true }
        store.expectEffects([.loadPage(F.firstPage(), .replace(select: nil)), .loadCounts])

        store.receive(.countsLoaded([.active: 20, .all: 31])) { $0.counts = [.active: 20, .all: 31] }
        store.receive(.pageLoaded(F.firstPage(), TicketPage(rows: F.rows(1...14), hasMore: true), .replace(select: nil))) {
            $0.list.rows = F.rows(1...14)
            $0.list.reachedTop = true
            $0.list.reachedBottom = false
            $0.list.selectedID = F.id(1)
            $0.list.isLoading = false
        }
    }

    func testReplaceOfAShortViewReachesBothEnds() {
        let store = ReducerTestStore(state: F.state())
        store.send(.started) { $0.list.isLoading = true }
        store.expectEffects([.loadPage(F.firstPage(), .replace(select: nil)), .loadCounts])
        store.receive(.pageLoaded(F.firstPage(), TicketPage(rows: F.rows(1...3), hasMore: false), .replace(select: nil))) {
            $0.list.rows = F.rows(1...3)
            $0.list.reachedTop = true
            $0.list.reachedBottom = true
            $0.list.selectedID = F.id(1)
            $0.list.isLoading = false
        }
    }

    func testEmptyReplaceSelectsNothing() {
        let store = ReducerTestStore(state: F.loaded(1...5, selected: 4, loading: true))
        store.receive(.pageLoaded(F.firstPage(), TicketPage(rows: [], hasMore: false), .replace(select: nil))) {
            $0.list.rows = []
            $0.list.reachedBottom = true
            $0.list.selectedID = nil
            $0.list.isLoading = false
        }
        store.send(.selectionMoved(by: 1))
        store.send(.ticketOpened)
    }

    // MARK: - Moving the selection

    func testSelectionMovedClampsAtBothEnds() {
        let store = ReducerTestStore(state: F.loaded(1...5, top: true, bottom: true))
        store.send(.selectionMoved(by: -1))
        store.send(.selectionMoved(by: 3)) { $0.list.selectedID = F.id(4) }
        store.send(.selectionMoved(by: 10)) { $0.list.selectedID = F.id(5) }
        store.send(.selectionMoved(by: 1))
        store.send(.selectionMoved(by: -100)) { $0.list.selectedID = F.id(1) }
    }

    func testSelectionStaysOnScreen() {
        // 20 rows, the whole view; 7 rows on screen.
        let store = ReducerTestStore(state: F.loaded(1...20, top: true, bottom: true))
        store.send(.selectionMoved(by: 6)) { $0.list.selectedID = F.id(7) }
        store.send(.selectionMoved(by: 1)) {
            $0.list.selectedID = F.id(8)
            $0.list.scrollOffset = 1
        }
        store.send(.selectionMoved(by: 5)) {
            $0.list.selectedID = F.id(13)
            $0.list.scrollOffset = 6
        }
        store.send(.selectionMoved(by: -3)) { $0.list.selectedID = F.id(10) }
        store.send(.selectionMoved(by: -7)) {
            $0.list.selectedID = F.id(3)
            $0.list.scrollOffset = 2
        }
        // A page is a screen of rows.
        store.send(.pageMoved(by: 1)) {
            $0.list.selectedID = F.id(10)
            $0.list.scrollOffset = 3
        }
        store.send(.pageMoved(by: 5)) {
            $0.list.selectedID = F.id(20)
            $0.list.scrollOffset = 13
        }
        store.send(.pageMoved(by: -1)) {
            $0.list.selectedID = F.id(13)
            $0.list.scrollOffset = 12
        }
    }

    func testMovingNearTheBottomOfTheWindowAsksForTheNextPageOnce() {
        let store = ReducerTestStore(state: F.loaded(1...14, top: true, bottom: false))
        // Index 5: 7 rows to go is not yet within a screen of the last row (index 13).
        store.send(.selectionMoved(by: 5)) { $0.list.selectedID = F.id(6) }
        store.expectNoEffects()

        store.send(.selectionMoved(by: 1)) {
            $0.list.selectedID = F.id(7)
            $0.list.isLoading = true
        }
        let next = PageRequest(view: .active, order: .newestFirst, cursor: F.row(14).cursor, direction: .forward, limit: 14)
        store.expectEffects([.loadPage(next, .append)])

        // While the page is in flight the selection moves, but nothing more is asked for.
        store.send(.selectionMoved(by: 1)) {
            $0.list.selectedID = F.id(8)
            $0.list.scrollOffset = 1
        }
        store.send(.selectionMoved(by: 5)) {
            $0.list.selectedID = F.id(13)
            $0.list.scrollOffset = 6
        }

        store.receive(.pageLoaded(next, TicketPage(rows: F.rows(15...28), hasMore: true), .append)) {
            $0.list.rows = F.rows(1...28)
            $0.list.isLoading = false
        }
        store.send(.selectionMoved(by: 1)) {
            $0.list.selectedID = F.id(14)
            $0.list.scrollOffset = 7
        }
    }

    func testMovingNearTheTopOfATrimmedWindowAsksForThePreviousPage() {
        let store = ReducerTestStore(state: F.loaded(15...42, selected: 25, scroll: 5, top: false, bottom: true))
        store.send(.selectionMoved(by: -2)) { $0.list.selectedID = F.id(23) }
        store.send(.selectionMoved(by: -1)) {
            $0.list.selectedID = F.id(22)
            $0.list.isLoading = true
        }
        let previous = PageRequest(view: .active, order: .newestFirst, cursor: F.row(15).cursor, direction: .backward, limit: 14)
        store.expectEffects([.loadPage(previous, .prepend)])

        store.receive(.pageLoaded(previous, TicketPage(rows: F.rows(1...14), hasMore: false), .prepend)) {
            $0.list.rows = F.rows(1...42)
            $0.list.reachedTop = true
            $0.list.scrollOffset = 19
            $0.list.isLoading = false
        }
    }

    func testAppendBeyondTheWindowLimitTrimsTheTop() {
        // A full window (42 rows) with the selection near its bottom.
        let store = ReducerTestStore(state: F.loaded(1...42, selected: 38, scroll: 31, top: true, bottom: false, loading: true))
        let next = PageRequest(view: .active, order: .newestFirst, cursor: F.row(42).cursor, direction: .forward, limit: 14)
        store.receive(.pageLoaded(next, TicketPage(rows: F.rows(43...56), hasMore: false), .append)) {
            $0.list.rows = F.rows(15...56)
            $0.list.scrollOffset = 17
            $0.list.reachedTop = false
            // The 14 rows let go above the window are counted: the position stays known.
            $0.list.rowsAboveWindow = 14
            $0.list.reachedBottom = true
            $0.list.isLoading = false
        }
        XCTAssertEqual(store.state.list.rows.count, store.state.windowLimit)
        XCTAssertEqual(store.state.list.selectedIndex, 23)
        XCTAssertEqual(store.state.list.rowsBefore, 14)
    }

    func testPrependBeyondTheWindowLimitTrimsTheBottom() {
        let store = ReducerTestStore(state: F.loaded(15...56, selected: 16, top: false, bottom: true, loading: true))
        let previous = PageRequest(view: .active, order: .newestFirst, cursor: F.row(15).cursor, direction: .backward, limit: 14)
        store.receive(.pageLoaded(previous, TicketPage(rows: F.rows(1...14), hasMore: false), .prepend)) {
            $0.list.rows = F.rows(1...42)
            $0.list.scrollOffset = 14
            $0.list.reachedTop = true
            $0.list.reachedBottom = false
            $0.list.isLoading = false
        }
    }

    func testPrependWithMoreAboveLeavesTheTopUnreached() {
        let store = ReducerTestStore(state: F.loaded(29...56, selected: 30, top: false, bottom: true, loading: true))
        let previous = PageRequest(view: .active, order: .newestFirst, cursor: F.row(29).cursor, direction: .backward, limit: 14)
        store.receive(.pageLoaded(previous, TicketPage(rows: F.rows(15...28), hasMore: true), .prepend)) {
            $0.list.rows = F.rows(15...56)
            $0.list.scrollOffset = 14
            $0.list.isLoading = false
        }
    }

    func testJumpedToBottomReadsTheLastPageThenJumpedToTopReloads() {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 3, top: true, bottom: false))
        store.send(.jumpedToBottom) { $0.list.isLoading = true }
        let last = PageRequest(view: .active, order: .newestFirst, direction: .backward, limit: 14)
        store.expectEffects([.loadPage(last, .replaceAtBottom)])
        store.receive(.pageLoaded(last, TicketPage(rows: F.rows(43...56), hasMore: true), .replaceAtBottom)) {
            $0.list.rows = F.rows(43...56)
            $0.list.reachedTop = false
            $0.list.reachedBottom = true
            $0.list.selectedID = F.id(56)
            $0.list.scrollOffset = 7
            $0.list.isLoading = false
        }
        // Already at the bottom: nothing to read.
        store.send(.jumpedToBottom)
        store.send(.selectionMoved(by: -2)) { $0.list.selectedID = F.id(54) }

        store.send(.jumpedToTop) { $0.list.isLoading = true }
        store.expectEffects([.loadPage(F.firstPage(), .replace(select: nil))])
        store.receive(.pageLoaded(F.firstPage(), TicketPage(rows: F.rows(1...14), hasMore: true), .replace(select: nil))) {
            $0.list.rows = F.rows(1...14)
            $0.list.reachedTop = true
            $0.list.reachedBottom = false
            $0.list.selectedID = F.id(1)
            $0.list.scrollOffset = 0
            $0.list.isLoading = false
        }
    }

    func testJumpsWithinAWindowHoldingBothEnds() {
        let store = ReducerTestStore(state: F.loaded(1...20, selected: 16, scroll: 9, top: true, bottom: true))
        store.send(.jumpedToTop) {
            $0.list.selectedID = F.id(1)
            $0.list.scrollOffset = 0
        }
        store.send(.jumpedToBottom) {
            $0.list.selectedID = F.id(20)
            $0.list.scrollOffset = 13
        }
    }

    // MARK: - Refreshing

    func testRefreshRereadsAWindowHoldingTheTopFromTheStart() {
        // The window grew to 28 rows; the selection (index 20) is past the first page.
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...28, selected: 21, scroll: 14, top: true, bottom: false), 21))
        store.send(.refreshRequested) { $0.list.isLoading = true }
        let request = PageRequest(view: .active, order: .newestFirst, limit: 28)
        store.expectEffects([.loadCounts, .loadTicket(number: 21), .loadPage(request, .replace(select: F.id(21)))])
        // Ticket #2 was closed meanwhile and left Active: the window closes up around it.
        let rows = F.rows(Array(1...29).filter { $0 != 2 })
        store.receive(.pageLoaded(request, TicketPage(rows: rows, hasMore: true), .replace(select: F.id(21)))) {
            $0.list.rows = rows
            $0.list.isLoading = false
        }
        XCTAssertEqual(store.state.list.selectedIndex, 19)
    }

    func testRefreshOfATrimmedWindowRereadsItInPlaceAndKeepsTheTopUnreached() {
        let store = ReducerTestStore(state: F.loaded(15...56, selected: 30, scroll: 12, top: false, bottom: true))
        store.send(.deskChanged) { $0.list.isLoading = true }
        var request = PageRequest(view: .active, order: .newestFirst, cursor: F.row(15).cursor, limit: 42)
        request.inclusive = true
        store.expectEffects([.loadCounts, .loadPage(request, .replace(select: F.id(30)))])
        store.receive(.pageLoaded(request, TicketPage(rows: F.rows(15...56), hasMore: false), .replace(select: F.id(30)))) {
            $0.list.isLoading = false
        }
        XCTAssertFalse(store.state.list.reachedTop)
    }

    func testTicketChangedRefreshesTheWindowWhereItStands() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(15...56, selected: 30, scroll: 12, top: false, bottom: true), 30))
        store.send(.statusChangeRequested(.pending))
        store.expectEffects([.changeStatus(number: 30, .pending)])
        var changed = F.ticket(30)
        changed.status = .pending
        XCTAssertEqual(Notices.statusChanged(30, to: .pending, for: .agent).englishText, "#30 is now pending")
        store.receive(.ticketChanged(changed, info: Notices.statusChanged(30, to: .pending, for: .agent))) {
            $0.message = StatusMessage(.info, Notices.statusChanged(30, to: .pending, for: .agent))
            $0.list.isLoading = true
        }
        var request = PageRequest(view: .active, order: .newestFirst, cursor: F.row(15).cursor, limit: 42)
        request.inclusive = true
        store.expectEffects([.loadCounts, .loadTicket(number: 30), .loadPage(request, .replace(select: F.id(30)))])
    }

    // MARK: - Views and orders

    func testSelectingTheSameViewDoesNothingAndAnotherReloads() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 5), 5))
        store.send(.viewSelected(.active))
        store.send(.viewSelected(.mine)) {
            $0.view = .mine
            $0.focus = .list
            $0.list.isLoading = true
        }
        // The view chosen is kept in the desk for the next start.
        store.expectEffects([
            .loadPage(F.firstPage(.mine), .replace(select: nil)),
            .saveUserSettings(UserSettings(view: "mine", sort: .created, oldestFirst: false)),
        ])

        // The Active page the user has left arrives late: ignored, still loading.
        store.receive(.pageLoaded(F.firstPage(.active), TicketPage(rows: F.rows(1...14), hasMore: true), .replace(select: nil)))

        store.receive(.pageLoaded(F.firstPage(.mine), TicketPage(rows: F.rows(100...105), hasMore: false), .replace(select: nil))) {
            $0.list.rows = F.rows(100...105)
            $0.list.reachedTop = true
            $0.list.reachedBottom = true
            $0.list.selectedID = F.id(100)
            $0.list.isLoading = false
        }
    }

    func testOrderFlippedKeepsTheSelectedTicket() {
        let store = ReducerTestStore(state: F.loaded(1...20, selected: 12, scroll: 6, top: true, bottom: true))
        let oldestFirst = TicketOrder(key: .created, reversed: true)
        store.send(.orderFlipped) {
            $0.order = oldestFirst
            $0.message = StatusMessage(.info, Notices.sorted(TicketOrder(key: .created, reversed: true), in: .active))
            $0.list.isLoading = true
        }
        let request = F.firstPage(order: oldestFirst)
        store.expectEffects([
            .loadPage(request, .replace(select: F.id(12))),
            .saveUserSettings(UserSettings(view: "active", sort: .created, oldestFirst: true)),
        ])

        // A page in the old order is stale.
        store.receive(.pageLoaded(F.firstPage(), TicketPage(rows: F.rows(1...14), hasMore: true), .replace(select: F.id(12))))

        let reversed = F.rows(Array((7...20).reversed()))
        store.receive(.pageLoaded(request, TicketPage(rows: reversed, hasMore: true), .replace(select: F.id(12)))) {
            $0.list.rows = reversed
            $0.list.reachedBottom = false
            $0.list.isLoading = false
        }
        XCTAssertEqual(store.state.list.selectedIndex, 8)
    }

    func testSortCycledKeepsThePositionWhenTheSelectedTicketIsNotOnTheFirstPage() {
        let store = ReducerTestStore(state: F.loaded(1...40, selected: 30, scroll: 23, top: true, bottom: true))
        let updated = TicketOrder(key: .updated, reversed: false)
        store.send(.sortCycled) {
            $0.order = updated
            $0.message = StatusMessage(.info, Notices.sorted(TicketOrder(key: .updated), in: .active))
            $0.list.isLoading = true
        }
        let request = F.firstPage(order: updated)
        store.expectEffects([
            .loadPage(request, .replace(select: F.id(30))),
            .saveUserSettings(UserSettings(view: "active", sort: .updated, oldestFirst: false)),
        ])
        store.receive(.pageLoaded(request, TicketPage(rows: F.rows(41...54), hasMore: true), .replace(select: F.id(30)))) {
            $0.list.rows = F.rows(41...54)
            $0.list.reachedBottom = false
            $0.list.selectedID = F.id(54)
            $0.list.scrollOffset = 7
            $0.list.isLoading = false
        }

        // Then the key after updated is triage, and after triage comes created again.
        store.send(.sortCycled) {
            $0.order = TicketOrder(key: .triage)
            $0.message = StatusMessage(.info, Notices.sorted(TicketOrder(key: .triage), in: .active))
            $0.list.isLoading = true
        }
        store.expectEffects([
            .loadPage(F.firstPage(order: TicketOrder(key: .triage)), .replace(select: F.id(54))),
            .saveUserSettings(UserSettings(view: "active", sort: .triage, oldestFirst: false)),
        ])
    }

    func testTerminalResizedKeepsTheSelectionAndClampsTheScroll() {
        let store = ReducerTestStore(state: F.loaded(1...20, selected: 16, scroll: 9, top: true, bottom: true))
        // 3 rows on screen: the selected row (index 15) must stay visible.
        store.send(.terminalResized(TerminalSize(columns: 100, rows: 6))) {
            $0.size = TerminalSize(columns: 100, rows: 6)
            $0.list.scrollOffset = 13
        }
        // Taller than the window: nothing to scroll.
        store.send(.terminalResized(TerminalSize(columns: 100, rows: 40))) {
            $0.size = TerminalSize(columns: 100, rows: 40)
            $0.list.scrollOffset = 0
        }
        store.send(.terminalResized(F.size)) {
            $0.size = F.size
            $0.list.scrollOffset = 9
        }
    }

    // MARK: - The open ticket

    func testTicketOpenedLoadsTheTicketAndRecordsTheView() {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 3))
        store.send(.ticketOpened) { $0.focus = .detail }
        store.expectEffects([.loadTicket(number: 3), .recordViewed(number: 3), .loadCounts])
    }

    func testTicketOpenedWithNothingSelectedDoesNothing() {
        let store = ReducerTestStore(state: F.state())
        store.send(.ticketOpened)
    }

    func testTicketOpenedFromSearchOpensTheSearchResultAndReadsTheListFromIt() {
        var state = F.loaded(1...14, selected: 3)
        state.search = SearchState(query: "printer", results: F.rows([70, 71]), selectedIndex: 1)
        let store = ReducerTestStore(state: state)
        store.send(.ticketOpened) {
            $0.focus = .detail
            $0.list.isLoading = true
        }
        // #71 is not in the window: the view is read from it (newest first: by creation time).
        var request = F.firstPage()
        request.cursor = PageCursor(sortValue: Int64(F.row(71).createdAt.timeIntervalSince1970), ticketID: F.id(71))
        request.inclusive = true
        store.expectEffects([.loadTicket(number: 71), .recordViewed(number: 71), .loadCounts, .loadPage(request, .around(F.id(71)))])
    }

    func testTicketLoadedForACustomerLeavesOutInternalNotes() {
        var state = F.loaded(1...14, selected: 3, viewer: F.customer)
        state.focus = .detail
        let store = ReducerTestStore(state: state)
        let detail = F.detail(3)
        store.receive(.ticketLoaded(detail)) {
            $0.openTicket = OpenTicketState(
                detail: detail, thread: ThreadTree.lines(detail.messages, includeInternalNotes: false))
        }
        let thread = store.state.openTicket!.thread
        XCTAssertEqual(thread.map(\.message.id), [1, 3, 4])
        XCTAssertEqual(thread.map(\.depth), [0, 1, 0])
    }

    func testTicketLoadedForAnAgentThreadsNotesAndKeepsTheScrollOfTheSameTicket() {
        var state = F.loaded(1...14, selected: 3)
        state.focus = .detail
        let store = ReducerTestStore(state: state)
        let detail = F.detail(3)
        store.receive(.ticketLoaded(detail)) {
            $0.openTicket = OpenTicketState(
                detail: detail, thread: ThreadTree.lines(detail.messages, includeInternalNotes: true))
        }
        XCTAssertEqual(store.state.openTicket!.thread.map(\.message.id), [1, 2, 3, 4])
        XCTAssertEqual(store.state.openTicket!.thread.map(\.depth), [0, 1, 1, 0])

        // Until the client has measured the laid-out detail there is nothing to scroll.
        store.send(.selectionMoved(by: 2))
        store.send(.detailMeasured(contentHeight: 12, viewportHeight: 8)) {
            $0.openTicket!.contentHeight = 12
            $0.openTicket!.viewportHeight = 8
        }
        // With the detail focused, moving scrolls it, clamped to the end of the content.
        store.send(.selectionMoved(by: 2)) { $0.openTicket!.scroll = 2 }
        store.send(.selectionMoved(by: 5)) { $0.openTicket!.scroll = 4 }
        store.send(.jumpedToTop) { $0.openTicket!.scroll = 0 }
        store.send(.jumpedToBottom) { $0.openTicket!.scroll = 4 }
        store.send(.pageMoved(by: -1)) { $0.openTicket!.scroll = 0 }
        store.send(.historyScrolled(by: 2)) { $0.openTicket!.scroll = 2 }

        // Reloading the same ticket (a new reply arrived) keeps the reader's place.
        let longer = F.detail(3, messages: F.messages(on: 3) + [F.message(5, on: 3, .reply, by: 2, replyTo: 3)])
        store.receive(.ticketLoaded(longer)) {
            $0.openTicket!.detail = longer
            $0.openTicket!.thread = ThreadTree.lines(longer.messages, includeInternalNotes: true)
            $0.message = StatusMessage(.info, Notices.newMessages(1, from: .text("Peter"), on: 3))
        }
        store.expectEffects([.loadCounts])
        XCTAssertEqual(store.state.openTicket!.thread.map(\.message.id), [1, 2, 3, 5, 4])
        // Another ticket starts at the top.
        let other = F.detail(4)
        store.receive(.ticketLoaded(other)) {
            $0.openTicket = OpenTicketState(
                detail: other, thread: ThreadTree.lines(other.messages, includeInternalNotes: true), scroll: 0)
        }
    }

    func testAShorterReloadKeepsTheScrollUntilMeasured() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 3), 3, scroll: 3))
        let shorter = F.detail(3, messages: [F.message(1, on: 3)])
        store.receive(.ticketLoaded(shorter)) {
            $0.openTicket!.detail = shorter
            $0.openTicket!.thread = ThreadTree.lines(shorter.messages, includeInternalNotes: true)
        }
        store.send(.detailMeasured(contentHeight: 9, viewportHeight: 8)) {
            $0.openTicket!.contentHeight = 9
            $0.openTicket!.viewportHeight = 8
            $0.openTicket!.scroll = 1
        }
    }

    func testTheLineTheClientDrewOnTopBecomesTheScroll() {
        // A long thread's heights turn exact as it is laid out: the client reports where the
        // reader's top line now sits, and the end it anchored to the bottom.
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 3), 3, scroll: 30))
        store.send(.detailMeasured(contentHeight: 400, viewportHeight: 8, firstLine: 33)) {
            $0.openTicket!.contentHeight = 400
            $0.openTicket!.viewportHeight = 8
            $0.openTicket!.scroll = 33
        }
        store.send(.detailMeasured(contentHeight: 40, viewportHeight: 8, firstLine: 32)) {
            $0.openTicket!.contentHeight = 40
            $0.openTicket!.scroll = 32
        }
        // Never past the end, whatever is reported.
        store.send(.detailMeasured(contentHeight: 20, viewportHeight: 8, firstLine: 32)) {
            $0.openTicket!.contentHeight = 20
            $0.openTicket!.scroll = 12
        }
    }

    // MARK: - Composer

    func testReplyWithoutAnOpenTicketOpensTheSelectedRowFirst() {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 4))
        store.send(.composerOpened(.reply)) {
            $0.focus = .detail
            $0.afterOpening = PendingTicketCommand(number: 4, action: .composerOpened(.reply))
        }
        store.expectEffects([.loadTicket(number: 4), .recordViewed(number: 4), .loadCounts])
    }

    func testReplyOnAClosedTicketPointsToAFollowUp() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 4), 4, status: .closed))
        store.send(.composerOpened(.reply)) {
            $0.message = StatusMessage(.error, Notices.closedUseFollowUp(4, NoticeKeys()))
        }
        store.send(.composerOpened(.internalNote)) {
            $0.message = StatusMessage(.error, Notices.closedUseFollowUp(4, NoticeKeys()))
        }
        store.send(.composerOpened(.followUp)) {
            $0.composer = ComposerState(
                kind: .followUp, slot: .followUp(ticketNumber: 4), subject: "Follow-up: Ticket 4",
                fields: ["kind": "serviceRequest", "urgency": "none", "contact": "portal", "product": "Mail",
                         "category": "", "subcategory": ""])
            $0.composer!.field = .subject
            $0.composer!.cursor = 19
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(.followUp(ticketNumber: 4))])
    }

    func testFollowUpOfAnOpenTicketIsRefused() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 4), 4))
        store.send(.composerOpened(.followUp)) {
            $0.message = StatusMessage(.error, DeskError.followUpOfOpenTicket(number: 4).phrase)
        }
    }

    func testInternalNoteByACustomerIsRefused() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 4, viewer: F.customer), 4))
        store.send(.composerOpened(.internalNote)) {
            $0.message = StatusMessage(.error, DeskError.notAllowedPhrase(Notices.onlyAgentsWriteNotes))
        }
        store.expectNoEffects()
    }

    func testReplyDraftIsRestoredSavedAndSent() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 4), 4))
        let slot = DraftSlot.reply(ticketNumber: 4)
        store.send(.composerOpened(.reply)) {
            $0.composer = ComposerState(kind: .reply, slot: slot)
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(slot)])

        // A draft of another slot (a late answer for an earlier composer) is not this one's.
        store.receive(.draftLoaded(Draft(slot: .reply(ticketNumber: 5), body: "For #5", updatedAt: F.date)))
        store.receive(.draftLoaded(nil))
        store.receive(.draftLoaded(Draft(slot: slot, body: "Half written", updatedAt: F.date))) {
            $0.composer!.body = "Half written"
            $0.composer!.cursor = 12
        }

        store.send(.composerEdited(subject: "", body: "Half written, now done")) {
            $0.composer!.body = "Half written, now done"
        }
        store.expectEffects([.saveDraft(slot: slot, subject: "", body: "Half written, now done", fields: [:])])

        store.send(.composerSubmitted) { $0.composer!.isSending = true }
        store.expectEffects([.sendMessage(NewMessage(ticketNumber: 4, body: "Half written, now done"), slot: slot)])
        // A second Enter while sending sends nothing twice.
        store.send(.composerSubmitted)

        let sent = Message(id: 9, ticketID: F.id(4), kind: .reply, authorID: 1, body: "Half written, now done", createdAt: F.date)
        store.receive(.messageSent(sent, ticketNumber: 4)) {
            $0.composer = nil
            $0.focus = .detail
            $0.message = StatusMessage(.info, Notices.replySent(4))
            $0.list.isLoading = true
        }
        store.expectEffects([
            .loadTicket(number: 4), .loadCounts, .deleteDraft(slot),
            .loadPage(F.firstPage(), .replace(select: F.id(4))),
        ])
    }

    func testInternalNoteIsSentAsInternal() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 4), 4))
        let slot = DraftSlot.internalNote(ticketNumber: 4)
        store.send(.composerOpened(.internalNote)) {
            $0.composer = ComposerState(kind: .internalNote, slot: slot)
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(slot)])
        store.send(.composerEdited(subject: "", body: "Customer is on the old plan")) {
            $0.composer!.body = "Customer is on the old plan"
        }
        store.expectEffects([.saveDraft(slot: slot, subject: "", body: "Customer is on the old plan", fields: [:])])
        store.send(.composerSubmitted) { $0.composer!.isSending = true }
        store.expectEffects([
            .sendMessage(NewMessage(ticketNumber: 4, body: "Customer is on the old plan", isInternal: true), slot: slot)
        ])
        let note = Message(id: 9, ticketID: F.id(4), kind: .internalNote, authorID: 1, body: "Customer is on the old plan", createdAt: F.date)
        store.receive(.messageSent(note, ticketNumber: 4)) {
            $0.composer = nil
            $0.focus = .detail
            $0.message = StatusMessage(.info, Notices.noteAdded(4))
            $0.list.isLoading = true
        }
        store.expectEffects([
            .loadTicket(number: 4), .loadCounts, .deleteDraft(slot),
            .loadPage(F.firstPage(), .replace(select: F.id(4))),
        ])
    }

    func testSubmittingAnEmptyMessageIsAnError() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 4), body: "  \n\t ")
        state.focus = .composer
        let store = ReducerTestStore(state: state)
        store.send(.composerSubmitted) { $0.message = StatusMessage(.error, Notices.emptyMessage) }
        store.expectNoEffects()
    }

    func testComposerEditedWithoutAComposerDoesNothing() {
        let store = ReducerTestStore(state: F.loaded(1...14))
        store.send(.composerEdited(subject: "", body: "lost"))
        store.send(.composerSubmitted)
        store.send(.draftLoaded(Draft(slot: .newTicket, body: "x", updatedAt: F.date)))
    }

    func testNewTicketComposerAndCreation() {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 2))
        store.send(.composerOpened(.newTicket)) {
            $0.composer = ComposerState(kind: .newTicket, slot: .newTicket, fields: ["kind": "question", "urgency": "none", "contact": "portal"])
            $0.composer!.field = .subject
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(.newTicket)])
        store.receive(.draftLoaded(Draft(slot: .newTicket, subject: "VPN", body: "Drops", fields: ["kind": "incident"], updatedAt: F.date))) {
            $0.composer!.subject = "VPN"
            $0.composer!.body = "Drops"
            $0.composer!.fields = ["kind": "incident", "urgency": "none", "contact": "portal"]
            $0.composer!.cursor = 3
        }
        store.send(.composerSubmitted) { $0.composer!.isSending = true }
        store.expectEffects([
            .createTicket(NewTicket(subject: "VPN", description: "Drops", kind: .incident), slot: .newTicket, allowDuplicate: false)
        ])
        var created = F.ticket(15)
        created.subject = "VPN"
        store.receive(.ticketCreated(created)) {
            $0.composer = nil
            $0.focus = .detail
            $0.message = StatusMessage(.info, Notices.ticketCreated(15))
            $0.list.isLoading = true
        }
        store.expectEffects([
            .loadTicket(number: 15), .recordViewed(number: 15), .loadCounts, .deleteDraft(.newTicket),
            .loadPage(F.firstPage(), .replace(select: F.id(15))),
        ])
    }

    func testFailedShowsTheErrorAndStopsWaiting() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4, loading: true), 4)
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 4), body: "Hello")
        state.composer!.isSending = true
        state.focus = .composer
        let store = ReducerTestStore(state: state)
        store.receive(.failed(.ticketClosed(number: 4))) {
            $0.message = StatusMessage(.error, DeskError.ticketClosed(number: 4).phrase)
            $0.list.isLoading = false
            $0.composer!.isSending = false
        }
    }

    // MARK: - Search

    func testSearchAsksOnlyForMeaningfulQueriesAndIgnoresStaleResults() {
        let store = ReducerTestStore(state: F.loaded(1...14))
        // No search open: typing goes nowhere.
        store.send(.searchQueryChanged("printer"))
        store.send(.searchStarted) { $0.search = SearchState() }

        store.send(.searchQueryChanged("pr")) { $0.search!.query = "pr" }
        store.expectEffects([.search("pr")])
        store.send(.searchQueryChanged("printer")) { $0.search!.query = "printer" }
        store.expectEffects([.search("printer")])

        // The answer for "pr" arrives after "printer" was typed: stale.
        store.receive(.searchResultsLoaded(query: "pr", F.rows([1, 2, 3])))
        store.receive(.searchResultsLoaded(query: "printer", F.rows([2, 7]))) {
            $0.search!.results = F.rows([2, 7])
            $0.search!.snippetsRequested = 2
        }
        // A line of matching text, for the results on screen.
        store.expectEffects([.loadSnippets(query: "printer", [F.id(2), F.id(7)])])

        // Punctuation and blanks are not a query: clear the results, ask nothing.
        store.send(.searchQueryChanged("  \"* ")) {
            $0.search!.query = "  \"* "
            $0.search!.results = []
        }
        store.expectNoEffects()
        store.send(.searchQueryChanged("")) { $0.search!.query = "" }

        store.send(.searchClosed) { $0.search = nil }
    }

    // MARK: - Back and focus

    func testBackUnwindsSearchThenComposerThenTicketThenQuits() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 4), body: "Draft")
        state.focus = .composer
        state.search = SearchState(query: "vpn", results: F.rows([9]))
        let store = ReducerTestStore(state: state)

        store.send(.backRequested) { $0.search = nil }
        store.send(.backRequested) {
            $0.composer = nil
            $0.focus = .detail
            $0.message = StatusMessage(.info, Notices.draftKept)
        }
        store.send(.backRequested) {
            $0.openTicket = nil
            $0.focus = .list
        }
        store.send(.backRequested) { $0.shouldQuit = true }
    }

    func testQuitRequested() {
        let store = ReducerTestStore(state: F.loaded(1...14))
        store.send(.quitRequested) { $0.shouldQuit = true }
    }

    func testFocusCyclesOnlyThroughPanesThatExist() {
        // Only the list.
        let list = ReducerTestStore(state: F.loaded(1...14))
        list.send(.focusCycled(forward: true))
        list.send(.focusCycled(forward: false))

        // List and detail.
        let detail = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 4), 4))
        detail.send(.focusCycled(forward: true)) { $0.focus = .list }
        detail.send(.focusCycled(forward: true)) { $0.focus = .detail }
        detail.send(.focusCycled(forward: false)) { $0.focus = .list }

        // List, detail and composer.
        var all = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        all.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 4))
        all.focus = .list
        let three = ReducerTestStore(state: all)
        three.send(.focusCycled(forward: true)) { $0.focus = .detail }
        three.send(.focusCycled(forward: true)) { $0.focus = .composer }
        three.send(.focusCycled(forward: true)) { $0.focus = .list }
        three.send(.focusCycled(forward: false)) { $0.focus = .composer }

        // A new-ticket composer without an open ticket: list and composer.
        var composing = F.loaded(1...14)
        composing.composer = ComposerState(kind: .newTicket, slot: .newTicket)
        composing.focus = .composer
        let two = ReducerTestStore(state: composing)
        two.send(.focusCycled(forward: true)) { $0.focus = .list }
        two.send(.focusCycled(forward: true)) { $0.focus = .composer }
    }
}

// MARK: - Against a real store

/// The reducer and the runtime together over a temporary SQLite desk: the list window that
/// grows and shrinks page by page must show exactly the store's order.
final class ReducerEngineTests: StoreTestCase {
    /// 30 tickets from customers of every tier, a minute or so apart, some answered later so
    /// that the update and triage orders differ from arrival.
    func makeTickets(_ count: Int = 30) throws {
        let requesters = [f.peter, f.erin, f.fred, f.paula, f.eve, f.pia]
        let urgencies: [Urgency] = [.none, .low, .serious, .critical]
        for k in 0..<count {
            try f.ticket(
                "Case \(k) about widget \(k)", by: requesters[k % requesters.count], kind: .question,
                urgency: urgencies[(k / 2) % urgencies.count])
            f.clock.advance(by: 60 + Double(k % 7) * 13)
        }
        for number in stride(from: 3, through: Int64(count), by: 4) {
            try f.reply(number, "Looking into it", by: f.alice)
            f.clock.advance(by: 30)
        }
    }

    func engine(_ viewer: Viewer, order: TicketOrder = .newestFirst, rows: Int = 10, view: CaseView = .all) -> DeskEngine {
        DeskEngine(
            state: DeskState(deskName: "Test desk", viewer: viewer, view: view, order: order, size: TerminalSize(columns: 80, rows: rows)),
            runtime: DeskRuntime(store: store, viewer: viewer, clock: f.clock.deskClock))
    }

    var selectedNumber: (DeskEngine) -> Int64? { { $0.state.list.selected?.number } }

    /// The window is a run of the full order, no longer than the limit, with the selection on
    /// screen, nothing in flight, and its reached-ends flags never lying.
    func checkWindow(_ engine: DeskEngine, _ all: [Int64], file: StaticString = #filePath, line: UInt = #line) {
        let state = engine.state, list = state.list
        let numbers = list.rows.map(\.number)
        XCTAssertFalse(list.isLoading, file: file, line: line)
        XCTAssertNil(state.message, "unexpected message: \(state.message!.phrase.englishText)", file: file, line: line)
        XCTAssertLessThanOrEqual(numbers.count, state.windowLimit, file: file, line: line)
        guard let first = numbers.first, let start = all.firstIndex(of: first), start + numbers.count <= all.count else {
            return XCTFail("window \(numbers) is not in the view \(all)", file: file, line: line)
        }
        XCTAssertEqual(numbers, Array(all[start..<start + numbers.count]), "window is not a run of the view", file: file, line: line)
        if list.reachedTop { XCTAssertEqual(start, 0, "reachedTop but rows above", file: file, line: line) }
        if list.reachedBottom { XCTAssertEqual(start + numbers.count, all.count, "reachedBottom but rows below", file: file, line: line) }
        guard let index = list.selectedIndex else { return XCTFail("nothing selected", file: file, line: line) }
        XCTAssertTrue(
            (list.scrollOffset..<list.scrollOffset + state.visibleListRows).contains(index),
            "selected row \(index) off screen (scroll \(list.scrollOffset))", file: file, line: line)
    }

    /// Presses Down to the end and Up back to the start, checking every step.
    func walk(_ engine: DeskEngine, _ all: [Int64], file: StaticString = #filePath, line: UInt = #line) {
        var down = [selectedNumber(engine)]
        var largest = engine.state.list.rows.count
        for _ in 1..<all.count {
            engine.send(.selectionMoved(by: 1))
            checkWindow(engine, all, file: file, line: line)
            down.append(selectedNumber(engine))
            largest = max(largest, engine.state.list.rows.count)
        }
        XCTAssertEqual(down, all, "going down", file: file, line: line)
        XCTAssertTrue(engine.state.list.reachedBottom, file: file, line: line)
        engine.send(.selectionMoved(by: 1))
        XCTAssertEqual(selectedNumber(engine), all.last, file: file, line: line)

        var up = [selectedNumber(engine)]
        for _ in 1..<all.count {
            engine.send(.selectionMoved(by: -1))
            checkWindow(engine, all, file: file, line: line)
            up.append(selectedNumber(engine))
            largest = max(largest, engine.state.list.rows.count)
        }
        XCTAssertEqual(up, all.reversed(), "going up", file: file, line: line)
        XCTAssertTrue(engine.state.list.reachedTop, file: file, line: line)
        XCTAssertLessThanOrEqual(largest, engine.state.windowLimit, file: file, line: line)
    }

    func testWalkingTheWholeListFollowsTheStoreOrder() throws {
        try makeTickets()
        let orders = [
            TicketOrder.newestFirst, TicketOrder(key: .created, reversed: true),
            TicketOrder(key: .updated), TicketOrder(key: .triage), TicketOrder(key: .triage, reversed: true),
        ]
        for order in orders {
            let all = try f.numbers(.all, f.alice, order: order)
            XCTAssertEqual(all.count, 30)
            let engine = engine(f.alice, order: order)
            XCTAssertEqual(engine.state.visibleListRows, 7)
            engine.send(.started)
            checkWindow(engine, all)
            XCTAssertEqual(engine.state.list.rows.count, engine.state.pageLimit)
            XCTAssertFalse(engine.state.list.reachedBottom)
            walk(engine, all)
        }
    }

    func testWalkingAShortTerminalTrimsTheWindowBothWays() throws {
        try makeTickets()
        // 3 rows on screen: pages of 6, a window of at most 18, so 30 tickets trim.
        for order in [TicketOrder.newestFirst, TicketOrder(key: .triage)] {
            let all = try f.numbers(.all, f.alice, order: order)
            let engine = engine(f.alice, order: order, rows: 6)
            engine.send(.started)
            walk(engine, all)
        }
    }

    func testCustomerWalksOnlyTheirOrganisation() throws {
        try makeTickets()
        let all = try f.numbers(.all, f.paula)
        XCTAssertEqual(all.count, 15)  // Pro Co: peter, paula and pia's tickets
        let engine = engine(f.paula, rows: 6)
        engine.send(.started)
        walk(engine, all)
    }

    func testJumpingAndPagingFollowTheStoreOrder() throws {
        try makeTickets()
        let all = try f.numbers(.all, f.alice)
        let engine = engine(f.alice, rows: 6)
        engine.send(.started)

        engine.send(.jumpedToBottom)
        checkWindow(engine, all)
        XCTAssertEqual(selectedNumber(engine), all.last)
        XCTAssertTrue(engine.state.list.reachedBottom)
        XCTAssertFalse(engine.state.list.reachedTop)

        // Page up (3 rows a page) to the top.
        var index = all.count - 1
        while index > 0 {
            engine.send(.pageMoved(by: -1))
            index = max(0, index - 3)
            checkWindow(engine, all)
            XCTAssertEqual(selectedNumber(engine), all[index])
        }
        XCTAssertTrue(engine.state.list.reachedTop)

        engine.send(.pageMoved(by: 4))
        XCTAssertEqual(selectedNumber(engine), all[12])
        engine.send(.jumpedToTop)
        checkWindow(engine, all)
        XCTAssertEqual(selectedNumber(engine), all[0])
    }

    func testRefreshKeepsTheSelectedTicketAndTheWindow() throws {
        try makeTickets()
        let all = try f.numbers(.all, f.alice)
        // 7 rows on screen: at row 20 the window has grown to 28 rows but still holds the top.
        let tall = engine(f.alice)
        tall.send(.started)
        for _ in 0..<20 { tall.send(.selectionMoved(by: 1)) }
        XCTAssertTrue(tall.state.list.reachedTop)
        let scroll = tall.state.list.scrollOffset
        tall.send(.refreshRequested)
        checkWindow(tall, all)
        XCTAssertEqual(selectedNumber(tall), all[20])
        XCTAssertEqual(tall.state.list.scrollOffset, scroll)

        // 3 rows on screen: at row 20 the top of the window has been trimmed.
        let short = engine(f.alice, rows: 6)
        short.send(.started)
        for _ in 0..<20 { short.send(.selectionMoved(by: 1)) }
        XCTAssertFalse(short.state.list.reachedTop)
        short.send(.refreshRequested)
        checkWindow(short, all)
        XCTAssertEqual(selectedNumber(short), all[20])
        XCTAssertFalse(short.state.list.reachedTop, "a re-read from the window's first row proves nothing about rows above")
        // And the way up still reaches the first ticket.
        for step in (0..<20).reversed() {
            short.send(.selectionMoved(by: -1))
            checkWindow(short, all)
            XCTAssertEqual(selectedNumber(short), all[step])
        }
        XCTAssertTrue(short.state.list.reachedTop)
    }

    func testReplyingDeepInTheListKeepsTheListOnThatTicket() throws {
        try makeTickets()
        let all = try f.numbers(.all, f.alice)
        let engine = engine(f.alice)
        engine.send(.started)
        for _ in 0..<20 { engine.send(.selectionMoved(by: 1)) }
        let number = all[20]
        engine.send(.ticketOpened)
        XCTAssertEqual(engine.state.openTicket?.detail.ticket.number, number)

        engine.send(.composerOpened(.reply))
        engine.send(.composerEdited(subject: "", body: "Fixed in the next release"))
        XCTAssertEqual(try store.draft(.reply(ticketNumber: number), viewer: f.alice)?.body, "Fixed in the next release")
        engine.send(.composerSubmitted)

        XCTAssertNil(engine.state.composer)
        XCTAssertEqual(engine.state.message, StatusMessage(.info, Notices.replySent(number)))
        XCTAssertTrue(engine.state.openTicket!.detail.messages.contains { $0.body == "Fixed in the next release" })
        XCTAssertNil(try store.draft(.reply(ticketNumber: number), viewer: f.alice))
        XCTAssertFalse(engine.state.list.isLoading)
        XCTAssertEqual(selectedNumber(engine), number, "the list still shows the ticket that is open")
    }

    // MARK: - The test store in live mode

    func testLiveStartOpenDraftAndReply() throws {
        try makeTickets(8)
        let viewer = f.peter
        let store = ReducerTestStore(
            state: DeskState(deskName: "Test desk", viewer: viewer, view: .all, size: TerminalSize(columns: 80, rows: 10)),
            fixture: f)
        let request = PageRequest(view: .all, order: .newestFirst, limit: 14)
        store.send(.started) { $0.list.isLoading = true }
        store.expectEffects([.loadPage(request, .replace(select: nil)), .loadCounts])

        store.run(.loadCounts)
        let counts = try self.store.counts(viewer: viewer)
        store.receive(.countsLoaded(counts)) { $0.counts = counts }
        let unread = try self.store.unreadCounts(viewer: viewer)
        store.receive(.unreadCountsLoaded(unread)) { $0.unreadCounts = unread }
        store.run(.loadPage(request, .replace(select: nil)))
        let page = try self.store.page(request, viewer: viewer)
        XCTAssertEqual(page.rows.map(\.number), [7, 1])
        store.receive(.pageLoaded(request, page, .replace(select: nil))) {
            $0.list.rows = page.rows
            $0.list.unreadIDs = page.unreadIDs
            $0.list.reachedTop = true
            $0.list.reachedBottom = true
            $0.list.selectedID = page.rows[0].id
            $0.list.isLoading = false
        }

        store.send(.ticketOpened) { $0.focus = .detail }
        store.expectEffects([.loadTicket(number: 7), .recordViewed(number: 7), .loadCounts])
        XCTAssertEqual(store.run(.recordViewed(number: 7)), [])
        XCTAssertEqual(try f.numbers(.recent, viewer), [7])
        store.run(.loadTicket(number: 7))
        let detail = try self.store.detail(number: 7, viewer: viewer)
        store.receive(.ticketLoaded(detail)) {
            $0.openTicket = OpenTicketState(detail: detail, thread: ThreadTree.lines(detail.messages, includeInternalNotes: false))
            $0.list.unreadIDs.remove(detail.ticket.id)
        }

        let slot = DraftSlot.reply(ticketNumber: 7)
        store.send(.composerOpened(.reply)) {
            $0.composer = ComposerState(kind: .reply, slot: slot)
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(slot)])
        store.run(.loadDraft(slot))
        store.receive(.draftLoaded(nil))

        store.send(.composerEdited(subject: "", body: "Still broken")) { $0.composer!.body = "Still broken" }
        store.expectEffects([.saveDraft(slot: slot, subject: "", body: "Still broken", fields: [:])])
        XCTAssertEqual(store.run(.saveDraft(slot: slot, subject: "", body: "Still broken", fields: [:])), [])

        // Closing keeps the draft; opening again restores it from the store.
        store.send(.composerClosed) {
            $0.composer = nil
            $0.focus = .detail
            $0.message = StatusMessage(.info, Notices.draftKept)
        }
        store.send(.composerOpened(.reply)) {
            $0.composer = ComposerState(kind: .reply, slot: slot)
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(slot)])
        store.run(.loadDraft(slot))
        store.receive(.draftLoaded(Draft(slot: slot, body: "Still broken", updatedAt: f.clock.now))) {
            $0.composer!.body = "Still broken"
            $0.composer!.cursor = 12
        }

        store.send(.composerSubmitted) { $0.composer!.isSending = true }
        store.expectEffects([.sendMessage(NewMessage(ticketNumber: 7, body: "Still broken"), slot: slot)])
        store.run(.sendMessage(NewMessage(ticketNumber: 7, body: "Still broken"), slot: slot))
        let sent = try XCTUnwrap(self.store.detail(number: 7, viewer: viewer).messages.last)
        XCTAssertEqual(sent.body, "Still broken")
        store.receive(.messageSent(sent, ticketNumber: 7)) {
            $0.composer = nil
            $0.focus = .detail
            $0.message = StatusMessage(.info, Notices.replySent(7))
            $0.list.isLoading = true
        }
        let reload = PageRequest(view: .all, order: .newestFirst, limit: 14)
        store.expectEffects([
            .loadTicket(number: 7), .loadCounts, .deleteDraft(slot), .loadPage(reload, .replace(select: page.rows[0].id)),
        ])
        XCTAssertEqual(store.run(.deleteDraft(slot)), [])
        XCTAssertNil(try self.store.draft(slot, viewer: viewer))
        store.run(.loadTicket(number: 7))
        let reloaded = try self.store.detail(number: 7, viewer: viewer)
        store.receive(.ticketLoaded(reloaded)) {
            $0.openTicket!.detail = reloaded
            $0.openTicket!.thread = ThreadTree.lines(reloaded.messages, includeInternalNotes: false)
        }
        store.run(.loadPage(reload, .replace(select: page.rows[0].id)))
        let after = try self.store.page(reload, viewer: viewer)
        store.receive(.pageLoaded(reload, after, .replace(select: page.rows[0].id))) {
            $0.list.rows = after.rows
            $0.list.unreadIDs = after.unreadIDs
            $0.list.isLoading = false
        }
    }

    func testLiveSearchIsScopedAndFailuresComeBackAsActions() throws {
        try makeTickets(4)
        var state = DeskState(deskName: "Test desk", viewer: f.fred, view: .all, size: TerminalSize(columns: 80, rows: 10))
        state.search = SearchState(query: "widge")
        let store = ReducerTestStore(state: state, fixture: f)
        store.send(.searchQueryChanged("widget")) { $0.search!.query = "widget" }
        store.expectEffects([.search("widget")])
        store.run(.search("widget"))
        // Every ticket is about a widget; Fred (Free Co, own cases) finds only his #3.
        let results = try self.store.search("widget", viewer: f.fred, limit: 50)
        XCTAssertEqual(results.map(\.number), [3])
        store.receive(.searchResultsLoaded(query: "widget", results)) {
            $0.search!.results = results
            $0.search!.snippetsRequested = 1
        }
        store.expectEffects([.loadSnippets(query: "widget", [results[0].id])])

        // A result Fred may not see (say, shown before his access changed): the store answers
        // "not found" and the runtime turns that into an action.
        let foreign = try XCTUnwrap(self.store.page(PageRequest(view: .all, limit: 10), viewer: f.alice).rows.first { $0.number == 2 })
        store.send(.searchQueryChanged("case")) { $0.search!.query = "case" }
        store.expectEffects([.search("case")])
        store.receive(.searchResultsLoaded(query: "case", [foreign])) {
            $0.search!.results = [foreign]
            $0.search!.snippetsRequested = 1
        }
        store.expectEffects([.loadSnippets(query: "case", [foreign.id])])
        store.send(.ticketOpened) {
            $0.focus = .detail
            $0.list.isLoading = true
        }
        // The list is read from the result, to select it there.
        var around = PageRequest(view: store.state.view, order: store.state.order, limit: store.state.pageLimit)
        around.cursor = PageCursor(sortValue: Int64(foreign.createdAt.timeIntervalSince1970), ticketID: foreign.id)
        around.inclusive = true
        store.expectEffects([.loadTicket(number: 2), .recordViewed(number: 2), .loadCounts, .loadPage(around, .around(foreign.id))])
        XCTAssertEqual(store.run(.loadTicket(number: 2)), [.failed(.ticketNotFound(number: 2))])
        store.receive(.failed(.ticketNotFound(number: 2))) {
            $0.message = StatusMessage(.error, DeskError.ticketNotFound(number: 2).phrase)
            $0.list.isLoading = false
        }
    }
}

/// The harness itself: each way a test can be wrong is reported, readably.
final class ReducerTestStoreSelfTests: XCTestCase {
    final class Recorder { var messages: [String] = [] }

    func recording(_ state: DeskState, runtime: DeskRuntime? = nil) -> (ReducerTestStore, Recorder) {
        let recorder = Recorder()
        let store = ReducerTestStore(state: state, runtime: runtime)
        store.reportFailure = { message, _, _ in recorder.messages.append(message) }
        return (store, recorder)
    }

    func testAWrongStateIsReportedAsADiffOfTheDifferingFields() {
        let (store, recorder) = recording(F.loaded(1...20, top: true, bottom: true))
        store.send(.selectionMoved(by: 8)) { $0.list.selectedID = F.id(9) }
        XCTAssertEqual(recorder.messages.count, 1)
        let message = recorder.messages.first ?? ""
        XCTAssertTrue(message.contains("State after sending selectionMoved(by: 8) differs"), message)
        XCTAssertTrue(message.contains("state.list.scrollOffset:\n    - 0\n    + 2"), message)
        XCTAssertFalse(message.contains("selectedID"), message)
        XCTAssertFalse(message.contains("state.view"), message)
        // The store goes on from the actual state.
        XCTAssertEqual(store.state.list.scrollOffset, 2)
    }

    func testMissingAndWrongEffectsAreReported() {
        let (store, recorder) = recording(F.state())
        store.send(.started) { $0.list.isLoading = true }
        store.expectEffects([.loadCounts])
        XCTAssertEqual(recorder.messages.count, 1)
        XCTAssertTrue(recorder.messages[0].contains("Effects differ from expected"), recorder.messages[0])
        XCTAssertTrue(recorder.messages[0].contains("loadPage([active, newest first, forward, limit 14], replace(select: nil))"), recorder.messages[0])

        // Effects left unasserted fail the next step, and the end of the test.
        store.send(.viewSelected(.mine)) {
            $0.view = .mine
        }
        XCTAssertEqual(recorder.messages.count, 1)
        store.send(.quitRequested) { $0.shouldQuit = true }
        XCTAssertEqual(recorder.messages.count, 2)
        XCTAssertTrue(recorder.messages[1].hasPrefix("Assert the 2 effect(s) of the previous action before sending quitRequested"), recorder.messages[1])

        store.send(.viewSelected(.all)) {
            $0.view = .all
        }
        store.finish()
        XCTAssertEqual(recorder.messages.count, 3)
        XCTAssertTrue(recorder.messages[2].hasPrefix("2 effect(s) produced and never asserted"), recorder.messages[2])
    }

    func testLiveModeChecksWhatRunsAndWhatIsReceived() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let state = DeskState(deskName: "Test desk", viewer: fixture.alice, view: .all, size: ReducerFixtures.size)
        let runtime = DeskRuntime(store: fixture.store, viewer: fixture.alice, clock: fixture.clock.deskClock)
        let (store, recorder) = recording(state, runtime: runtime)
        store.send(.started) { $0.list.isLoading = true }
        // Not yet asserted: cannot run.
        XCTAssertEqual(store.run(.loadCounts), [])
        XCTAssertEqual(recorder.messages.count, 1)
        store.expectEffects([.loadPage(PageRequest(view: .all, limit: 14), .replace(select: nil)), .loadCounts])
        XCTAssertEqual(recorder.messages.count, 1)

        let counts = try fixture.store.counts(viewer: fixture.alice)
        let unread = try fixture.store.unreadCounts(viewer: fixture.alice)
        XCTAssertEqual(store.run(.loadCounts), [.countsLoaded(counts), .unreadCountsLoaded(unread)])
        // Something else than what the effect produced.
        store.receive(.countsLoaded([:])) { $0.counts = [:] }
        store.receive(.unreadCountsLoaded(unread)) { $0.unreadCounts = unread }
        XCTAssertEqual(recorder.messages.count, 2)
        XCTAssertTrue(recorder.messages[1].hasPrefix("Received action differs from expected"), recorder.messages[1])

        // A run effect's result left unreceived fails the next send and the end.
        store.run(.loadPage(PageRequest(view: .all, limit: 14), .replace(select: nil)))
        store.finish()
        XCTAssertEqual(recorder.messages.count, 3)
        XCTAssertTrue(recorder.messages[2].contains("never received:\n    pageLoaded([all, newest first, forward, limit 14], rows: [], hasMore: false"), recorder.messages[2])
    }
}
