import Foundation
import XCTest

@testable import DeskModel

private typealias F = ReducerFixtures

/// Ticket keys pressed on a list row, and the list following an opened search result:
/// exhaustive, every change of state and every effect stated.
final class ReducerListRowTests: XCTestCase {
    private func opening(_ number: Int64) -> [DeskEffect] {
        [.loadTicket(number: number), .recordViewed(number: number), .loadCounts]
    }

    func testReplyOnARowOpensItThenOpensTheComposerWhenItArrives() {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 4))
        store.send(.composerOpened(.reply)) {
            $0.focus = .detail
            $0.afterOpening = PendingTicketCommand(number: 4, action: .composerOpened(.reply))
        }
        store.expectEffects(opening(4))
        let detail = F.detail(4)
        store.receive(.ticketLoaded(detail)) {
            $0.openTicket = OpenTicketState(detail: detail, thread: ThreadTree.lines(detail.messages, includeInternalNotes: true))
            $0.afterOpening = nil
            $0.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 4))
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(.reply(ticketNumber: 4))])
    }

    func testAKeyOnTheListActsOnTheSelectedRowNotOnTheTicketOpenBefore() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        state.focus = .list
        state.list.selectedID = F.id(6)
        let store = ReducerTestStore(state: state)
        store.send(.statusMenuRequested) {
            $0.focus = .detail
            $0.afterOpening = PendingTicketCommand(number: 6, action: .statusMenuRequested)
        }
        store.expectEffects(opening(6))
        let detail = F.detail(6, status: .pending)
        store.receive(.ticketLoaded(detail)) {
            $0.openTicket = OpenTicketState(detail: detail, thread: ThreadTree.lines(detail.messages, includeInternalNotes: true))
            $0.afterOpening = nil
            $0.overlay = .statusMenu(ticketNumber: 6, options: [.open, .awaitingCustomer, .closed], selected: 0)
        }
        store.expectNoEffects()
    }

    func testAKeyOnTheRowOfTheOpenTicketActsAtOnce() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        state.focus = .list
        let store = ReducerTestStore(state: state)
        store.send(.watchToggled)
        store.expectEffects([.setWatching(number: 4, watching: true)])
    }

    func testWatchWaitsForTheWatchersBeforeToggling() {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 5, viewer: F.customer))
        store.send(.watchToggled) {
            $0.focus = .detail
            $0.afterOpening = PendingTicketCommand(number: 5, action: .watchToggled)
        }
        store.expectEffects(opening(5))
        var detail = F.detail(5)
        detail.watchers = [F.customer.user]
        store.receive(.ticketLoaded(detail)) {
            $0.openTicket = OpenTicketState(detail: detail, thread: ThreadTree.lines(detail.messages, includeInternalNotes: false))
            $0.afterOpening = nil
        }
        store.expectEffects([.setWatching(number: 5, watching: false)])
    }

    func testAnotherTicketArrivingFirstDoesNotRunTheCommandAndAFailureDropsIt() {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 4))
        store.send(.composerOpened(.followUp)) {
            $0.focus = .detail
            $0.afterOpening = PendingTicketCommand(number: 4, action: .composerOpened(.followUp))
        }
        store.expectEffects(opening(4))
        let other = F.detail(9)
        store.receive(.ticketLoaded(other)) {
            $0.openTicket = OpenTicketState(detail: other, thread: ThreadTree.lines(other.messages, includeInternalNotes: true))
        }
        store.expectNoEffects()
        store.receive(.failed(.ticketNotFound(number: 4))) {
            $0.message = StatusMessage(.error, DeskError.ticketNotFound(number: 4).phrase)
            $0.afterOpening = nil
        }
        store.expectNoEffects()
    }

    func testOpeningAnotherTicketCancelsTheWaitingCommand() {
        var state = F.loaded(1...14, selected: 4)
        state.afterOpening = PendingTicketCommand(number: 4, action: .composerOpened(.reply))
        let store = ReducerTestStore(state: state)
        store.send(.selectionMoved(by: 1)) { $0.list.selectedID = F.id(5) }
        store.expectNoEffects()
        store.send(.ticketOpened) {
            $0.focus = .detail
            $0.afterOpening = nil
        }
        store.expectEffects(opening(5))
    }

    func testAssignKeysActOnTheRowWithoutOpeningIt() {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 4))
        store.send(.assignRequested(handle: "alice"))
        store.expectEffects([.assign(number: 4, handle: "alice")])
        store.send(.assignMenuRequested)
        store.expectEffects([.loadAgents])
    }

    // MARK: - Search and list in step

    func testAnOpenedSearchResultInTheWindowBecomesTheSelection() {
        var state = F.loaded(1...14, selected: 1)
        state.search = SearchState(query: "ticket", results: F.rows([12]))
        let store = ReducerTestStore(state: state)
        store.send(.ticketOpened) {
            $0.focus = .detail
            $0.list.selectedID = F.id(12)
            $0.list.scrollOffset = 5
            $0.list.isLoading = true
        }
        // Near the bottom of a window that has more below: the next page is read as for a move.
        var next = F.firstPage()
        next.cursor = F.row(14).cursor
        store.expectEffects(opening(12) + [.loadPage(next, .append)])
    }

    func testAWindowReadAroundAResultIsTakenOnlyWhenItHoldsIt() {
        var state = F.loaded(1...14, selected: 1)
        state.list.isLoading = true
        var request = F.firstPage()
        request.cursor = PageCursor(sortValue: 1, ticketID: F.id(40))
        request.inclusive = true
        let store = ReducerTestStore(state: state)
        store.receive(.pageLoaded(request, TicketPage(rows: F.rows(40...53), hasMore: true), .around(F.id(40)))) {
            $0.list.rows = F.rows(40...53)
            $0.list.selectedID = F.id(40)
            $0.list.reachedTop = false
            $0.list.reachedBottom = false
            $0.list.isLoading = false
        }
        store.expectNoEffects()
        // A ticket outside the view: the page starts elsewhere, and the window stays.
        store.send(.searchStarted) { $0.search = SearchState() }
        store.send(.searchClosed) { $0.search = nil }
        store.receive(.pageLoaded(request, TicketPage(rows: F.rows(60...73), hasMore: true), .around(F.id(99))))
        store.expectNoEffects()
    }

    func testRecentIsReadFromItsStartAroundAResult() {
        var state = F.loaded(1...14, selected: 1)
        state.view = .recent
        state.search = SearchState(query: "ticket", results: F.rows([30]))
        let store = ReducerTestStore(state: state)
        store.send(.ticketOpened) {
            $0.focus = .detail
            $0.list.isLoading = true
        }
        store.expectEffects(opening(30) + [.loadPage(F.firstPage(.recent), .around(F.id(30)))])
    }
}
