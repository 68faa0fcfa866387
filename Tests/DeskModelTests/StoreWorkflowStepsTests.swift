import Foundation
import XCTest

@testable import DeskModel

/// The steps of the workflow that run in `Desk` over any backend's rows: what one transaction
/// keeps or rolls back, and which update times a change moves.
final class StoreWorkflowStepsTests: StoreTestCase {
    private let day = StoreFixture.day
    private let start = StoreFixture.start

    func testTakingAnUnassignedTicketMovesTheTimesEveryoneReads() throws {
        try f.ticket("Printer jams", by: f.peter)
        f.clock.set(start + day)
        let taken = try store.changeStatus(number: 1, to: .open, by: f.bob)
        XCTAssertEqual(taken.assigneeID, f.bob.id)
        XCTAssertEqual(taken.updatedAt, start + day)
        XCTAssertEqual(try store.ticket(number: 1, viewer: f.alice), taken)
        XCTAssertEqual(try store.ticket(number: 1, viewer: f.peter).updatedAt, start + day)
    }

    /// The reply, the reopening it brings, the draft's deletion and the file are one
    /// transaction: a refused file leaves the ticket, its history and the draft as they were.
    func testAReplyWhoseFileIsRefusedChangesNothing() throws {
        try store.updateSettings(DeskSettings(name: "Test desk", autoCloseDays: 5, attachmentLimit: 10))
        try f.ticket("Printer jams", by: f.peter)
        try f.reply(1, "Send a log", by: f.alice, intent: .askCustomer)
        let slot = DraftSlot.reply(ticketNumber: 1)
        try store.saveDraft(Draft(slot: slot, body: "Here it is", updatedAt: f.clock.now), viewer: f.peter)
        let before = try store.detail(number: 1, viewer: f.alice)
        let token = try store.changeToken()
        f.clock.advance(by: 60)

        XCTAssertDeskError(
            try store.addMessage(
                NewMessage(ticketNumber: 1, body: "Here it is"), by: f.peter, clearingDraft: slot,
                attaching: [NewAttachment(name: "big.log", mediaType: "text/plain", data: Data(repeating: 7, count: 11))]),
            .attachmentTooLarge(name: "big.log", size: 11, limit: 10))

        XCTAssertEqual(try store.detail(number: 1, viewer: f.alice), before)
        XCTAssertEqual(before.ticket.status, .awaitingCustomer)
        XCTAssertEqual(try store.draft(slot, viewer: f.peter)?.body, "Here it is")
        XCTAssertEqual(try store.changeToken(), token)
    }

    /// Bulk actions rely on it: a savepoint that throws rolls back its own writes only, and
    /// the error comes out as thrown.
    func testASavepointRollsBackOnlyItsOwnWrites() throws {
        let ticket = try f.ticket("Printer jams", by: f.peter)
        let refusal = DeskError.notAllowed("refused halfway")
        let (caught, kept) = try store.storage.writeRows(.standard) { rows -> (Error?, Int) in
            try rows.addWatcher(ticketID: ticket.id, userID: f.pia.id)
            var caught: Error?
            do {
                try rows.savepoint {
                    try rows.addWatcher(ticketID: ticket.id, userID: f.paula.id)
                    throw refusal
                }
            } catch {
                caught = error
            }
            let kept = try rows.savepoint {
                try rows.addWatcher(ticketID: ticket.id, userID: f.alice.id)
                return 2
            }
            return (caught, kept)
        }
        XCTAssertEqual(caught as? DeskError, refusal)
        XCTAssertEqual(kept, 2)
        XCTAssertEqual(try store.detail(number: 1, viewer: f.alice).watchers.map(\.handle), ["alice", "pia"])
    }
}
