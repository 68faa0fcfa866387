import Foundation
import GRDB
import XCTest

@testable import DeskModel

/// A draft waits for another process's write like any write; when the busy timeout runs out
/// it is not lost: the client keeps it, saves it again at the next clock tick (newer typing
/// joins it rather than waiting at every key), and saves it, waiting, when the client ends.
final class DraftDeferralTests: StoreTestCase {
    override func setUpWithError() throws {
        // A short busy timeout, so that "the timeout ran out" takes a moment, not ten seconds.
        try SQLiteOnlyTests.skipUnlessSQLite(self)
        f = try StoreFixture(busyTimeout: 0.3, test: self)
    }

    func testADraftTypedWhileTheDeskIsBusyIsSavedAtTheNextTick() throws {
        try f.ticket("Printer jams", by: f.peter)
        let slot = DraftSlot.reply(ticketNumber: 1)
        var state = DeskState(deskName: "Test desk", viewer: f.peter, view: .all, size: TerminalSize(columns: 80, rows: 24))
        state.composer = ComposerState(kind: .reply, slot: slot)
        state.focus = .composer
        let store = ReducerTestStore(state: state, fixture: f)
        let later = f.clock.now.addingTimeInterval(1)

        let holder = try LockHolder(path: f.path)
        store.send(.composerEdited(subject: "", body: "It jams")) { $0.composer!.body = "It jams" }
        store.expectEffects([.saveDraft(slot: slot, subject: "", body: "It jams", fields: [:])])
        store.run(.saveDraft(slot: slot, subject: "", body: "It jams", fields: [:]))
        let deferred = Draft(slot: slot, body: "It jams", updatedAt: f.clock.now)
        store.receive(.draftSaveDeferred(deferred)) { $0.unsavedDrafts = [slot: deferred] }

        // Still busy at the tick: tried again, kept again.
        store.send(.clockTicked(later)) {
            $0.now = later
            $0.unsavedDrafts = [:]
        }
        store.expectEffects([.saveDraft(slot: slot, subject: "", body: "It jams", fields: [:])])
        store.run(.saveDraft(slot: slot, subject: "", body: "It jams", fields: [:]))
        store.receive(.draftSaveDeferred(deferred)) { $0.unsavedDrafts = [slot: deferred] }
        XCTAssertNil(try self.store.draft(slot, viewer: f.peter))

        // Typing on joins the waiting draft instead of waiting again at every keystroke.
        store.send(.composerEdited(subject: "", body: "It jams daily")) {
            $0.composer!.body = "It jams daily"
            $0.unsavedDrafts = [slot: Draft(slot: slot, body: "It jams daily", updatedAt: deferred.updatedAt)]
        }
        store.expectEffects([])

        // Closing the composer keeps it waiting; once the desk is free the tick saves it.
        store.send(.composerClosed) {
            $0.composer = nil
            $0.focus = .list
            $0.message = StatusMessage(.info, Notices.draftKept)
        }
        holder.unlock()
        let evenLater = later.addingTimeInterval(1)
        store.send(.clockTicked(evenLater)) {
            $0.now = evenLater
            $0.unsavedDrafts = [:]
        }
        store.expectEffects([.saveDraft(slot: slot, subject: "", body: "It jams daily", fields: [:])])
        XCTAssertEqual(store.run(.saveDraft(slot: slot, subject: "", body: "It jams daily", fields: [:])), [])
        XCTAssertEqual(try self.store.draft(slot, viewer: f.peter)?.body, "It jams daily")
    }

    func testAWaitingDraftWinsOverTheOlderOneTheDeskHas() {
        let slot = DraftSlot.reply(ticketNumber: 1)
        let waiting = Draft(slot: slot, body: "newer words", updatedAt: StoreFixture.start)
        var state = DeskState(deskName: "Test desk", viewer: f.peter, view: .all, size: TerminalSize(columns: 80, rows: 24))
        state.unsavedDrafts = [slot: waiting]
        state.composer = ComposerState(kind: .reply, slot: slot)
        let store = ReducerTestStore(state: state)
        store.receive(.draftLoaded(Draft(slot: slot, body: "older", updatedAt: StoreFixture.start))) {
            $0.composer!.body = "newer words"
            $0.composer!.cursor = 11
        }
    }

    func testTheClientEndingSavesWaitingDraftsEvenIfItMustWait() throws {
        try f.ticket("Printer jams", by: f.peter)
        let slot = DraftSlot.reply(ticketNumber: 1)
        let runtime = DeskRuntime(store: store, viewer: f.peter, clock: f.clock.deskClock)
        runtime.saveWaiting([slot: Draft(slot: slot, body: "last words", updatedAt: f.clock.now)])
        XCTAssertEqual(try store.draft(slot, viewer: f.peter)?.body, "last words")
    }
}
