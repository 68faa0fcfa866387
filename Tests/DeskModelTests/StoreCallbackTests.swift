import Foundation
import XCTest

@testable import DeskModel

/// Call-back requests on every backend: who may ask (plan, organisation, open ticket), what a
/// request must hold, taking and recording the outcome, the history events in each reader's
/// words, and who sees which request.
final class StoreCallbackTests: StoreTestCase {
    let ask = CallbackAsk(phone: "+33 1 23 45 67 89", window: "14:00-16:00", timeZone: "Europe/Paris", note: "Ask for the lab")

    func testAnEnterpriseCustomerAsksAndTheNumberIsKeptForNextTime() throws {
        let ticket = try f.ticket("VPN drops every hour", by: f.eve)
        f.clock.advance(by: 60)
        let request = try store.requestCallback(number: ticket.number, ask, by: f.eve)
        XCTAssertEqual(request, CallbackRequest(
            id: request.id, ticketNumber: ticket.number, ticketSubject: "VPN drops every hour", requesterHandle: "eve",
            phone: "+33 1 23 45 67 89", window: CallbackWindow(start: 14 * 60, end: 16 * 60, timeZone: "Europe/Paris"),
            note: "Ask for the lab", state: .requested, takerHandle: nil, outcome: nil,
            createdAt: StoreFixture.start + 60, updatedAt: StoreFixture.start + 60))
        XCTAssertEqual(try store.callbackPhone(viewer: f.eve), "+33 1 23 45 67 89")
        XCTAssertNil(try store.callbackPhone(viewer: f.erin))
        // The next request may leave the number out.
        let second = try f.ticket("Printer jams", by: f.eve)
        let again = try store.requestCallback(
            number: second.number, CallbackAsk(phone: nil, window: "9:00-9:30", timeZone: "America/New_York"), by: f.eve)
        XCTAssertEqual(again.phone, "+33 1 23 45 67 89")
        XCTAssertEqual(again.window.span, "09:00-09:30")
        XCTAssertDeskError(
            try store.requestCallback(number: try f.ticket("Third", by: f.erin).number,
                                      CallbackAsk(phone: nil, window: "09:00-10:00", timeZone: "UTC"), by: f.erin),
            .refused(.model("Give a phone number to call (--phone); the desk keeps it for your next request")))
    }

    func testPlansWithoutCallBacksOtherOrganisationsClosedTicketsAndStaffAreRefused() throws {
        let pro = try f.ticket("Pro problem", by: f.peter)
        let refusal = DeskError.refused(.model(
            "{organisation}'s plan does not include call-backs (the business and enterprise plans do)", ["organisation": .text("Pro Co")]))
        XCTAssertDeskError(try store.requestCallback(number: pro.number, ask, by: f.peter), refusal)
        XCTAssertEqual(refusal.message, "Pro Co's plan does not include call-backs (the business and enterprise plans do)")
        XCTAssertEqual(refusal.phrase.text(in: .french), "Le forfait de Pro Co n'inclut pas les rappels (les forfaits business et enterprise les incluent)")
        let free = try f.ticket("Free question", by: f.fred, kind: .question)
        XCTAssertDeskError(try store.requestCallback(number: free.number, ask, by: f.fred), .refused(CallbackRules.planRefusal(organisation: "Free Co")))
        // Another organisation's ticket answers as a missing one.
        let big = try f.ticket("Big problem", by: f.eve)
        XCTAssertDeskError(try store.requestCallback(number: big.number, ask, by: f.peter), .ticketNotFound(number: big.number))
        XCTAssertDeskError(try store.requestCallback(number: 999, ask, by: f.peter), .ticketNotFound(number: 999))
        // Agents take call-backs; they do not ask for them.
        XCTAssertDeskError(
            try store.requestCallback(number: big.number, ask, by: f.alice),
            .forbidden(.model("customers ask for call-backs; agents take them", context: "not allowed")))
        // A closed ticket takes no request.
        _ = try store.changeStatus(number: big.number, to: .closed, by: f.alice)
        XCTAssertDeskError(try store.requestCallback(number: big.number, ask, by: f.eve), .ticketClosed(number: big.number))
        XCTAssertEqual(try store.callbacks(states: Set(CallbackState.allCases), viewer: f.alice, limit: 50), [])
    }

