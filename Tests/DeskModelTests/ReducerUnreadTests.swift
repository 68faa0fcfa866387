import Foundation
import XCTest

@testable import DeskModel

private typealias F = ReducerFixtures

/// Unread markers in the list, `N`, and the notice of a message arriving on the open ticket:
/// exhaustive, every change of state and every effect stated.
final class ReducerUnreadTests: XCTestCase {
    func testPagesBringTheirUnreadRowsAndTheWindowKeepsOnlyItsOwn() {
        let store = ReducerTestStore(state: F.loaded(1...14, loading: true))
        let more = TicketPage(rows: F.rows(15...28), hasMore: true, unreadIDs: [F.id(15), F.id(20)])
        let request = PageRequest(view: .active, order: .newestFirst, cursor: F.row(14).cursor, direction: .forward, limit: 14)
        store.receive(.pageLoaded(request, more, .append)) {
            $0.list.rows = F.rows(1...28)
            $0.list.isLoading = false
            $0.list.reachedBottom = false
            $0.list.unreadIDs = [F.id(15), F.id(20)]
        }
        // A new list replaces them all.
        let first = TicketPage(rows: F.rows(1...14), hasMore: true, unreadIDs: [F.id(3)])
        store.send(.viewSelected(.all)) {
            $0.view = .all
            $0.focus = .list
            $0.list.isLoading = true
        }
        store.expectEffects([
            .loadPage(F.firstPage(.all), .replace(select: nil)),
            .saveUserSettings(UserSettings(view: "all", sort: .created, oldestFirst: false)),
        ])
        store.receive(.pageLoaded(F.firstPage(.all), first, .replace(select: nil))) {
            $0.list.rows = F.rows(1...14)
            $0.list.isLoading = false
            $0.list.unreadIDs = [F.id(3)]
        }
    }

    func testOpeningATicketMakesItsRowReadAndCountsAreKept() {
        var state = F.loaded(1...14, selected: 3)
        state.list.unreadIDs = [F.id(3), F.id(5)]
        let store = ReducerTestStore(state: state)
        store.send(.ticketOpened) { $0.focus = .detail }
        store.expectEffects([.loadTicket(number: 3), .recordViewed(number: 3), .loadCounts])
        let detail = F.detail(3)
        store.receive(.ticketLoaded(detail)) {
            $0.openTicket = OpenTicketState(detail: detail, thread: ThreadTree.lines(detail.messages, includeInternalNotes: true))
            $0.list.unreadIDs = [F.id(5)]
        }
        store.receive(.unreadCountsLoaded([.active: 1, .all: 101])) { $0.unreadCounts = [.active: 1, .all: 101] }
    }

