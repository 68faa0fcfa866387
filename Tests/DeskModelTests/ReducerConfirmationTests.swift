import Foundation
import XCTest

@testable import DeskModel

private typealias F = ReducerFixtures

/// Esc never quits, and closing a ticket waits for a yes: exhaustive reducer tests.
final class ReducerConfirmationTests: XCTestCase {
    func testCloseUnwindsSearchComposerAndTicketThenOnlySaysHowToQuit() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 4), body: "Draft")
        state.focus = .composer
        state.search = SearchState(query: "vpn", results: F.rows([9]))
        let store = ReducerTestStore(state: state)

        store.send(.closeRequested) { $0.search = nil }
        store.send(.closeRequested) {
            $0.composer = nil
            $0.focus = .detail
            $0.message = StatusMessage(.info, Notices.draftKept)
        }
        store.send(.closeRequested) {
            $0.openTicket = nil
            $0.focus = .list
        }
        store.send(.closeRequested) { $0.message = StatusMessage(.info, Notices.escapeNeverQuits(NoticeKeys())) }
        store.send(.closeRequested)
    }

    func testChoosingClosedInTheStatusMenuAsksAndYesCloses() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        state.overlay = .statusMenu(ticketNumber: 4, options: [.awaitingCustomer, .pending, .closed], selected: 1)
        let store = ReducerTestStore(state: state)
        store.send(.menuMoved(by: 1)) {
            $0.overlay = .statusMenu(ticketNumber: 4, options: [.awaitingCustomer, .pending, .closed], selected: 2)
        }
        store.send(.menuChosen) { $0.overlay = .confirm(.closeTicket(number: 4)) }
        store.expectNoEffects()
        store.send(.confirmationAnswered(yes: true)) { $0.overlay = nil }
        store.expectEffects([.changeStatus(number: 4, .closed)])
    }

    func testNoLeavesTheTicketAsItIs() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4, viewer: F.customer), 4)
        state.overlay = .statusMenu(ticketNumber: 4, options: [.closed], selected: 0)
        let store = ReducerTestStore(state: state)
        store.send(.menuChosen) { $0.overlay = .confirm(.closeTicket(number: 4)) }
        store.send(.confirmationAnswered(yes: false)) { $0.overlay = nil }
        store.expectNoEffects()
    }

    func testOtherStatusesNeedNoConfirmation() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        state.overlay = .statusMenu(ticketNumber: 4, options: [.awaitingCustomer, .pending, .closed], selected: 1)
        let store = ReducerTestStore(state: state)
        store.send(.menuChosen) { $0.overlay = nil }
        store.expectEffects([.changeStatus(number: 4, .pending)])
    }

    func testAStatusChangeRequestedDirectlyAsksBeforeClosingToo() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 4), 4))
        store.send(.statusChangeRequested(.closed)) { $0.overlay = .confirm(.closeTicket(number: 4)) }
        store.expectNoEffects()
    }

    func testAnAnswerWithoutAQuestionDoesNothing() {
        let store = ReducerTestStore(state: F.loaded(1...14))
        store.send(.confirmationAnswered(yes: true))
        store.expectNoEffects()
    }
}