    func testBadPhoneWindowZoneAndNoteAreRefusedAndNothingIsWritten() throws {
        let ticket = try f.ticket("VPN", by: f.eve)
        func asking(_ phone: String?, _ window: String = "14:00-16:00", _ zone: String = "Europe/Paris", note: String = "") -> CallbackAsk {
            CallbackAsk(phone: phone, window: window, timeZone: zone, note: note)
        }
        let badPhone: (String) -> DeskError = { typed in
            .refused(.model("'{phone}' is not a phone number: use digits, spaces and + - ( ) ., with 6 to 20 digits", ["phone": .text(typed)]))
        }
        for phone in ["12345", "call me", "+1 555 0100 ext 4", "", "1234567890123456789012", "+33;rm -rf"] {
            XCTAssertDeskError(try store.requestCallback(number: ticket.number, asking(phone), by: f.eve), badPhone(phone))
        }
        for window in ["16:00-14:00", "14:00", "2pm-4pm", "14:00-25:00", "14:60-15:00", "14:00-14:00"] {
            XCTAssertDeskError(
                try store.requestCallback(number: ticket.number, asking("0123456789", window), by: f.eve),
                .refused(.model("'{window}' is not a time window: write HH:MM-HH:MM, the end after the start", ["window": .text(window)])))
        }
        for zone in ["Mars/Olympus", "CET+1", "Paris"] {
            XCTAssertDeskError(
                try store.requestCallback(number: ticket.number, asking("0123456789", "09:00-10:00", zone), by: f.eve),
                .refused(.model("unknown time zone '{zone}' (use an IANA name such as Europe/Paris)", ["zone": .text(zone)])))
        }
        XCTAssertDeskError(
            try store.requestCallback(number: ticket.number, asking("0123456789", note: String(repeating: "x", count: 501)), by: f.eve),
            .refused(.model("A call-back note is at most {limit} characters; put the rest in a reply", ["limit": .quantity(500)])))
        XCTAssertEqual(try store.callbacks(states: Set(CallbackState.allCases), viewer: f.alice, limit: 50), [])
        XCTAssertNil(try store.callbackPhone(viewer: f.eve))
        XCTAssertEqual(try store.detail(number: ticket.number, viewer: f.alice).messages.filter { $0.kind == .systemEvent }, [])
        // Loose means loose: the usual ways of writing a number pass.
        for phone in ["(555) 010-0199", "+81 3.1234.5678", "0033123456789"] {
            XCTAssertEqual(try CallbackRules.phone(phone), phone)
        }
    }

