import DeskModel
import Foundation
import XCTest

/// The duplicate guard in the full-screen client: a new ticket that looks like one of the
/// requester's active tickets is held back with a warning, and the requester chooses.
final class DuplicateGuardTUITests: XCTestCase {
    private var fixture: TUIFixture!
    private var desk: TUIDesk { fixture.desk }
    private var client: TmuxClient { fixture.client }

    /// A demo customer, and the active ticket of theirs the new one will look like.
    private let customer = "meg"
    private let existingSubject = "Printer jams in tray 2"
    private let newSubject = "printer JAMS on tray"
    private let newBody = "Still jams, même après le nettoyage."

    override func setUpWithError() throws {
        fixture = try TUIFixture()
    }

    override func tearDown() {
        fixture?.close()
        fixture = nil
    }

    /// Creates the existing ticket with the CLI, types the look-alike in the client, sends it
    /// and waits for the warning. Returns the existing ticket's number and the desk's total.
    private func typeADuplicateAndSend() throws -> (existing: Int64, total: Int) {
        let existing = try desk.newTicket(subject: existingSubject, body: "Jams every morning.", as: customer)
        let total = try XCTUnwrap(desk.list(view: "all", as: "sam").total)
        try client.start(user: customer)
        try client.waitForList()
        client.press("n")
        try client.wait(forText: "New ticket")
        client.type(newSubject)
        client.press("BTab")                            // back from the subject, round to the description
        client.type(newBody)
        try client.wait(forText: newBody)
        client.press("C-s")
        let screen = try client.wait(forText: "Possible duplicate")
        XCTAssertTrue(screen.contains("#\(existing) \"\(existingSubject)\""), "the warning names the existing ticket\n\(screen)")
        XCTAssertTrue(screen.contains("New ticket"), "the composer is still there under the warning\n\(screen)")
        XCTAssertEqual(try desk.list(view: "all", as: "sam").total, total, "nothing was created yet")
        return (existing, total)
    }

    func testReplyThereSendsTheTextAsAReplyAndCreatesNoTicket() throws {
        let (existing, total) = try typeADuplicateAndSend()
        let before = try desk.ticket(existing)

        client.press("r")
        var screen = try client.wait(forText: "Reply to #\(existing)")
        XCTAssertTrue(screen.contains(newBody), "the reply carries the new ticket's text\n\(screen)")
        XCTAssertNotNil(try desk.draft(.newTicket, of: customer), "the new ticket's draft stays until the reply is sent")

        client.press("C-s")
        screen = try client.wait(for: "the confirmation") { $0.bottomLine.contains("Reply sent to #\(existing)") }

        XCTAssertEqual(try desk.list(view: "all", as: "sam").total, total, "no new ticket")
        let after = try desk.ticket(existing)
        XCTAssertEqual(after.messages.count, before.messages.count + 1)
        let reply = try XCTUnwrap(after.messages.last)
        XCTAssertEqual(reply.kind, "reply")
        XCTAssertEqual(reply.author, customer)
        XCTAssertEqual(reply.body, newBody)
        XCTAssertNil(try desk.draft(.newTicket, of: customer), "the text went out as the reply: no new-ticket draft is left")
        XCTAssertNil(try desk.draft(.reply(ticketNumber: existing), of: customer))
    }

    func testCreateAnywayCreatesTheTicket() throws {
        let (existing, total) = try typeADuplicateAndSend()
        let before = try desk.ticket(existing)

        client.press("c")
        let screen = try client.wait(for: "the confirmation") { $0.bottomLine.contains("created") }
        let message = try XCTUnwrap(screen.bottomLine.firstMatch(of: /Ticket #(\d+) created/), "\(screen)")
        let number = try XCTUnwrap(Int64(message.1))
        XCTAssertNotEqual(number, existing)

        XCTAssertEqual(try desk.list(view: "all", as: "sam").total, total + 1)
        let created = try desk.ticket(number)
        XCTAssertEqual(created.subject, newSubject)
        XCTAssertEqual(created.description, newBody)
        XCTAssertEqual(created.requester, customer)
        XCTAssertEqual(try desk.ticket(existing), before, "the existing ticket is untouched")
        XCTAssertNil(try desk.draft(.newTicket, of: customer))
    }

    func testEscapeGoesBackToEditingWithTheDraftIntact() throws {
        _ = try typeADuplicateAndSend()

        client.press("Escape")
        let screen = try client.wait(for: "the warning to close") { !$0.contains("Possible duplicate") }
        XCTAssertTrue(screen.contains("New ticket"), "\(screen)")
        XCTAssertTrue(screen.contains(newSubject), "\(screen)")
        XCTAssertTrue(screen.contains(newBody), "\(screen)")
        XCTAssertEqual(try desk.draft(.newTicket, of: customer)?.body, newBody)
    }
}
