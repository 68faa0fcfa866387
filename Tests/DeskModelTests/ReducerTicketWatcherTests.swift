import Foundation
import XCTest

@testable import DeskModel

private typealias F = ReducerFixtures

/// `W`: the watcher menu of an existing ticket, from the list row or the open ticket.
final class ReducerTicketWatcherTests: XCTestCase {
    static let dora = User(id: 5, handle: "dora", name: "Dora", email: "dora@example.com", role: .agent)
    static let paula = User(id: 6, handle: "paula", name: "Paula", email: "paula@example.com", role: .customer, organisationID: 7)

    func testFromAListRowTheTicketOpensThenTheMenuMarksWhoWatchesAndChoosingTogglesThem() {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 4))
        store.send(.ticketWatchersRequested) {
            $0.focus = .detail
            $0.afterOpening = PendingTicketCommand(number: 4, action: .ticketWatchersRequested)
        }
        store.expectEffects([.loadTicket(number: 4), .recordViewed(number: 4), .loadCounts])
        var detail = F.detail(4)
        detail.watchers = [Self.paula]
        store.receive(.ticketLoaded(detail)) {
            $0.openTicket = OpenTicketState(detail: detail, thread: ThreadTree.lines(detail.messages, includeInternalNotes: true))
            $0.afterOpening = nil
        }
        store.expectEffects([.loadTicketWatcherCandidates(number: 4)])
        store.receive(.ticketWatcherCandidatesLoaded(number: 4, [Self.dora, Self.paula])) {
            $0.overlay = .watcherMenu(options: [Self.dora, Self.paula], selected: 0)
            $0.watcherMenuTicket = 4
        }
        store.send(.menuMoved(by: 1)) { $0.overlay = .watcherMenu(options: [Self.dora, Self.paula], selected: 1) }
        // Paula watches: choosing her removes her.
        store.send(.menuChosen) {
            $0.overlay = nil
            $0.watcherMenuTicket = nil
        }
        store.expectEffects([.setWatcher(number: 4, handle: "paula", watching: false)])
    }

    func testChoosingSomeoneWhoDoesNotWatchAddsThemAndEscForgetsTheMenu() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 3), 3))
        store.send(.ticketWatchersRequested)
        store.expectEffects([.loadTicketWatcherCandidates(number: 3)])
        store.receive(.ticketWatcherCandidatesLoaded(number: 3, [Self.dora])) {
            $0.overlay = .watcherMenu(options: [Self.dora], selected: 0)
            $0.watcherMenuTicket = 3
        }
        store.send(.menuChosen) {
            $0.overlay = nil
            $0.watcherMenuTicket = nil
        }
        store.expectEffects([.setWatcher(number: 3, handle: "dora", watching: true)])
        store.send(.ticketWatchersRequested)
        store.expectEffects([.loadTicketWatcherCandidates(number: 3)])
        store.receive(.ticketWatcherCandidatesLoaded(number: 3, [Self.dora])) {
            $0.overlay = .watcherMenu(options: [Self.dora], selected: 0)
            $0.watcherMenuTicket = 3
        }
        store.send(.menuClosed) {
            $0.overlay = nil
            $0.watcherMenuTicket = nil
        }
        // Nobody to offer: said, no menu.
        store.send(.ticketWatchersRequested)
        store.expectEffects([.loadTicketWatcherCandidates(number: 3)])
        store.receive(.ticketWatcherCandidatesLoaded(number: 3, [])) {
            $0.message = StatusMessage(.info, Notices.noWatcherCandidates)
        }
    }

    func testACustomerWithoutOrganisationAccessIsToldWhoMayAddWatchers() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 3, viewer: F.customer), 3))
        store.send(.ticketWatchersRequested) {
            $0.message = StatusMessage(.error, Notices.watchersForContactsOnly(NoticeKeys()))
        }
    }

    func testCandidatesForAnotherTicketThanTheOpenOneAreDropped() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 3), 3))
        store.receive(.ticketWatcherCandidatesLoaded(number: 5, [Self.dora]))
    }
}