    func testAgentsTakeAndRecordTheOutcomeAsEventsEachReaderReadsInTheirWords() throws {
        let ticket = try f.ticket("VPN", by: f.erin)
        _ = try store.requestCallback(number: ticket.number, ask, by: f.erin)
        XCTAssertDeskError(try store.requestCallback(number: ticket.number, ask, by: f.erin),
                           .refused(.model("Ticket #{number} already has an open call-back request", ["number": .number(ticket.number)])))
        XCTAssertDeskError(try store.takeCallback(number: ticket.number, by: f.erin),
                           .forbidden(.model("only agents take call-backs and record their outcome", context: "not allowed")))
        f.clock.advance(by: 300)
        let taken = try store.takeCallback(number: ticket.number, by: f.alice)
        XCTAssertEqual(taken.state, .taken)
        XCTAssertEqual(taken.takerHandle, "alice")
        XCTAssertDeskError(try store.takeCallback(number: ticket.number, by: f.alice),
                           .refused(.model("You have already taken the call-back request of ticket #{number}", ["number": .number(ticket.number)])))
        XCTAssertDeskError(
            try store.recordCallback(number: ticket.number, CallbackReport(outcome: .rescheduled), by: f.alice),
            .refused(.model("A rescheduled call-back needs its new window (HH:MM-HH:MM)")))
        XCTAssertDeskError(
            try store.recordCallback(number: ticket.number, CallbackReport(outcome: .reached, window: "10:00-11:00"), by: f.alice),
            .refused(.model("A new window is given only with the outcome rescheduled")))
        let moved = try store.recordCallback(
            number: ticket.number, CallbackReport(outcome: .rescheduled, window: "10:00-11:00", note: "Customer was in a meeting"), by: f.alice)
        XCTAssertEqual(moved.state, .taken)
        XCTAssertEqual(moved.window, CallbackWindow(start: 600, end: 660, timeZone: "Europe/Paris"))
        XCTAssertEqual(moved.outcome, .rescheduled)
        let done = try store.recordCallback(number: ticket.number, CallbackReport(outcome: .reached), by: f.bob)
        XCTAssertEqual(done.state, .done)
        XCTAssertEqual(done.takerHandle, "bob")
        XCTAssertEqual(done.outcome, .reached)
        XCTAssertDeskError(try store.takeCallback(number: ticket.number, by: f.alice),
                           .refused(.model("Ticket #{number} has no open call-back request", ["number": .number(ticket.number)])))

        let events = try store.detail(number: ticket.number, viewer: f.alice).messages.compactMap(\.event)
        XCTAssertEqual(events, [
            .callbackRequested(window: "14:00-16:00", zone: "Europe/Paris", actor: "erin"),
            .callbackTaken(actor: "alice"),
            .callbackOutcome(outcome: .rescheduled, window: "10:00-11:00", zone: "Europe/Paris", actor: "alice"),
            .callbackOutcome(outcome: .reached, window: nil, zone: nil, actor: "bob"),
        ])
        XCTAssertEqual(events.map { $0.phrase(for: .agent).englishText }, [
            "Call-back requested by erin: 14:00-16:00 (Europe/Paris)", "Call-back taken by alice",
            "Call-back by alice: rescheduled to 10:00-11:00 (Europe/Paris)", "Call-back by bob: reached the customer",
        ])
        XCTAssertEqual(events.map { $0.phrase(for: .customer).englishText }, [
            "You asked to be called back: 14:00-16:00 (Europe/Paris)", "alice will call you back",
            "alice will call you back at a new time: 10:00-11:00 (Europe/Paris)", "bob called you back",
        ])
        XCTAssertEqual(events.map { $0.phrase(for: .customer).text(in: .french) }, [
            "Vous avez demandé à être rappelé : 14:00-16:00 (Europe/Paris)", "alice va vous rappeler",
            "alice vous rappellera à un autre moment : 10:00-11:00 (Europe/Paris)", "bob vous a rappelé",
        ])
        XCTAssertEqual(events.map { SystemEvent(payload: $0.payload) }, events)
        // The agent's note is internal: the customer's history has the events and not the note.
        let customerBodies = try store.detail(number: ticket.number, viewer: f.erin).messages.map(\.body)
        XCTAssertFalse(customerBodies.contains("Customer was in a meeting"))
        XCTAssertTrue(try store.detail(number: ticket.number, viewer: f.alice).messages.contains {
            $0.kind == .internalNote && $0.body == "Customer was in a meeting"
        })
        // Done, the customer may ask again.
        XCTAssertEqual(try store.requestCallback(number: ticket.number, ask, by: f.erin).state, .requested)
    }

