import Foundation
import XCTest

@testable import DeskModel

/// A call-back request is its requester's: colleagues who see the ticket read none of its
/// events, cannot learn of it by asking themselves, and a requester who lost sight of the
/// ticket no longer lists it. Any closing ends an open request, an import's included.
final class StoreCallbackPrivacyTests: StoreTestCase {
    let ask = CallbackAsk(phone: "+33 1 23 45 67 89", window: "14:00-16:00", timeZone: "Europe/Paris")

    private func callbackEvents(_ number: Int64, _ viewer: Viewer) throws -> [SystemEvent] {
        try store.detail(number: number, viewer: viewer).messages.compactMap(\.event).filter {
            switch $0 {
            case .callbackRequested, .callbackTaken, .callbackOutcome, .callbackClosedWithTicket: true
            default: false
            }
        }
    }

    func testAColleagueWithOrganisationAccessReadsNoneOfAnotherCustomersRequest() throws {
        // Erin sees all of Big Co's tickets; the request on Eve's ticket is Eve's.
        let ticket = try f.ticket("VPN", by: f.eve)
        _ = try store.requestCallback(number: ticket.number, ask, by: f.eve)
        _ = try store.takeCallback(number: ticket.number, by: f.alice)
        _ = try store.changeStatus(number: ticket.number, to: .closed, by: f.alice)
        XCTAssertEqual(try callbackEvents(ticket.number, f.eve), [
            .callbackRequested(window: "14:00-16:00", zone: "Europe/Paris", actor: "eve"), .callbackTaken(actor: "alice"),
            .callbackClosedWithTicket,
        ])
        XCTAssertEqual(try callbackEvents(ticket.number, f.alice).count, 3, "staff read every event")
        XCTAssertEqual(try callbackEvents(ticket.number, f.erin), [])
        XCTAssertTrue(try store.detail(number: ticket.number, viewer: f.erin).messages.contains {
            if case .statusChanged = $0.event { return true } else { return false }
        }, "the other events stay")
        XCTAssertNil(try store.callback(number: ticket.number, viewer: f.erin))

        // Her own later request on the same ticket is hers to read, Eve's earlier one still not.
        let second = try f.ticket("Printer", by: f.eve)
        _ = try store.requestCallback(number: second.number, ask, by: f.eve)
        _ = try store.recordCallback(number: second.number, CallbackReport(outcome: .reached), by: f.bob)
        _ = try store.requestCallback(number: second.number, ask, by: f.erin)
        XCTAssertEqual(try callbackEvents(second.number, f.erin), [.callbackRequested(window: "14:00-16:00", zone: "Europe/Paris", actor: "erin")])
        XCTAssertEqual(try callbackEvents(second.number, f.eve), [
            .callbackRequested(window: "14:00-16:00", zone: "Europe/Paris", actor: "eve"),
            .callbackOutcome(outcome: .reached, window: nil, zone: nil, actor: "bob"),
        ])
    }

    func testAColleagueAskingWhileAnotherRequestIsOpenGetsANeutralRefusal() throws {
        let ticket = try f.ticket("VPN", by: f.eve)
        _ = try store.requestCallback(number: ticket.number, ask, by: f.eve)
        let refusal = DeskError.refused(.model(
            "A call-back cannot be requested on ticket #{number} at the moment", ["number": .number(ticket.number)]))
        XCTAssertDeskError(try store.requestCallback(number: ticket.number, ask, by: f.erin), refusal)
        XCTAssertEqual(refusal.phrase.text(in: .french), "Un rappel ne peut pas être demandé pour le ticket #\(ticket.number) pour le moment")
        XCTAssertFalse(refusal.message.contains("eve"))
        // The requester herself is told plainly.
        XCTAssertDeskError(try store.requestCallback(number: ticket.number, ask, by: f.eve),
                           .refused(.model("Ticket #{number} already has an open call-back request", ["number": .number(ticket.number)])))
        XCTAssertEqual(try store.callbacks(states: Set(CallbackState.allCases), viewer: f.alice, limit: 50).map(\.requesterHandle), ["eve"])
    }

    func testACustomerWhoLostSightOfTheTicketNoLongerListsTheirRequest() throws {
        let ticket = try f.ticket("Eve's VPN", by: f.eve)
        let own = try f.ticket("Erin's printer", by: f.erin)
        _ = try store.requestCallback(number: ticket.number, ask, by: f.erin)
        _ = try store.requestCallback(number: own.number, ask, by: f.erin)
        let all = Set(CallbackState.allCases)
        XCTAssertEqual(try store.callbacks(states: all, viewer: f.erin, limit: 50).map(\.ticketNumber), [ticket.number, own.number])
        try store.setAccountAccess(handle: "erin", organisation: "Big Co", caseAccess: .own, by: nil)
        let erin = try store.viewer(handle: "erin")
        XCTAssertEqual(try store.callbacks(states: all, viewer: erin, limit: 50).map(\.ticketSubject), ["Erin's printer"])
        XCTAssertEqual(try store.callbacks(states: all, viewer: f.alice, limit: 50).count, 2, "staff still list both")
    }

    func testAnImportThatClosesATicketEndsItsOpenRequest() throws {
        let settings = CSVImportSettings(mapping: CSVMapping(columns: [
            "ticket": ["Ticket"], "subject": ["Subject"], "body": ["Body"], "author": ["From"], "role": ["Role"],
            "status": ["State"], "created": ["Date"],
        ]))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-cbimport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func importRows(_ name: String, _ rows: String) throws {
            let path = directory.appendingPathComponent(name)
            try Data(("Ticket,Subject,Body,From,Role,State,Date\n" + rows).utf8).write(to: path)
            let summary = try DeskImport.csv([path.path], into: store, options: ImportOptions(now: StoreFixture.start), csv: settings)
            XCTAssertEqual(summary.skipped, [])
        }
        let opening = "700,Imported VPN,The VPN drops.,eve@example.com,customer,open,2024-02-28 10:00\n"
        try importRows("first.csv", opening)
        let ticket = try XCTUnwrap(store.page(PageRequest(view: .all, limit: 50), viewer: f.alice).rows.first { $0.subject == "Imported VPN" })
        _ = try store.requestCallback(number: ticket.number, ask, by: f.eve)
        // The export again, with the ticket's closing row: the known row tells which ticket it is.
        try importRows("second.csv", opening + "700,Imported VPN,Fixed now.,bob@example.com,agent,closed,2024-03-01 08:00\n")

        XCTAssertEqual(try store.detail(number: ticket.number, viewer: f.alice).ticket.status, .closed)
        XCTAssertEqual(try store.callbacks(states: CallbackState.open, viewer: f.alice, limit: 50), [])
        let ended = try XCTUnwrap(store.callback(number: ticket.number, viewer: f.alice))
        XCTAssertEqual(ended.state, .done)
        XCTAssertEqual(ended.outcome, .closedWithTicket)
        XCTAssertEqual(try callbackEvents(ticket.number, f.eve).last, .callbackClosedWithTicket)
    }
}
