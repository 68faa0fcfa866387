import Foundation
import XCTest

@testable import DeskModel

/// A desk server that goes away mid-session (a restart, a fail-over): the client keeps running
/// and keeps the draft in memory, says so on the bottom line, asks once per clock tick whether
/// the desk is back, then says so, saves the draft and reads the screen again.
final class ReducerReconnectTests: StoreTestCase {
    private let slot = DraftSlot.reply(ticketNumber: 1)
    private let lost = StatusMessage(.error, Notices.deskLost(keepingDraft: true))

    /// A client over the fixture's desk through a backend the test can cut off.
    private func client(composing: Bool) throws -> (ReducerTestStore, UnreachableStorage) {
        try f.ticket("Printer jams", by: f.peter)
        let storage = UnreachableStorage(store.storage)
        let desk = Desk(storage: storage, clock: f.clock.deskClock)
        var state = DeskState(deskName: "Test desk", viewer: f.peter, view: .all, size: TerminalSize(columns: 80, rows: 24))
        if composing {
            state.composer = ComposerState(kind: .reply, slot: slot)
            state.focus = .composer
        }
        let runtime = DeskRuntime(store: desk, viewer: f.peter, clock: f.clock.deskClock)
        return (ReducerTestStore(state: state, runtime: runtime), storage)
    }

    func testTheDraftIsKeptWhileTheDeskIsUnreachableAndSavedWhenItAnswersAgain() throws {
        let (store, server) = try client(composing: true)
        let later = f.clock.now.addingTimeInterval(1)
        server.reachable = false

        // The draft's save fails: kept in memory, and the bottom line says why.
        store.send(.composerEdited(subject: "", body: "It jams")) { $0.composer!.body = "It jams" }
        store.expectEffects([.saveDraft(slot: slot, subject: "", body: "It jams", fields: [:])])
        store.run(.saveDraft(slot: slot, subject: "", body: "It jams", fields: [:]))
        let deferred = Draft(slot: slot, body: "It jams", updatedAt: f.clock.now)
        store.receive(.draftSaveDeferred(deferred)) { $0.unsavedDrafts = [slot: deferred] }
        store.receive(.failed(server.lostConnection)) {
            $0.deskUnreachable = true
            $0.message = self.lost
        }

        // A key reads the message away; the next tick asks the desk, which still does not
        // answer, and the message comes back. The draft is not sent to a desk that is gone.
        store.send(.messageDismissed) { $0.message = nil }
        store.send(.clockTicked(later)) { $0.now = later }
        store.expectEffects([.checkDeskReachable])
        store.run(.checkDeskReachable)
        store.receive(.failed(server.lostConnection)) { $0.message = self.lost }

        // Typing on joins the waiting draft; sending fails like the rest and keeps the text.
        store.send(.composerEdited(subject: "", body: "It jams daily")) {
            $0.composer!.body = "It jams daily"
            $0.unsavedDrafts = [self.slot: Draft(slot: self.slot, body: "It jams daily", updatedAt: deferred.updatedAt)]
        }
        store.expectNoEffects()
        store.send(.composerSubmitted) { $0.composer!.isSending = true }
        let send = DeskEffect.sendMessage(NewMessage(ticketNumber: 1, body: "It jams daily"), slot: slot)
        store.expectEffects([send])
        store.run(send)
        store.receive(.failed(server.lostConnection)) { $0.composer!.isSending = false }
        XCTAssertNil(try self.store.draft(slot, viewer: f.peter))

        // The desk is back: the next tick finds it, the draft is saved, the screen read again.
        server.reachable = true
        let evenLater = later.addingTimeInterval(1)
        store.send(.clockTicked(evenLater)) { $0.now = evenLater }
        store.expectEffects([.checkDeskReachable])
        store.run(.checkDeskReachable)
        store.receive(.deskReconnected) {
            $0.deskUnreachable = false
            $0.message = StatusMessage(.info, Notices.reconnected)
            $0.unsavedDrafts = [:]
            $0.list.isLoading = true
        }
        let refresh = PageRequest(view: .all, order: .newestFirst, limit: store.state.pageLimit)
        store.expectEffects([
            .saveDraft(slot: slot, subject: "", body: "It jams daily", fields: [:]), .loadCounts, .loadPage(refresh, .replace(select: nil)),
        ])
        XCTAssertEqual(store.run(.saveDraft(slot: slot, subject: "", body: "It jams daily", fields: [:])), [])
        XCTAssertEqual(try self.store.draft(slot, viewer: f.peter)?.body, "It jams daily")
        XCTAssertEqual(store.state.composer?.body, "It jams daily", "the composer still holds the text to send")
    }

    func testAnIdleClientLearnsTheDeskIsGoneWithoutADraftToKeep() throws {
        let (store, server) = try client(composing: false)
        server.reachable = false
        store.send(.failed(server.lostConnection)) {
            $0.deskUnreachable = true
            $0.message = StatusMessage(.error, Notices.deskLost(keepingDraft: false))
        }
        // A key that needs the desk fails the same way and changes nothing more.
        store.send(.refreshRequested) { $0.list.isLoading = true }
        let refresh = PageRequest(view: .all, order: .newestFirst, limit: store.state.pageLimit)
        store.expectEffects([.loadCounts, .loadPage(refresh, .replace(select: nil))])
        store.run(.loadCounts)
        store.receive(.failed(server.lostConnection)) { $0.list.isLoading = false }
    }

    func testAChangeWhoseCommitWasCutOffIsReportedUntilTheReaderHasSeenIt() {
        var state = DeskState(deskName: "Test desk", viewer: f.peter, view: .all, size: TerminalSize(columns: 80, rows: 24))
        state.composer = ComposerState(kind: .reply, slot: slot)
        state.composer!.body = "It jams"
        state.composer!.isSending = true
        let store = ReducerTestStore(state: state)
        let maybeSaved = StatusMessage(.error, Notices.changeMaybeLost)

        store.receive(.failed(.writeOutcomeUnknown(location: "postgresql:///desk"))) {
            $0.deskUnreachable = true
            $0.composer!.isSending = false
            $0.message = maybeSaved
        }
        // Further failures while it is unreachable do not hide that warning.
        store.receive(.failed(.deskUnreachable(location: "postgresql:///desk", reason: "no answer"))) { _ in }
        store.receive(.deskReconnected) {
            $0.deskUnreachable = false
            $0.message = StatusMessage(.info, Notices.reconnectedCheckChange)
            $0.list.isLoading = true
        }
        let refresh = PageRequest(view: .all, order: .newestFirst, limit: store.state.pageLimit)
        store.expectEffects([.loadCounts, .loadPage(refresh, .replace(select: nil))])
    }

    /// Quitting while the desk is away: the drafts it could not take come back to the client
    /// (which prints them), and those it took are not among them.
    func testTheClientEndingWhileTheDeskIsAwayGetsBackTheDraftsNotSaved() throws {
        let (client, server) = try client(composing: false)
        let runtime = try XCTUnwrap(client.runtime)
        let reply = Draft(slot: slot, body: "half a reply", updatedAt: f.clock.now)
        let newTicket = Draft(slot: .newTicket, subject: "Scanner", body: "It stopped", updatedAt: f.clock.now)
        server.reachable = false
        XCTAssertEqual(runtime.saveWaiting([slot: reply, .newTicket: newTicket]), [newTicket, reply])
        server.reachable = true
        XCTAssertEqual(runtime.saveWaiting([slot: reply]), [])
        XCTAssertEqual(try runtime.store.draft(slot, viewer: f.peter)?.body, "half a reply")
    }
}