    func testNoAnswerEndsTheRequestAndAClosedTicketTakesNoOutcome() throws {
        let first = try f.ticket("One", by: f.eve)
        _ = try store.requestCallback(number: first.number, ask, by: f.eve)
        let missed = try store.recordCallback(number: first.number, CallbackReport(outcome: .noAnswer), by: f.bob)
        XCTAssertEqual(missed.state, .done)
        XCTAssertEqual(missed.takerHandle, "bob")
        XCTAssertEqual(SystemEvent.callbackOutcome(outcome: .noAnswer, window: nil, zone: nil, actor: "bob").phrase(for: .customer).text(in: .japanese),
                       "bob が折り返しお電話しましたが、つながりませんでした")
        let second = try f.ticket("Two", by: f.eve)
        _ = try store.requestCallback(number: second.number, ask, by: f.eve)
        _ = try store.changeStatus(number: second.number, to: .closed, by: f.alice)
        XCTAssertDeskError(try store.takeCallback(number: second.number, by: f.alice), .ticketClosed(number: second.number))
    }

    func testCustomersSeeOnlyTheirOwnRequestsAndTheFilterFollowsTheSameRule() throws {
        let eves = try f.ticket("Eve's", by: f.eve)
        let erins = try f.ticket("Erin's", by: f.erin)
        let quiet = try f.ticket("No call", by: f.erin)
        _ = try store.requestCallback(number: eves.number, ask, by: f.eve)
        _ = try store.requestCallback(number: erins.number, ask, by: f.erin)
        _ = try store.takeCallback(number: erins.number, by: f.alice)
        XCTAssertEqual(try store.callbacks(states: CallbackState.open, viewer: f.alice, limit: 50).map(\.ticketNumber), [eves.number, erins.number].sorted())
        XCTAssertEqual(try store.callbacks(states: [.taken], viewer: f.alice, limit: 50).map(\.ticketNumber), [erins.number])
        XCTAssertEqual(try store.callbacks(states: CallbackState.open, viewer: f.eve, limit: 50).map(\.ticketNumber), [eves.number])
        XCTAssertEqual(try store.callbacks(states: CallbackState.open, viewer: f.peter, limit: 50), [])
        // Erin sees her organisation's tickets, and not Eve's request on one of them.
        XCTAssertNil(try store.callback(number: eves.number, viewer: f.erin))
        XCTAssertEqual(try store.callback(number: eves.number, viewer: f.bob)?.requesterHandle, "eve")
        XCTAssertDeskError(try store.callback(number: eves.number, viewer: f.peter), .ticketNotFound(number: eves.number))

        // The list's marker: the open request's state on each row, a customer's own only.
        func marks(_ viewer: Viewer) throws -> [Int64: CallbackState] {
            let rows = try store.page(PageRequest(view: .all, limit: 100), viewer: viewer).rows
            return Dictionary(uniqueKeysWithValues: rows.compactMap { row in row.callback.map { (row.number, $0) } })
        }
        XCTAssertEqual(try marks(f.alice), [eves.number: .requested, erins.number: .taken])
        XCTAssertEqual(try marks(f.erin), [erins.number: .taken])
        XCTAssertEqual(try marks(f.eve), [eves.number: .requested])

        func numbers(_ filter: String, _ viewer: Viewer) throws -> [Int64] {
            let query = try TicketQuery.parse(filter)
            return try store.page(PageRequest(view: .all, limit: 100, filter: query.filter), viewer: viewer).rows.map(\.number).sorted()
        }
        XCTAssertEqual(try numbers("callback:open", f.alice), [eves.number, erins.number].sorted())
        XCTAssertEqual(try numbers("callback:taken", f.alice), [erins.number])
        XCTAssertEqual(try numbers("-callback:any", f.alice), [quiet.number])
        XCTAssertEqual(try numbers("callback:open", f.erin), [erins.number])
        XCTAssertThrowsError(try TicketQuery.parse("callback:soon")) { error in
            XCTAssertEqual((error as? FilterError)?.message, "unknown callback 'soon' (call-back states: open, requested, taken, done, any)")
        }
    }
}