    func testMarkUnreadOnTheOpenTicketClosesItAndMarksTheRow() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        state.focus = .list
        let store = ReducerTestStore(state: state)
        store.send(.markUnreadRequested) {
            $0.openTicket = nil
            $0.list.unreadIDs = [F.id(4)]
            $0.message = StatusMessage(.info, Notices.markedUnread(4))
        }
        store.expectEffects([.markUnread(number: 4), .loadCounts])
    }

    func testAMessageFromSomeoneElseOnTheOpenTicketIsAnnouncedAndTheComposerKept() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4, scroll: 2)
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 4), body: "Half written")
        state.composer!.cursor = 4
        state.focus = .composer
        let store = ReducerTestStore(state: state)
        store.send(.deskChanged) { $0.list.isLoading = true }
        store.expectEffects([
            .loadCounts, .loadTicket(number: 4),
            .loadPage(PageRequest(view: .active, order: .newestFirst, limit: 14), .replace(select: F.id(4))),
        ])
        var detail = F.detail(4)
        detail.messages.append(F.message(5, on: 4, .reply, by: 2))
        store.receive(.ticketLoaded(detail)) {
            $0.openTicket!.detail = detail
            $0.openTicket!.thread = ThreadTree.lines(detail.messages, includeInternalNotes: true)
            $0.message = StatusMessage(.info, Notices.newMessages(1, from: .text("Peter"), on: 4))
        }
        // The counts read before the load still counted the ticket unread.
        store.expectEffects([.loadCounts])
    }

    /// The reply just sent is confirmed even when the reload brings someone else's message
    /// with it: the notice comes after the confirmation, and a later one replaces only it.
    func testANoticeFollowsTheConfirmationItArrivesWith() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        state.message = StatusMessage(.info, Notices.replySent(4))
        let store = ReducerTestStore(state: state)
        var detail = F.detail(4)
        detail.messages.append(F.message(5, on: 4, .reply, by: 2))
        store.receive(.ticketLoaded(detail)) {
            $0.openTicket!.detail = detail
            $0.openTicket!.thread = ThreadTree.lines(detail.messages, includeInternalNotes: true)
            $0.message = StatusMessage(.info, Notices.said(Notices.replySent(4), then: Notices.newMessages(1, from: .text("Peter"), on: 4)))
        }
        store.expectEffects([.loadCounts])
        var later = detail
        later.messages.append(F.message(6, on: 4, .reply, by: 2))
        store.receive(.ticketLoaded(later)) {
            $0.openTicket!.detail = later
            $0.openTicket!.thread = ThreadTree.lines(later.messages, includeInternalNotes: true)
            $0.message = StatusMessage(.info, Notices.said(Notices.replySent(4), then: Notices.newMessages(1, from: .text("Peter"), on: 4)))
        }
        store.expectEffects([.loadCounts])
        // A notice alone is replaced by the next one.
        store.send(.messageDismissed) { $0.message = nil }
        var third = later
        third.messages += [F.message(7, on: 4, .reply, by: 2), F.message(8, on: 4, .reply, by: 2)]
        store.receive(.ticketLoaded(third)) {
            $0.openTicket!.detail = third
            $0.openTicket!.thread = ThreadTree.lines(third.messages, includeInternalNotes: true)
            $0.message = StatusMessage(.info, Notices.newMessages(2, from: .text("Peter"), on: 4))
        }
        store.expectEffects([.loadCounts])
        var fourth = third
        fourth.messages.append(F.message(9, on: 4, .reply, by: 2))
        store.receive(.ticketLoaded(fourth)) {
            $0.openTicket!.detail = fourth
            $0.openTicket!.thread = ThreadTree.lines(fourth.messages, includeInternalNotes: true)
            $0.message = StatusMessage(.info, Notices.newMessages(1, from: .text("Peter"), on: 4))
        }
        store.expectEffects([.loadCounts])
    }

    func testOwnMessagesAndSystemEventsAreNotAnnounced() {
        let state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        let store = ReducerTestStore(state: state)
        var detail = F.detail(4)
        detail.messages += [F.message(5, on: 4, .reply, by: 1), F.message(6, on: 4, .systemEvent, by: 2)]
        store.receive(.ticketLoaded(detail)) {
            $0.openTicket!.detail = detail
            $0.openTicket!.thread = ThreadTree.lines(detail.messages, includeInternalNotes: true)
        }
    }

    func testAnotherTicketArrivingIsNotAnArrival() {
        let state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        let store = ReducerTestStore(state: state)
        let other = F.detail(6, messages: [F.message(9, on: 6, .reply, by: 2)])
        store.receive(.ticketLoaded(other)) {
            $0.openTicket = OpenTicketState(detail: other, thread: ThreadTree.lines(other.messages, includeInternalNotes: true))
        }
    }
}

