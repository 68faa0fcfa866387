import Foundation
import XCTest

@testable import DeskModel

/// Editing a ticket (#13): the requester edits their own open ticket, agents edit any field
/// but status and assignee (their own commands), a closed ticket is final, and every change
/// is a typed event with the old and the new value.
final class StoreTicketEditTests: StoreTestCase {
    func events(_ number: Int64, for viewer: Viewer) throws -> [SystemEvent] {
        try store.detail(number: number, viewer: viewer).messages.compactMap(\.event)
    }

    func testRequesterEditsOwnTicketAndEachChangedFieldIsAnEvent() throws {
        let created = try f.ticket("Printer jams", by: f.peter, urgency: .low, description: "It jams.")
        f.clock.advance(by: 600)
        let before = try store.changeToken()
        let edited = try store.editTicket(
            number: 1, TicketEdit(subject: "  Printer jams on tray 2 ", description: "Tray 2 jams.", product: "Printer",
                                  urgency: .critical, contact: .email),
            by: f.peter)

        var expected = created
        expected.subject = "Printer jams on tray 2"
        expected.description = "Tray 2 jams."
        expected.product = "Printer"
        expected.urgency = .critical
        expected.contact = .email
        // Pro Co is priority (8 h head start); critical is 72 h instead of low's 4 h.
        expected.triageKey = Int64(StoreFixture.start.timeIntervalSince1970) - 72 * 3600 - 8 * 3600
        expected.updatedAt = StoreFixture.start + 600
        XCTAssertEqual(edited, expected)
        XCTAssertEqual(try store.ticket(number: 1, viewer: f.alice), expected)
        XCTAssertEqual(try store.ticket(number: 1, viewer: f.peter), expected)
        XCTAssertNotEqual(try store.changeToken(), before)

        XCTAssertEqual(try events(1, for: f.peter), [
            .edited(field: .subject, from: "Printer jams", to: "Printer jams on tray 2", actor: "peter"),
            .edited(field: .description, from: "It jams.", to: "Tray 2 jams.", actor: "peter"),
            .edited(field: .product, from: "", to: "Printer", actor: "peter"),
            .edited(field: .urgency, from: "low", to: "critical", actor: "peter"),
            .edited(field: .contact, from: "portal", to: "email", actor: "peter"),
        ])
        // Search reads the new words, not the old ones.
        XCTAssertEqual(try f.searchNumbers("tray", f.alice), [1])
    }

    func testOnlyChangedFieldsAreRecordedAndUnchangedEditsAreRefused() throws {
        try f.ticket("VPN drops", by: f.peter, urgency: .serious)
        _ = try store.editTicket(number: 1, TicketEdit(subject: "VPN drops", urgency: .low), by: f.peter)
        XCTAssertEqual(try events(1, for: f.alice), [.edited(field: .urgency, from: "serious", to: "low", actor: "peter")])
        XCTAssertDeskError(try store.editTicket(number: 1, TicketEdit(subject: "VPN drops", urgency: .low), by: f.peter),
                           .editRefused(number: 1, reason: .nothingChanged))
        XCTAssertEqual(
            DeskError.editRefused(number: 1, reason: .nothingChanged).message,
            "Nothing to change on ticket #1: it already has these values")
    }

    func testTheKindIsTheDesksAndAgentsEditItWithinThePlan() throws {
        try f.ticket("Invoice address", by: f.fred, kind: .question)
        XCTAssertDeskError(try store.editTicket(number: 1, TicketEdit(kind: .serviceRequest), by: f.fred),
                           .editRefused(number: 1, reason: .deskOnlyField(.kind)))
        XCTAssertEqual(DeskError.editRefused(number: 1, reason: .deskOnlyField(.kind)).message,
                       "The kind of ticket #1 is set by the support team")
        // Free Co's plan has no incidents, whoever sets the kind.
        XCTAssertDeskError(try store.editTicket(number: 1, TicketEdit(kind: .incident), by: f.alice),
                           .incidentNotInPlan(organisation: "Free Co"))
        let edited = try store.editTicket(number: 1, TicketEdit(kind: .serviceRequest, category: "Billing"), by: f.alice)
        XCTAssertEqual(edited.kind, .serviceRequest)
        XCTAssertEqual(edited.category, "Billing")
        XCTAssertEqual(try events(1, for: f.fred), [
            .edited(field: .kind, from: "question", to: "serviceRequest", actor: "alice"),
            .edited(field: .category, from: "", to: "Billing", actor: "alice"),
        ])
    }

