import Foundation
import XCTest

@testable import DeskModel

private typealias F = ReducerFixtures

/// Exhaustive tests of the composer's forms and drafts: what a follow-up carries over, and
/// that an untouched draft is not kept.
final class ReducerFormTests: XCTestCase {
    func testClosingAnUntouchedReplyKeepsNoDraftAndSaysNothing() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 4), body: " \n")
        state.focus = .composer
        let store = ReducerTestStore(state: state)
        store.send(.composerClosed) {
            $0.composer = nil
            $0.focus = .detail
        }
        store.expectEffects([.deleteDraft(.reply(ticketNumber: 4))])
    }

    func testClosingAWrittenReplyKeepsTheDraft() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 4), body: "Half")
        state.focus = .composer
        let store = ReducerTestStore(state: state)
        store.send(.composerClosed) {
            $0.composer = nil
            $0.focus = .detail
            $0.message = StatusMessage(.info, Notices.draftKept)
        }
        store.expectNoEffects()
    }

    // MARK: - Follow-up

    func testAFollowUpStartsWithTheClosedTicketsFieldsAndGoesToItsAssignee() {
        var detail = F.detail(4, status: .closed)
        detail.ticket.category = "Delivery"
        detail.ticket.subcategory = "Bounces"
        detail.ticket.urgency = .serious
        detail.ticket.contact = .email
        detail.ticket.assigneeID = F.agent.id
        detail.assignee = F.agent.user
        var state = F.loaded(1...14, selected: 4, viewer: F.customer)
        state.openTicket = OpenTicketState(detail: detail, thread: ThreadTree.lines(detail.messages, includeInternalNotes: false))
        state.focus = .detail
        let store = ReducerTestStore(state: state)
        let slot = DraftSlot.followUp(ticketNumber: 4)
        store.send(.composerOpened(.followUp)) {
            var composer = ComposerState(
                kind: .followUp, slot: slot, subject: "Follow-up: Ticket 4",
                fields: ["kind": "serviceRequest", "product": "Mail", "category": "Delivery", "subcategory": "Bounces",
                         "urgency": "serious", "contact": "email"])
            composer.inheritedAssignee = "alice"
            // Peter sees only his own tickets: he names no watchers.
            composer.offersWatchers = false
            composer.field = .subject
            composer.cursor = 19
            $0.composer = composer
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(slot)])
        store.send(.composerBodyReplaced("Bounces again")) {
            $0.composer!.body = "Bounces again"
            $0.composer!.field = .body
            $0.composer!.cursor = 13
        }
        store.expectEffects([.saveDraft(slot: slot, subject: "Follow-up: Ticket 4", body: "Bounces again", fields: store.state.composer!.fields)])
        store.send(.composerSubmitted) { $0.composer!.isSending = true }
        store.expectEffects([
            .createTicket(
                NewTicket(subject: "Follow-up: Ticket 4", description: "Bounces again", kind: .serviceRequest, product: "Mail",
                          category: "Delivery", subcategory: "Bounces", urgency: .serious, contact: .email, followUpOfNumber: 4),
                slot: slot, allowDuplicate: false)
        ])
    }

    // MARK: - Discarding

    func testDiscardAsksForAWrittenDraftAndDeletesIt() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 4), body: "Half")
        state.focus = .composer
        let store = ReducerTestStore(state: state)
        store.send(.draftDiscardRequested) { $0.overlay = .discardDraft }
        store.send(.menuClosed) { $0.overlay = nil }
        store.send(.draftDiscardRequested) { $0.overlay = .discardDraft }
        store.send(.draftDiscardConfirmed) {
            $0.overlay = nil
            $0.composer = nil
            $0.focus = .detail
            $0.message = StatusMessage(.info, Notices.draftDiscarded)
        }
        store.expectEffects([.deleteDraft(.reply(ticketNumber: 4))])
    }

    func testDiscardingAnUntouchedFollowUpAsksNothing() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4, status: .closed)
        _ = DeskReducer.reduce(into: &state, .composerOpened(.followUp))
        let store = ReducerTestStore(state: state)
        // Only the subject the composer filled in: nothing of the person's own.
        store.send(.draftDiscardRequested) {
            $0.composer = nil
            $0.focus = .detail
            $0.message = StatusMessage(.info, Notices.draftDiscarded)
        }
        store.expectEffects([.deleteDraft(.followUp(ticketNumber: 4))])
    }

    // MARK: - Free plan

    func testAFreePlanSeesIncidentButCannotSendIt() {
        let free = Viewer(user: F.customer.user, plan: .free)
        var state = F.loaded(1...14, viewer: free)
        _ = DeskReducer.reduce(into: &state, .composerOpened(.newTicket))
        state.composer!.field = .kind
        state.composer!.subject = "Down"
        state.composer!.body = "All down"
        let store = ReducerTestStore(state: state)
        let reason = Notices.incidentNotInFreePlan
        store.send(.composerChoiceCycled(forward: true)) {
            $0.composer!.fields["kind"] = "incident"
            $0.message = StatusMessage(.info, reason)
        }
        store.expectEffects([.saveDraft(slot: .newTicket, subject: "Down", body: "All down", fields: store.state.composer!.fields)])
        store.send(.composerSubmitted) { $0.message = StatusMessage(.error, reason) }
        store.expectNoEffects()
        store.send(.composerChoiceCycled(forward: true)) {
            $0.composer!.fields["kind"] = "serviceRequest"
        }
        store.expectEffects([.saveDraft(slot: .newTicket, subject: "Down", body: "All down", fields: store.state.composer!.fields)])
    }

    // MARK: - Watchers and the assign menu

    func testTheWatcherMenuCompletesTheWordBeingTyped() {
        let paula = User(id: 3, handle: "paula", name: "Paula", email: "paula@example.com", role: .customer, organisationID: 7)
        let pia = User(id: 4, handle: "pia", name: "Pia", email: "pia@example.com", role: .customer, organisationID: 7)
        let quinn = User(id: 5, handle: "quinn", name: "Quinn", email: "quinn@example.com", role: .customer, organisationID: 7)
        var state = F.loaded(1...14)
        _ = DeskReducer.reduce(into: &state, .composerOpened(.newTicket))
        state.composer!.field = .watchers
        state.composer!.fields["watchers"] = "quinn, p"
        state.composer!.cursor = 8
        let store = ReducerTestStore(state: state)
        store.send(.watcherMenuRequested)
        store.expectEffects([.loadWatcherCandidates])
        // Quinn is named already; "p" keeps the two whose handle starts with it.
        store.receive(.watcherCandidatesLoaded([paula, pia, quinn])) {
            $0.overlay = .watcherMenu(options: [paula, pia], selected: 0)
        }
        store.send(.menuMoved(by: 1)) { $0.overlay = .watcherMenu(options: [paula, pia], selected: 1) }
        store.send(.menuChosen) {
            $0.overlay = nil
            $0.composer!.fields["watchers"] = "quinn, pia, "
            $0.composer!.cursor = 12
        }
        store.expectEffects([.saveDraft(slot: .newTicket, subject: "", body: "", fields: store.state.composer!.fields)])
        XCTAssertEqual(store.state.composer?.watcherHandles, ["quinn", "pia"])

        // Nobody left to offer: said on the bottom line, no menu.
        store.send(.watcherMenuRequested)
        store.expectEffects([.loadWatcherCandidates])
        store.receive(.watcherCandidatesLoaded([pia, quinn])) {
            $0.message = StatusMessage(.info, Notices.noWatcherCandidates)
        }
    }

    func testTheAssignMenuStartsWithUnassignedAndHighlightsTheFirstAgent() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 4), 4))
        let bob = User(id: 9, handle: "bob", name: "Bob", email: "bob@example.com", role: .agent)
        store.send(.agentsLoaded([F.agent.user, bob])) {
            $0.overlay = .assignMenu(ticketNumber: 4, options: [nil, F.agent.user, bob], selected: 1)
        }
        store.send(.menuMoved(by: -1)) { $0.overlay = .assignMenu(ticketNumber: 4, options: [nil, F.agent.user, bob], selected: 0) }
        store.send(.menuChosen) { $0.overlay = nil }
        store.expectEffects([.assign(number: 4, handle: nil)])
    }
}
