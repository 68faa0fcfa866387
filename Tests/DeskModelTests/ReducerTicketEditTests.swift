import Foundation
import XCTest

@testable import DeskModel

/// The client's edit form (`E`): opened where the rules allow with the viewer's fields, typed
/// in, saved through the desk's edit (only what changed), refused where the rules say no.
final class ReducerTicketEditTests: XCTestCase {
    private typealias F = ReducerFixtures

    private func typed(_ store: ReducerTestStore, _ text: String, into field: EditedField) {
        for character in text {
            store.send(.ticketEdit(.input(.insert(String(character))))) {
                $0.ticketEdit!.values[field]!.append(character)
                $0.ticketEdit!.cursor += 1
            }
        }
    }

    func testTheRequesterEditsSubjectAndUrgencyAndTheTicketReloads() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 3, viewer: F.customer), 3))
        let ticket = F.ticket(3)
        store.send(.ticketEdit(.opened)) {
            // Everything but the kind, which the desk sets.
            $0.ticketEdit = TicketEditForm(ticket: ticket, viewer: F.customer)
            XCTAssertEqual($0.ticketEdit?.fields, [.subject, .description, .product, .category, .subcategory, .urgency, .contact])
            XCTAssertEqual($0.ticketEdit?.values[.subject], "Ticket 3")
            XCTAssertEqual($0.ticketEdit?.values[.product], "Mail")
            XCTAssertEqual($0.ticketEdit?.focused, .subject)
            XCTAssertEqual($0.ticketEdit?.cursor, 8)
        }
        typed(store, " now", into: .subject)
        store.send(.ticketEdit(.input(.deleteBackward))) {
            $0.ticketEdit!.values[.subject] = "Ticket 3 no"
            $0.ticketEdit!.cursor = 11
        }
        // Typing on a choice does nothing; Left/Right change it.
        for (field, cursor) in [(EditedField.description, 14), (.product, 4), (.category, 0), (.subcategory, 0), (.urgency, 4)] {
            store.send(.ticketEdit(.fieldMoved(forward: true))) {
                $0.ticketEdit!.focused = field
                $0.ticketEdit!.cursor = cursor
            }
        }
        store.send(.ticketEdit(.input(.insert("x"))))
        store.send(.ticketEdit(.choiceCycled(forward: true))) { $0.ticketEdit!.values[.urgency] = "low" }
        store.send(.ticketEdit(.choiceCycled(forward: true))) { $0.ticketEdit!.values[.urgency] = "serious" }
        store.send(.ticketEdit(.choiceCycled(forward: false))) { $0.ticketEdit!.values[.urgency] = "low" }
        store.send(.ticketEdit(.submitted)) { $0.ticketEdit!.isSaving = true }
        store.expectEffects([.editTicket(number: 3, TicketEdit(subject: "Ticket 3 no", urgency: .low))])
        // A second submit while saving sends nothing.
        store.send(.ticketEdit(.submitted))

        var edited = ticket
        edited.subject = "Ticket 3 no"
        edited.urgency = .low
        store.receive(.ticketEdit(.saved(edited))) {
            $0.ticketEdit = nil
            $0.message = StatusMessage(.info, Notices.edited(3))
            $0.list.isLoading = true
        }
        XCTAssertEqual(Notices.edited(3).englishText, "#3 edited")
        store.expectEffects([.loadCounts, .loadTicket(number: 3), .loadPage(F.firstPage(), .replace(select: F.id(3)))])
    }

    func testAgentsAlsoEditTheKindAndNothingChangedIsSaid() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 3), 3))
        store.send(.ticketEdit(.opened)) { $0.ticketEdit = TicketEditForm(ticket: F.ticket(3), viewer: F.agent) }
        XCTAssertEqual(store.state.ticketEdit?.fields, EditedField.allCases)
        store.send(.ticketEdit(.fieldMoved(forward: false))) {
            $0.ticketEdit!.focused = .contact
            $0.ticketEdit!.cursor = 6
        }
        store.send(.ticketEdit(.submitted)) {
            $0.message = StatusMessage(.info, DeskError.editRefused(number: 3, reason: .nothingChanged).phrase)
        }
        // A refusal from the desk leaves the form open, its reason shown.
        store.send(.ticketEdit(.choiceCycled(forward: true))) { $0.ticketEdit!.values[.contact] = "email" }
        store.send(.ticketEdit(.submitted)) {
            $0.ticketEdit!.isSaving = true
            $0.message = nil
        }
        store.expectEffects([.editTicket(number: 3, TicketEdit(contact: .email))])
        let refusal = DeskError.editRefused(number: 3, reason: .closed).phrase
        store.receive(.ticketEdit(.refused(refusal))) {
            $0.ticketEdit!.isSaving = false
            $0.message = StatusMessage(.error, refusal)
        }
        store.send(.ticketEdit(.cancelled)) {
            $0.ticketEdit = nil
            $0.message = nil
        }
    }

    func testAClosedTicketIsRefusedWithTheRulesSentenceAndNoTicketNoForm() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 3, viewer: F.customer), 3, status: .closed))
        let refusal = DeskError.editRefused(number: 3, reason: .closed).phrase
        XCTAssertEqual(refusal.englishText, "Ticket #3 is closed and can no longer be edited; open a follow-up instead")
        store.send(.ticketEdit(.opened)) { $0.message = StatusMessage(.error, refusal) }

        let none = ReducerTestStore(state: F.loaded(1...14))
        none.send(.ticketEdit(.opened)) { $0.message = StatusMessage(.info, Notices.openATicketToEdit) }
    }

    func testACustomerWhoIsNotTheRequesterIsRefused() {
        let colleague = Viewer(
            user: User(id: 9, handle: "paula", name: "Paula", email: "paula@example.com", role: .customer, organisationID: 7), plan: .pro)
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 3, viewer: colleague), 3))
        store.send(.ticketEdit(.opened)) {
            $0.message = StatusMessage(.error, DeskError.editRefused(number: 3, reason: .notRequester).phrase)
        }
    }
}
