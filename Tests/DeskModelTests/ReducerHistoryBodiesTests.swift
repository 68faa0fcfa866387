import Foundation
import XCTest

@testable import DeskModel

private typealias F = ReducerFixtures

/// Bodies of a long history arrive as the reader nears them: asked for once, put where they
/// belong in the detail and in the thread, dropped when another ticket is open by then.
final class ReducerHistoryBodiesTests: XCTestCase {
    /// Ticket #3 opened with the bodies of messages 1 and 3 not read yet.
    private func openOutline(viewer: Viewer = F.agent) -> DeskState {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 3, viewer: viewer), 3)
        for index in state.openTicket!.detail.messages.indices where [1, 3].contains(state.openTicket!.detail.messages[index].id) {
            state.openTicket!.detail.messages[index].body = ""
        }
        for index in state.openTicket!.thread.indices where [1, 3].contains(state.openTicket!.thread[index].message.id) {
            state.openTicket!.thread[index].message.body = ""
        }
        state.openTicket!.detail.unloadedBodies = [1: 9, 3: 9]
        return state
    }

    func testBodiesNeededAreAskedForOnceAndFillTheDetailAndTheThread() {
        let store = ReducerTestStore(state: openOutline())
        // Only bodies not read and not asked for yet are asked for.
        store.send(.historyBodiesNeeded([1, 2, 3])) { $0.openTicket!.requestedBodies = [1, 3] }
        store.expectEffects([.loadMessageBodies(number: 3, ids: [1, 3])])
        store.send(.historyBodiesNeeded([1, 3]))
        store.receive(.historyBodiesLoaded(number: 3, bodies: [1: "Message 1", 3: "Message 3"])) {
            $0.openTicket!.requestedBodies = []
            $0.openTicket!.detail.unloadedBodies = [:]
            $0.openTicket!.detail.messages = F.messages(on: 3)
            $0.openTicket!.thread = ThreadTree.lines(F.messages(on: 3), includeInternalNotes: true)
        }
    }

    func testBodiesForATicketNoLongerOpenAreDropped() {
        var state = openOutline()
        state.openTicket!.requestedBodies = [1]
        let store = ReducerTestStore(state: state)
        store.receive(.historyBodiesLoaded(number: 4, bodies: [1: "Message 1"]))
    }

    func testReloadingTheTicketForgetsWhatWasAskedSoItIsAskedAgain() {
        var state = openOutline()
        state.openTicket!.requestedBodies = [1]
        let store = ReducerTestStore(state: state)
        var reloaded = state.openTicket!.detail
        reloaded.ticket.subject = "Renamed"
        store.receive(.ticketLoaded(reloaded)) {
            $0.openTicket!.detail = reloaded
            $0.openTicket!.requestedBodies = []
        }
        store.send(.historyBodiesNeeded([1])) { $0.openTicket!.requestedBodies = [1] }
        store.expectEffects([.loadMessageBodies(number: 3, ids: [1])])
    }

    func testLiveTheRuntimeReadsTheBodiesThroughTheStore() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.ticket("Printer jams", by: fixture.peter)
        let replies = try (1...80).map { try fixture.reply(1, "Reply \($0)", by: $0.isMultiple(of: 2) ? fixture.alice : fixture.peter) }
        let runtime = DeskRuntime(store: fixture.store, viewer: fixture.alice)
        let outline = try fixture.store.detail(number: 1, viewer: fixture.alice, bodies: .client)
        XCTAssertEqual(outline.unloadedBodies.count, 80 - 64)
        var state = DeskState(deskName: "Test desk", viewer: fixture.alice, size: F.size)
        state.openTicket = OpenTicketState(detail: outline, thread: ThreadTree.lines(outline.messages, includeInternalNotes: true))
        let store = ReducerTestStore(state: state, runtime: runtime)
        let wanted = replies[40].id
        store.send(.historyBodiesNeeded([wanted])) { $0.openTicket!.requestedBodies = [wanted] }
        store.expectEffects([.loadMessageBodies(number: 1, ids: [wanted])])
        _ = store.run(.loadMessageBodies(number: 1, ids: [wanted]))
        store.receive(.historyBodiesLoaded(number: 1, bodies: [wanted: "Reply 41"])) {
            $0.openTicket!.requestedBodies = []
            $0.openTicket!.detail.unloadedBodies[wanted] = nil
            let index = $0.openTicket!.detail.messages.firstIndex { $0.id == wanted }!
            $0.openTicket!.detail.messages[index].body = "Reply 41"
            let line = $0.openTicket!.thread.firstIndex { $0.message.id == wanted }!
            $0.openTicket!.thread[line].message.body = "Reply 41"
        }
    }
}
