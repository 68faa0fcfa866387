import Foundation
import XCTest

@testable import DeskModel

/// Drafts are per user and per slot, and survive a reopen.
final class StoreDraftTests: StoreTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try f.ticket("Printer jams", by: f.peter)   // #1 Pro Co
        try f.ticket("Export fails", by: f.eve)     // #2 Big Co
    }

    func testSaveLoadOverwriteDelete() throws {
        let slot = DraftSlot.reply(ticketNumber: 1)
        XCTAssertNil(try store.draft(slot, viewer: f.alice))

        let first = Draft(slot: slot, body: "Hello,\n\nwhich model?", updatedAt: f.clock.now)
        try store.saveDraft(first, viewer: f.alice)
        XCTAssertEqual(try store.draft(slot, viewer: f.alice), first)

        f.clock.advance(by: 90)
        let second = Draft(slot: slot, body: "Hello,\n\nwhich model is it?", updatedAt: f.clock.now)
        try store.saveDraft(second, viewer: f.alice)
        XCTAssertEqual(try store.draft(slot, viewer: f.alice), second)
        XCTAssertEqual(try f.count("draft"), 1)

        try store.deleteDraft(slot, viewer: f.alice)
        XCTAssertNil(try store.draft(slot, viewer: f.alice))
        XCTAssertEqual(try f.count("draft"), 0)
        // Deleting what is not there is fine.
        XCTAssertNoThrow(try store.deleteDraft(slot, viewer: f.alice))
    }

    func testSlotsAreIndependent() throws {
        let now = f.clock.now
        let drafts = [
            Draft(slot: .reply(ticketNumber: 1), body: "reply one", updatedAt: now),
            Draft(slot: .internalNote(ticketNumber: 1), body: "note one", updatedAt: now),
            Draft(slot: .followUp(ticketNumber: 1), subject: "Again", body: "follow-up one", updatedAt: now),
            Draft(slot: .reply(ticketNumber: 2), body: "reply two", updatedAt: now),
            Draft(
                slot: .newTicket, subject: "New printer", body: "Please install",
                fields: ["kind": "serviceRequest", "urgency": "low", "product": "Printers"], updatedAt: now),
        ]
        for draft in drafts { try store.saveDraft(draft, viewer: f.alice) }
        for draft in drafts {
            XCTAssertEqual(try store.draft(draft.slot, viewer: f.alice), draft, draft.slot.key)
        }
        try store.deleteDraft(.internalNote(ticketNumber: 1), viewer: f.alice)
        XCTAssertEqual(
            try drafts.map { try store.draft($0.slot, viewer: f.alice)?.body },
            ["reply one", nil, "follow-up one", "reply two", "Please install"])
        XCTAssertEqual(drafts.map(\.slot.key), ["reply:1", "note:1", "followup:1", "reply:2", "new"])
    }

    func testAnotherUserDoesNotSeeIt() throws {
        let mine = Draft(slot: .reply(ticketNumber: 1), body: "peter's words", updatedAt: f.clock.now)
        try store.saveDraft(mine, viewer: f.peter)
        // Not the organisation's contact, not an agent.
        XCTAssertNil(try store.draft(.reply(ticketNumber: 1), viewer: f.paula))
        XCTAssertNil(try store.draft(.reply(ticketNumber: 1), viewer: f.alice))

        // Paula's own draft in the same slot is separate; deleting hers leaves his.
        let hers = Draft(slot: .reply(ticketNumber: 1), body: "paula's words", updatedAt: f.clock.now)
        try store.saveDraft(hers, viewer: f.paula)
        XCTAssertEqual(try store.draft(.reply(ticketNumber: 1), viewer: f.paula), hers)
        XCTAssertEqual(try store.draft(.reply(ticketNumber: 1), viewer: f.peter), mine)
        try store.deleteDraft(.reply(ticketNumber: 1), viewer: f.paula)
        XCTAssertNil(try store.draft(.reply(ticketNumber: 1), viewer: f.paula))
        XCTAssertEqual(try store.draft(.reply(ticketNumber: 1), viewer: f.peter), mine)

        // A customer cannot keep a draft on a ticket they cannot see.
        XCTAssertDeskError(
            try store.saveDraft(Draft(slot: .reply(ticketNumber: 2), body: "x", updatedAt: f.clock.now), viewer: f.peter),
            .ticketNotFound(number: 2))
        XCTAssertDeskError(
            try store.saveDraft(Draft(slot: .internalNote(ticketNumber: 99), body: "x", updatedAt: f.clock.now), viewer: f.alice),
            .ticketNotFound(number: 99))
        // A new ticket draft needs no ticket.
        XCTAssertNoThrow(try store.saveDraft(Draft(slot: .newTicket, body: "x", updatedAt: f.clock.now), viewer: f.fred))
    }

    func testDraftsSurviveAReopen() throws {
        let draft = Draft(
            slot: .newTicket, subject: "Ünïcödé ✓", body: "line 1\nline 2\t\"quoted\"",
            fields: ["kind": "question", "note": "a \"b\" c"], updatedAt: f.clock.now)
        try store.saveDraft(draft, viewer: f.erin)
        let reopened = try f.reopen()
        XCTAssertEqual(try reopened.draft(.newTicket, viewer: f.erin), draft)
        XCTAssertNil(try reopened.draft(.newTicket, viewer: f.eve))
    }
}

/// What was sent from a draft and the draft's deletion are one transaction: a crash between
/// them cannot bring back, as a draft, text already sent (and then sent twice).
final class StoreDraftWithSendTests: StoreTestCase {
    func testSendingFromADraftDeletesItInTheSameTransaction() throws {
        try f.ticket("Printer jams", by: f.peter)
        let slot = DraftSlot.reply(ticketNumber: 1)
        try store.saveDraft(Draft(slot: slot, body: "It still jams", updatedAt: f.clock.now), viewer: f.peter)
        _ = try store.addMessage(NewMessage(ticketNumber: 1, body: "It still jams"), by: f.peter, clearingDraft: slot)
        XCTAssertNil(try store.draft(slot, viewer: f.peter))

        let newSlot = DraftSlot.newTicket
        try store.saveDraft(Draft(slot: newSlot, subject: "Toner", body: "Empty", updatedAt: f.clock.now), viewer: f.peter)
        _ = try store.createTicket(NewTicket(subject: "Toner", description: "Empty", kind: .question), by: f.peter,
                                   allowDuplicate: false, clearingDraft: newSlot)
        XCTAssertNil(try store.draft(newSlot, viewer: f.peter))
    }

    func testARefusedSendKeepsTheDraft() throws {
        try f.ticket("Printer jams", by: f.peter)
        _ = try store.changeStatus(number: 1, to: .closed, by: f.alice)
        let slot = DraftSlot.reply(ticketNumber: 1)
        try store.saveDraft(Draft(slot: slot, body: "One more thing", updatedAt: f.clock.now), viewer: f.peter)
        XCTAssertDeskError(
            try store.addMessage(NewMessage(ticketNumber: 1, body: "One more thing"), by: f.peter, clearingDraft: slot),
            .ticketClosed(number: 1))
        XCTAssertEqual(try store.draft(slot, viewer: f.peter)?.body, "One more thing")
    }
}
