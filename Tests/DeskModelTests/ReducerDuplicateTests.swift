import Foundation
import XCTest

@testable import DeskModel

private typealias F = ReducerFixtures

/// The duplicate guard in the client's store: submit, the store's refusal, the warning, and
/// each of its three answers, stated exhaustively.
final class ReducerDuplicateTests: XCTestCase {
    private let subject = "VPN drops every hour"
    private let body = "Drops again since Monday"
    private let fields = ["kind": "incident", "urgency": "serious"]
    private var newTicket: NewTicket {
        NewTicket(subject: subject, description: body, kind: .incident, urgency: .serious)
    }

    /// The list with a filled-in new-ticket composer focused.
    private func composing(viewer: Viewer = F.customer) -> DeskState {
        var state = F.loaded(1...14, selected: 2, viewer: viewer)
        state.composer = ComposerState(kind: .newTicket, slot: .newTicket, subject: subject, body: body, fields: fields)
        state.composer!.cursor = body.count
        state.focus = .composer
        return state
    }

    /// Submits the composer and feeds back the store's refusal: the warning is up.
    private func warned(viewer: Viewer = F.customer) -> ReducerTestStore {
        let store = ReducerTestStore(state: composing(viewer: viewer))
        store.send(.composerSubmitted) { $0.composer!.isSending = true }
        store.expectEffects([.createTicket(newTicket, slot: .newTicket, allowDuplicate: false)])
        store.receive(.failed(.possibleDuplicate(ofNumber: 4, subject: "Ticket 4"))) {
            $0.composer!.isSending = false
            $0.overlay = .possibleDuplicate(ofNumber: 4, subject: "Ticket 4")
        }
        store.expectNoEffects()
        return store
    }

    func testADuplicateKeepsTheComposerAndOpensTheWarning() {
        // Everything else (composer, draft, list, message line) is as it was.
        _ = warned()
    }

    func testAgentsCreatingGetTheSameGuard() {
        _ = warned(viewer: F.agent)
    }

    func testKeepEditingClosesTheWarningOnly() {
        let store = warned()
        store.send(.duplicateChoiceMade(.keepEditing)) { $0.overlay = nil }
        store.expectNoEffects()
    }

    func testCreateAnywaySubmitsAgainWithoutTheGuard() {
        let store = warned()
        store.send(.duplicateChoiceMade(.createAnyway)) {
            $0.overlay = nil
            $0.composer!.isSending = true
        }
        store.expectEffects([.createTicket(newTicket, slot: .newTicket, allowDuplicate: true)])

        var created = F.ticket(15)
        created.subject = subject
        store.receive(.ticketCreated(created)) {
            $0.composer = nil
            $0.focus = .detail
            $0.message = StatusMessage(.info, Notices.ticketCreated(15))
            $0.list.isLoading = true
        }
        store.expectEffects([
            .loadTicket(number: 15), .recordViewed(number: 15), .loadCounts, .deleteDraft(.newTicket),
            .loadPage(F.firstPage(), .replace(select: F.id(15))),
        ])
    }

    func testReplyThereOpensTheTicketWithTheTextAndUsesTheDraftUpOnlyWhenSent() {
        let store = warned()
        let slot = DraftSlot.reply(ticketNumber: 4)
        store.send(.duplicateChoiceMade(.replyThere)) {
            $0.overlay = nil
            $0.composer = ComposerState(kind: .reply, slot: slot, body: self.body)
            $0.composer!.cursor = self.body.count
            $0.composer!.carriedFrom = .newTicket
        }
        store.expectEffects([.loadTicket(number: 4), .recordViewed(number: 4), .loadCounts, .loadDraft(slot)])

        // No reply draft of #4 yet: the carried text becomes it.
        store.receive(.draftLoaded(nil))
        store.expectEffects([.saveDraft(slot: slot, subject: "", body: body, fields: [:])])
        let detail = F.detail(4)
        store.receive(.ticketLoaded(detail)) {
            $0.openTicket = OpenTicketState(detail: detail, thread: ThreadTree.lines(detail.messages, includeInternalNotes: false))
        }

        store.send(.composerSubmitted) { $0.composer!.isSending = true }
        store.expectEffects([.sendMessage(NewMessage(ticketNumber: 4, body: body), slot: slot)])
        let sent = Message(id: 9, ticketID: F.id(4), kind: .reply, authorID: 2, body: body, createdAt: F.date)
        store.receive(.messageSent(sent, ticketNumber: 4)) {
            $0.composer = nil
            $0.focus = .detail
            $0.message = StatusMessage(.info, Notices.replySent(4))
            $0.list.isLoading = true
        }
        // The reply's draft and the new ticket's draft both go: the text went out.
        store.expectEffects([
            .loadTicket(number: 4), .loadCounts, .deleteDraft(slot), .deleteDraft(.newTicket),
            .loadPage(F.firstPage(), .replace(select: F.id(2))),
        ])
    }

