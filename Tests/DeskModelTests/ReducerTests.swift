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
        store.send(.jumpedToBottom)
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
        store.send(.pageMoved(by: -1)) { $0.list.selectedID = F.id(13) }
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
            $0.list.reachedBottom = true
            $0.list.isLoading = false
        }
        XCTAssertEqual(store.state.list.rows.count, store.state.windowLimit)
        XCTAssertEqual(store.state.list.selectedIndex, 23)
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

    // MARK: - Views and orders

    func testSelectingTheSameViewDoesNothingAndAnotherReloads() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 5), 5))
        store.send(.viewSelected(.active))
        store.send(.viewSelected(.mine)) {
            $0.view = .mine
            $0.focus = .list
            $0.list.isLoading = true
        }
        store.expectEffects([.loadPage(F.firstPage(.mine), .replace(select: nil))])

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
            $0.message = StatusMessage(.info, "Sorted by oldest first")
            $0.list.isLoading = true
        }
        let request = F.firstPage(order: oldestFirst)
        store.expectEffects([.loadPage(request, .replace(select: F.id(12)))])

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
            $0.message = StatusMessage(.info, "Sorted by recently updated first")
            $0.list.isLoading = true
        }
        let request = F.firstPage(order: updated)
        store.expectEffects([.loadPage(request, .replace(select: F.id(30)))])
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
            $0.message = StatusMessage(.info, "Sorted by triage rank")
            $0.list.isLoading = true
        }
        store.expectEffects([.loadPage(F.firstPage(order: TicketOrder(key: .triage)), .replace(select: F.id(54)))])
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
        store.expectEffects([.loadTicket(number: 3), .recordViewed(number: 3)])
    }

    func testTicketOpenedWithNothingSelectedDoesNothing() {
        let store = ReducerTestStore(state: F.state())
        store.send(.ticketOpened)
    }

    func testTicketOpenedFromSearchOpensTheSearchResult() {
        var state = F.loaded(1...14, selected: 3)
        state.search = SearchState(query: "printer", results: F.rows([70, 71]), selectedIndex: 1)
        let store = ReducerTestStore(state: state)
        store.send(.ticketOpened) { $0.focus = .detail }
        store.expectEffects([.loadTicket(number: 71), .recordViewed(number: 71)])
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

        // With the detail focused, moving scrolls the history, clamped to its last line.
        store.send(.selectionMoved(by: 2)) { $0.openTicket!.scroll = 2 }
        store.send(.selectionMoved(by: 5)) { $0.openTicket!.scroll = 3 }
        store.send(.jumpedToTop) { $0.openTicket!.scroll = 0 }
        store.send(.jumpedToBottom) { $0.openTicket!.scroll = 3 }
        store.send(.pageMoved(by: -1)) { $0.openTicket!.scroll = 0 }
        store.send(.historyScrolled(by: 2)) { $0.openTicket!.scroll = 2 }

        // Reloading the same ticket (a new reply arrived) keeps the reader's place.
        let longer = F.detail(3, messages: F.messages(on: 3) + [F.message(5, on: 3, .reply, by: 2, replyTo: 3)])
        store.receive(.ticketLoaded(longer)) {
            $0.openTicket = OpenTicketState(
                detail: longer, thread: ThreadTree.lines(longer.messages, includeInternalNotes: true), scroll: 2)
        }
        // Another ticket starts at the top.
        let other = F.detail(4)
        store.receive(.ticketLoaded(other)) {
            $0.openTicket = OpenTicketState(
                detail: other, thread: ThreadTree.lines(other.messages, includeInternalNotes: true), scroll: 0)
        }
    }

    func testReloadingAShorterThreadClampsTheScroll() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 3), 3, scroll: 3))
        let shorter = F.detail(3, messages: [F.message(1, on: 3)])
        store.receive(.ticketLoaded(shorter)) {
            $0.openTicket = OpenTicketState(
                detail: shorter, thread: ThreadTree.lines(shorter.messages, includeInternalNotes: true), scroll: 0)
        }
    }

    // MARK: - Composer

    func testReplyWithoutAnOpenTicketAsksToOpenItFirst() {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 4))
        store.send(.composerOpened(.reply)) { $0.message = StatusMessage(.info, "Open ticket #4 first (Enter)") }
        store.expectNoEffects()
    }

    func testReplyOnAClosedTicketPointsToAFollowUp() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 4), 4, status: .closed))
        store.send(.composerOpened(.reply)) {
            $0.message = StatusMessage(.error, "Ticket #4 is closed: press f to open a follow-up")
        }
        store.send(.composerOpened(.internalNote)) {
            $0.message = StatusMessage(.error, "Ticket #4 is closed: press f to open a follow-up")
        }
        store.send(.composerOpened(.followUp)) {
            $0.composer = ComposerState(
                kind: .followUp, slot: .followUp(ticketNumber: 4), subject: "Follow-up: Ticket 4",
                fields: ["kind": "serviceRequest", "urgency": "none", "product": "Mail"])
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(.followUp(ticketNumber: 4))])
    }

    func testFollowUpOfAnOpenTicketIsRefused() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 4), 4))
        store.send(.composerOpened(.followUp)) {
            $0.message = StatusMessage(.error, "Ticket #4 is not closed; reply to it instead of opening a follow-up")
        }
    }

    func testInternalNoteByACustomerIsRefused() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 4, viewer: F.customer), 4))
        store.send(.composerOpened(.internalNote)) {
            $0.message = StatusMessage(.error, "Not allowed: only agents write internal notes")
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
            $0.message = StatusMessage(.info, "Reply sent to #4")
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
            $0.message = StatusMessage(.info, "Note added to #4")
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
        store.send(.composerSubmitted) { $0.message = StatusMessage(.error, "Nothing to send: the message is empty") }
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
            $0.composer = ComposerState(kind: .newTicket, slot: .newTicket, fields: ["kind": "question", "urgency": "none"])
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(.newTicket)])
        store.receive(.draftLoaded(Draft(slot: .newTicket, subject: "VPN", body: "Drops", fields: ["kind": "incident"], updatedAt: F.date))) {
            $0.composer!.subject = "VPN"
            $0.composer!.body = "Drops"
            $0.composer!.fields = ["kind": "incident", "urgency": "none"]
        }
        store.send(.composerSubmitted) { $0.composer!.isSending = true }
        store.expectEffects([
            .createTicket(NewTicket(subject: "VPN", description: "Drops", kind: .incident), slot: .newTicket)
        ])
        var created = F.ticket(15)
        created.subject = "VPN"
        store.receive(.ticketCreated(created)) {
            $0.composer = nil
            $0.focus = .detail
            $0.message = StatusMessage(.info, "Ticket #15 created")
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
            $0.message = StatusMessage(.error, "Ticket #4 is closed; open a follow-up instead")
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
        }
        store.send(.selectionMoved(by: 1)) { $0.list.selectedID = F.id(2) }

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
            $0.message = StatusMessage(.info, "Draft kept")
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