    func testOnlyTheRequesterAmongCustomersEditsAndOthersCannotLearnOfHiddenTickets() throws {
        try f.ticket("Printer jams", by: f.peter)
        try f.store.setWatching(number: 1, handle: "pia", watching: true, by: f.alice)
        // Paula (Pro Co's support contact) and pia (a watcher) see it, but did not open it.
        for viewer in [f.paula, f.pia] {
            XCTAssertDeskError(try store.editTicket(number: 1, TicketEdit(urgency: .critical), by: viewer),
                               .editRefused(number: 1, reason: .notRequester))
        }
        XCTAssertEqual(DeskError.editRefused(number: 1, reason: .notRequester).message,
                       "Only the requester of ticket #1 may edit it; reply to it instead")
        // Another organisation's customer reads the same as for a number that does not exist.
        XCTAssertDeskError(try store.editTicket(number: 1, TicketEdit(urgency: .critical), by: f.eve), .ticketNotFound(number: 1))
        XCTAssertDeskError(try store.editTicket(number: 9, TicketEdit(urgency: .critical), by: f.eve), .ticketNotFound(number: 9))
        XCTAssertEqual(try events(1, for: f.alice), [])
    }

    func testAClosedTicketCannotBeEditedByAnyone() throws {
        try f.ticket("Printer jams", by: f.peter)
        _ = try store.changeStatus(number: 1, to: .closed, by: f.peter)
        for viewer in [f.peter, f.alice, f.root] {
            XCTAssertDeskError(try store.editTicket(number: 1, TicketEdit(subject: "Reopen me"), by: viewer),
                               .editRefused(number: 1, reason: .closed))
        }
        XCTAssertEqual(DeskError.editRefused(number: 1, reason: .closed).message,
                       "Ticket #1 is closed and can no longer be edited; open a follow-up instead")
        XCTAssertEqual(DeskError.editRefused(number: 1, reason: .closed).phrase.text(in: .french),
                       "Le ticket #1 est fermé et ne peut plus être modifié ; ouvrez plutôt un ticket de suivi")
    }

    func testTheSameLimitsAsOpeningATicket() throws {
        try f.ticket("Printer jams", by: f.peter)
        XCTAssertDeskError(try store.editTicket(number: 1, TicketEdit(subject: "   "), by: f.peter), .invalidInput("A ticket needs a subject"))
        XCTAssertDeskError(try store.editTicket(number: 1, TicketEdit(description: "\n"), by: f.peter),
                           .invalidInput("A ticket needs a description"))
        XCTAssertDeskError(try store.editTicket(number: 1, TicketEdit(subject: String(repeating: "x", count: 201)), by: f.peter),
                           .textTooLong(field: .subject, length: 201, limit: 200))
        XCTAssertDeskError(try store.editTicket(number: 1, TicketEdit(product: "a\u{0}b"), by: f.peter), .textHasNul(field: .product))
        XCTAssertEqual(try events(1, for: f.alice), [])
    }
}

/// Edit events as values and in words.
final class TicketEditEventTests: XCTestCase {
    func testPayloadRoundTripsWithTheFieldName() {
        let event = SystemEvent.edited(field: .urgency, from: "low", to: "critical", actor: "peter")
        XCTAssertEqual(event.payload, #"{"actor":"peter","event":"edited","field":"urgency","from":"low","to":"critical"}"#)
        XCTAssertEqual(SystemEvent(payload: event.payload), event)
        XCTAssertNil(SystemEvent(payload: #"{"actor":"peter","event":"edited","field":"colour","from":"a","to":"b"}"#))
    }

    func testWordsPerLanguageWithChoicesTranslatedAndLongTextCut() {
        let urgency = SystemEvent.edited(field: .urgency, from: "low", to: "critical", actor: "peter")
        XCTAssertEqual(urgency.recordText, "Edited by peter: urgency low → critical")
        XCTAssertEqual(urgency.phrase(for: .customer).text(in: .french), "Modifié par peter : urgence faible → critique")
        XCTAssertEqual(urgency.phrase(for: .agent).text(in: .german), "Geändert durch peter: Dringlichkeit niedrig → kritisch")

        let subject = SystemEvent.edited(field: .subject, from: "", to: "Tray\n2  jams", actor: "alice")
        XCTAssertEqual(subject.recordText, "Edited by alice: subject “(empty)” → “Tray 2 jams”")
        XCTAssertEqual(subject.phrase(for: .customer).text(in: .japanese), "alice が編集しました：件名「（空）」→「Tray 2 jams」")

        let long = String(repeating: "word ", count: 40)
        let description = SystemEvent.edited(field: .description, from: "Short.", to: long, actor: "alice")
        XCTAssertEqual(description.recordText,
                       "Edited by alice: description “Short.” → “\(String(repeating: "word ", count: 11))word…”")
    }
}