    func testReplyThereKeepsAnEarlierReplyDraftFirstAndClosingKeepsBothDrafts() {
        let store = warned()
        let slot = DraftSlot.reply(ticketNumber: 4)
        store.send(.duplicateChoiceMade(.replyThere)) {
            $0.overlay = nil
            $0.composer = ComposerState(kind: .reply, slot: slot, body: self.body)
            $0.composer!.cursor = self.body.count
            $0.composer!.carriedFrom = .newTicket
        }
        store.expectEffects([.loadTicket(number: 4), .recordViewed(number: 4), .loadCounts, .loadDraft(slot)])

        let merged = "Half a reply\n\n" + body
        store.receive(.draftLoaded(Draft(slot: slot, body: "Half a reply", updatedAt: F.date))) {
            $0.composer!.body = merged
            $0.composer!.cursor = merged.count
        }
        store.expectEffects([.saveDraft(slot: slot, subject: "", body: merged, fields: [:])])

        // Closing deletes nothing: the reply's draft and the new ticket's are both kept.
        store.send(.composerClosed) {
            $0.composer = nil
            $0.focus = .list
            $0.message = StatusMessage(.info, Notices.draftKept)
        }
    }

    func testAFollowUpGoesThroughTheGuardToo() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4, status: .closed)
        state.composer = ComposerState(kind: .followUp, slot: .followUp(ticketNumber: 4), subject: subject, body: body, fields: fields)
        state.focus = .composer
        let store = ReducerTestStore(state: state)
        store.send(.composerSubmitted) { $0.composer!.isSending = true }
        var followUp = newTicket
        followUp.followUpOfNumber = 4
        store.expectEffects([.createTicket(followUp, slot: .followUp(ticketNumber: 4), allowDuplicate: false)])
    }

    func testChoicesWithoutAWarningDoNothing() {
        let store = ReducerTestStore(state: composing())
        for choice in DuplicateChoice.allCases { store.send(.duplicateChoiceMade(choice)) }
    }
}

/// The runtime carries the guard to the store: on first submit it refuses, on "create anyway"
/// it creates; staff opening for a requester meet the requester's tickets.
final class DuplicateRuntimeTests: StoreTestCase {
    func testTheRuntimeAppliesTheGuardUnlessAllowed() throws {
        let existing = try f.ticket("Printer jams in tray 2", by: f.peter)
        let lookalike = NewTicket(subject: "printer JAMS on tray", description: "Still jams", kind: .question)
        let runtime = DeskRuntime(store: store, viewer: f.peter, clock: f.clock.deskClock)

        XCTAssertEqual(
            runtime.perform(.createTicket(lookalike, slot: .newTicket, allowDuplicate: false)),
            [.failed(.possibleDuplicate(ofNumber: existing.number, subject: "Printer jams in tray 2"))])
        XCTAssertEqual(try f.numbers(.all, f.alice), [existing.number])

        let created = runtime.perform(.createTicket(lookalike, slot: .newTicket, allowDuplicate: true))
        guard case .ticketCreated(let ticket) = created.first else { return XCTFail("\(created)") }
        XCTAssertEqual(ticket.subject, "printer JAMS on tray")
        XCTAssertEqual(try f.numbers(.all, f.alice), [ticket.number, existing.number])
    }

    func testAnAgentOpeningForARequesterMeetsTheirActiveTickets() throws {
        let existing = try f.ticket("Printer jams in tray 2", by: f.peter)
        let runtime = DeskRuntime(store: store, viewer: f.alice, clock: f.clock.deskClock)
        let onBehalf = NewTicket(subject: "printer JAMS on tray", description: "Peter called", kind: .question, requesterHandle: "peter")
        XCTAssertEqual(
            runtime.perform(.createTicket(onBehalf, slot: .newTicket, allowDuplicate: false)),
            [.failed(.possibleDuplicate(ofNumber: existing.number, subject: "Printer jams in tray 2"))])
    }
}