/// Tags and bulk actions: one question, batches, one summary.
final class ReducerBulkTests: XCTestCase {
    func testTTagsAndMovesDownAndTAgainUntags() {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 2))
        store.send(.tagToggled) {
            $0.tagged = [F.id(2): 2]
            $0.list.selectedID = F.id(3)
        }
        store.expectNoEffects()
        store.send(.selectionMoved(by: -1)) { $0.list.selectedID = F.id(2) }
        store.send(.tagToggled) {
            $0.tagged = [:]
            $0.list.selectedID = F.id(3)
        }
        store.expectNoEffects()
    }

    func testTagAllTagsTheFirstPageOfTheViewAndSaysWhenThereIsMore() {
        let store = ReducerTestStore(state: F.loaded(1...14))
        store.send(.tagAllRequested)
        store.expectEffects([.loadTagTargets(PageRequest(view: .active, order: .newestFirst, limit: BulkLimits.tagAllLimit))])
        store.receive(.tagTargetsLoaded(TicketPage(rows: F.rows(1...3), hasMore: true))) {
            $0.tagged = [F.id(1): 1, F.id(2): 2, F.id(3): 3]
            $0.message = StatusMessage(.info, BulkNotices.tagged(3, more: true, keys: NoticeKeys()))
        }
        store.receive(.tagTargetsLoaded(TicketPage(rows: F.rows(4...5), hasMore: false))) {
            $0.tagged = [F.id(1): 1, F.id(2): 2, F.id(3): 3, F.id(4): 4, F.id(5): 5]
            $0.message = StatusMessage(.info, BulkNotices.tagged(2, more: false, keys: NoticeKeys()))
        }
    }

    func testEscClearsTheTagsButFirstClosesWhatIsOpen() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        state.tagged = [F.id(1): 1]
        let store = ReducerTestStore(state: state)
        store.send(.closeRequested) {
            $0.openTicket = nil
            $0.focus = .list
        }
        store.send(.closeRequested) {
            $0.tagged = [:]
            $0.message = StatusMessage(.info, BulkNotices.tagsCleared)
        }
    }

    func testBulkAssignAsksOnceRunsInBatchesAndEndsWithOneSummary() {
        var state = F.loaded(1...14)
        let batch = BulkLimits.batchSize
        let numbers = Array(Int64(1)...Int64(batch + 5))
        for number in numbers { state.tagged[F.id(number)] = number }
        let store = ReducerTestStore(state: state)
        store.send(.assignRequested(handle: "bob")) { $0.overlay = .confirm(.bulk(.assign(handle: "bob"), count: batch + 5)) }
        store.expectNoEffects()
        store.send(.confirmationAnswered(yes: true)) {
            $0.overlay = nil
            var run = BulkRun(operation: .assign(handle: "bob"), numbers: numbers)
            run.pending = Array(numbers.dropFirst(batch))
            $0.bulk = run
        }
        store.expectEffects([.runBulk(.assign(handle: "bob"), numbers: Array(numbers.prefix(batch)))])
        // The loop asks again before the batch is back: nothing runs twice.
        store.send(.bulkContinued)
        store.expectNoEffects()
        let first = numbers.prefix(batch).map { number in
            BulkOutcome(number: number, refusal: number == 7 ? .ticketClosed(number: 7) : nil)
        }
        store.receive(.bulkBatchDone(first)) { $0.bulk!.outcomes = first }
        store.expectNoEffects()
        store.send(.bulkContinued) { $0.bulk!.pending = [] }
        store.expectEffects([.runBulk(.assign(handle: "bob"), numbers: Array(numbers.suffix(5)))])
        let last = numbers.suffix(5).map { BulkOutcome(number: $0) }
        var finished = BulkRun(operation: .assign(handle: "bob"), numbers: numbers)
        finished.pending = []
        finished.outcomes = first + last
        store.receive(.bulkBatchDone(last)) {
            $0.bulk = nil
            $0.tagged = [:]
            $0.message = StatusMessage(.info, BulkNotices.summary(finished, viewer: $0.viewer))
            $0.list.isLoading = true
        }
        XCTAssertEqual(store.state.message?.phrase.englishText, "Assigned \(batch + 4) to bob, 1 refused: #7 closed")
        store.expectEffects([.loadCounts, .loadPage(F.firstPage(), .replace(select: F.id(1)))])
    }

    func testTheAssignMenuAndTheStatusMenuActOnTheTagsAfterOneQuestion() {
        var state = F.loaded(1...14)
        state.tagged = [F.id(2): 2, F.id(3): 3]
        let store = ReducerTestStore(state: state)
        store.send(.assignMenuRequested)
        store.expectEffects([.loadAgents])
        let bob = User(id: 5, handle: "bob", name: "Bob", email: "bob@example.com", role: .agent)
        store.receive(.agentsLoaded([bob])) {
            $0.overlay = .assignMenu(ticketNumber: BulkLimits.taggedTickets, options: [nil, bob], selected: 1)
        }
        store.send(.menuChosen) { $0.overlay = .confirm(.bulk(.assign(handle: "bob"), count: 2)) }
        store.expectNoEffects()
        store.send(.confirmationAnswered(yes: false)) { $0.overlay = nil }
        store.expectNoEffects()

        store.send(.statusMenuRequested) {
            $0.overlay = .statusMenu(ticketNumber: BulkLimits.taggedTickets, options: [.open, .awaitingCustomer, .pending, .closed], selected: 0)
        }
        store.expectNoEffects()
        store.send(.menuMoved(by: 3)) {
            $0.overlay = .statusMenu(ticketNumber: BulkLimits.taggedTickets, options: [.open, .awaitingCustomer, .pending, .closed], selected: 3)
        }
        store.send(.menuChosen) { $0.overlay = .confirm(.bulk(.changeStatus(.closed), count: 2)) }
        store.expectNoEffects()
    }

    func testCustomersMayTagAndBulkCloseOrWatchButNotAssign() {
        var state = F.loaded(1...14, viewer: F.customer)
        state.tagged = [F.id(2): 2]
        let store = ReducerTestStore(state: state)
        store.send(.assignRequested(handle: "peter")) {
            $0.message = StatusMessage(.error, DeskError.notAllowedPhrase(Notices.onlyAgentsAssign))
        }
        store.expectNoEffects()
        store.send(.statusMenuRequested) {
            $0.overlay = .statusMenu(ticketNumber: BulkLimits.taggedTickets, options: [.closed], selected: 0)
        }
        store.expectNoEffects()
        store.send(.menuClosed) { $0.overlay = nil }
        store.send(.watchToggled) { $0.overlay = .confirm(.bulk(.watch, count: 1)) }
        store.expectNoEffects()
    }

    func testWhileABulkActionRunsNoSecondOneStarts() {
        var state = F.loaded(1...14)
        state.tagged = [F.id(2): 2]
        state.bulk = BulkRun(operation: .watch, numbers: [2])
        let store = ReducerTestStore(state: state)
        store.send(.watchToggled) { $0.message = StatusMessage(.info, BulkNotices.bulkBusy) }
        store.expectNoEffects()
        store.send(.tagToggled)
        store.expectNoEffects()
    }
}
