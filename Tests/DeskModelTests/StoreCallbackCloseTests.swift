import Foundation
import XCTest

@testable import DeskModel

/// Closing a ticket, by an agent, by its customer or by the desk's auto-close, ends its open
/// call-back request in the same write, with an event each reader reads in their words.
final class StoreCallbackCloseTests: StoreTestCase {
    let ask = CallbackAsk(phone: "+33 1 23 45 67 89", window: "14:00-16:00", timeZone: "Europe/Paris")

    func testAnAgentClosingATakenRequestsTicketEndsTheRequest() throws {
        let ticket = try f.ticket("VPN", by: f.eve)
        _ = try store.requestCallback(number: ticket.number, ask, by: f.eve)
        _ = try store.takeCallback(number: ticket.number, by: f.alice)
        f.clock.advance(by: 120)
        _ = try store.changeStatus(number: ticket.number, to: .closed, by: f.alice)

        let ended = try XCTUnwrap(try store.callback(number: ticket.number, viewer: f.alice))
        XCTAssertEqual(ended.state, .done)
        XCTAssertEqual(ended.outcome, .closedWithTicket)
        XCTAssertEqual(ended.takerHandle, "alice")
        XCTAssertEqual(ended.updatedAt, StoreFixture.start + 120)
        XCTAssertEqual(try store.callbacks(states: CallbackState.open, viewer: f.alice, limit: 50), [])
        XCTAssertEqual(try store.callback(number: ticket.number, viewer: f.eve)?.state, .done)

        let events = try store.detail(number: ticket.number, viewer: f.alice).messages.compactMap(\.event)
        XCTAssertEqual(events.suffix(2), [.statusChanged(from: .new, to: .closed, actor: "alice"), .callbackClosedWithTicket])
        XCTAssertEqual(SystemEvent(payload: SystemEvent.callbackClosedWithTicket.payload), .callbackClosedWithTicket)
        let event = SystemEvent.callbackClosedWithTicket
        XCTAssertEqual(event.phrase(for: .agent).englishText, "Open call-back request ended: the ticket was closed")
        XCTAssertEqual(event.phrase(for: .customer).englishText, "Your call-back request ended with the closing of the ticket")
        XCTAssertEqual(event.phrase(for: .customer).text(in: .french), "Votre demande de rappel a pris fin avec la clôture du ticket")
        XCTAssertEqual(CallbackOutcome.closedWithTicket.labelPhrase.text(in: .german), "mit dem Ticket geschlossen")
        // Agents never record it themselves.
        XCTAssertNil(CallbackOutcome(lenient: "closed-with-ticket"))
        XCTAssertEqual(CallbackOutcome.spellings, "reached, no-answer, rescheduled")
    }

    func testTheCustomerClosingTheirTicketEndsTheirRequest() throws {
        let ticket = try f.ticket("Printer", by: f.erin)
        _ = try store.requestCallback(number: ticket.number, ask, by: f.erin)
        _ = try store.changeStatus(number: ticket.number, to: .closed, by: f.erin)
        let ended = try XCTUnwrap(try store.callback(number: ticket.number, viewer: f.erin))
        XCTAssertEqual(ended.state, .done)
        XCTAssertEqual(ended.outcome, .closedWithTicket)
        XCTAssertNil(ended.takerHandle)
        let customerEvents = try store.detail(number: ticket.number, viewer: f.erin).messages.compactMap(\.event)
        XCTAssertEqual(customerEvents.last, .callbackClosedWithTicket)
    }

    func testAutoCloseEndsTheRequestAndADoneRequestIsLeftAlone() throws {
        let idle = try f.ticket("Idle", by: f.eve)
        _ = try store.requestCallback(number: idle.number, ask, by: f.eve)
        _ = try store.changeStatus(number: idle.number, to: .pending, by: f.alice)
        let answered = try f.ticket("Answered", by: f.erin)
        _ = try store.requestCallback(number: answered.number, ask, by: f.erin)
        _ = try store.recordCallback(number: answered.number, CallbackReport(outcome: .reached), by: f.bob)
        _ = try store.changeStatus(number: answered.number, to: .pending, by: f.alice)
        f.clock.advance(by: 6 * StoreFixture.day)
        XCTAssertEqual(try store.autoCloseIdleTickets(), [idle.number, answered.number])

        XCTAssertEqual(try store.callback(number: idle.number, viewer: f.alice)?.outcome, .closedWithTicket)
        let idleEvents = try store.detail(number: idle.number, viewer: f.alice).messages.compactMap(\.event)
        XCTAssertEqual(idleEvents.suffix(2), [.autoClosed(afterDays: 5), .callbackClosedWithTicket])
        // The finished request keeps its outcome and gets no second ending.
        XCTAssertEqual(try store.callback(number: answered.number, viewer: f.alice)?.outcome, .reached)
        let answeredEvents = try store.detail(number: answered.number, viewer: f.alice).messages.compactMap(\.event)
        XCTAssertFalse(answeredEvents.contains(.callbackClosedWithTicket))
        XCTAssertEqual(try store.callbacks(states: CallbackState.open, viewer: f.alice, limit: 50), [])
    }
}
