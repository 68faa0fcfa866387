import DeskModel
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Writing in the full-screen client: replies, new tickets, and drafts that outlive the
/// process (kill -9, hang-up).
final class ComposeTUITests: XCTestCase {
    private var fixture: TUIFixture!
    private var desk: TUIDesk { fixture.desk }
    private var client: TmuxClient { fixture.client }

    override func setUpWithError() throws {
        fixture = try TUIFixture()
    }

    override func tearDown() {
        fixture?.close()
        fixture = nil
    }

    /// Starts the client, opens the first ticket of the Active view and its reply composer.
    private func openReplyComposer() throws -> TicketJSON {
        try client.start()
        let first = try client.waitForList().selectedNumber!
        let ticket = try desk.ticket(first)
        client.press("Enter")
        try client.wait(for: "the detail of #\(first)") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #\(first) ") }
        client.press("r")
        try client.wait(forText: "Reply to #\(first)")
        return ticket
    }

    func testReplyWithAccentsAndCJKIsSentAndStoredExactly() throws {
        let before = try openReplyComposer()
        let number = before.number
        let body = "Réponse été 日本語"
        client.type(body)
        var screen = try client.wait(forText: body)
        XCTAssertTrue(screen.bottomLine.contains("ctrl-s send"), "\(screen)")

        client.press("C-s")
        screen = try client.wait(for: "the confirmation") { $0.bottomLine.contains("Reply sent to #\(number)") }
        XCTAssertFalse(screen.contains("Reply to #\(number)"), "the composer closed\n\(screen)")

        let after = try desk.ticket(number)
        XCTAssertEqual(after.messages.filter { $0.kind == "reply" }.count, before.messages.filter { $0.kind == "reply" }.count + 1)
        XCTAssertTrue(screen.contains("History (\(after.messages.count))"), "\(screen)")
        XCTAssertTrue(screen.contains(body), "the reply is in the history\n\(screen)")
        let reply = try XCTUnwrap(after.messages.last { $0.kind == "reply" })
        XCTAssertEqual(reply.body, body)
        XCTAssertEqual(reply.author, "alice")
        if before.status == "new" { XCTAssertEqual(after.status, "open", "an agent's reply opens a new ticket") }
        XCTAssertNil(try desk.draft(.reply(ticketNumber: number)), "a sent reply leaves no draft")
    }

    func testNewTicketFormCreatesTheTicket() throws {
        try client.start()
        try client.waitForList()
        let all = try desk.list(view: "all")

        client.press("n")
        try client.wait(forText: "New ticket")
        client.type("Printer on fire: ça brûle")
        client.press("Tab", "Right")                 // kind: question -> incident
        client.press("Tab")
        client.type("Hardware")                      // product
        client.press("Tab", "Tab")                   // category skipped
        client.type("Toner")                         // subcategory
        client.press("Tab", "Right", "Right")        // urgency: none -> low -> serious
        client.press("Tab", "Right")                 // contact: portal -> email
        client.press("Tab")
        client.type("ken")                           // watchers: Enter completes from the pick list
        client.press("Enter")
        try client.wait(for: "the watcher menu") { $0.contains("Add a watcher") && $0.contains("Kenji Mori (kenji)") }
        client.press("Enter")
        try client.wait(for: "the completed handle") { $0.lines.contains { $0.contains("Watchers") && $0.hasSuffix("kenji,") } }
        client.press("Tab")
        client.type("It is burning.")
        client.press("Enter")
        client.type("Please help 日本語")
        var screen = try client.wait(forText: "Please help 日本語")
        XCTAssertTrue(screen.contains("Printer on fire: ça brûle"), "\(screen)")
        XCTAssertNotNil(screen.lines.first { $0.contains("Kind") && $0.contains("Incident") }, "\(screen)")
        XCTAssertNotNil(screen.lines.first { $0.contains("Urgency") && $0.contains("Serious") }, "\(screen)")
        XCTAssertNotNil(screen.lines.first { $0.contains("Product") && $0.contains("Hardware") }, "\(screen)")
        XCTAssertNotNil(screen.lines.first { $0.contains("Contact") && $0.contains("Email") }, "\(screen)")

        client.press("C-s")
        screen = try client.wait(for: "the confirmation") { $0.bottomLine.contains("created") }
        let message = try XCTUnwrap(screen.bottomLine.firstMatch(of: /Ticket #(\d+) created/), "\(screen)")
        let number = try XCTUnwrap(Int64(message.1))
        XCTAssertTrue(screen.lines[1].hasPrefix(" #\(number) Printer on fire: ça brûle"), "the new ticket is open\n\(screen)")

        let ticket = try desk.ticket(number)
        XCTAssertEqual(ticket.subject, "Printer on fire: ça brûle")
        XCTAssertEqual(ticket.kind, "incident")
        XCTAssertEqual(ticket.urgency, "serious")
        XCTAssertEqual(ticket.product, "Hardware")
        XCTAssertEqual(ticket.subcategory, "Toner")
        XCTAssertEqual(ticket.contact, "email")
        XCTAssertEqual(ticket.watchers, ["kenji"])
        XCTAssertEqual(ticket.description, "It is burning.\nPlease help 日本語")
        XCTAssertEqual(ticket.requester, "alice")
        XCTAssertEqual(ticket.status, "new")
        let after = try desk.list(view: "all")
        XCTAssertEqual(after.total, (all.total ?? 0) + 1)
        XCTAssertEqual(after.numbers.first, number)
        XCTAssertNil(try desk.draft(.newTicket), "a sent ticket leaves no draft")
    }

    func testDraftSurvivesKillDashNine() throws {
        let ticket = try openReplyComposer()
        let number = ticket.number
        client.type("draft that survives")
        // The draft is saved as it is typed: once the screen shows it, it is in the desk.
        try client.wait(forText: "draft that survives")
        let pid = try client.clientPID()
        XCTAssertEqual(kill(pid, SIGKILL), 0)
        try client.wait(forText: "EXITED=137")

        XCTAssertEqual(try desk.draft(.reply(ticketNumber: number))?.body, "draft that survives")

        // A new client: the same ticket, r, and the draft is back.
        try client.start()
        XCTAssertEqual(try client.waitForList().selectedNumber, number)
        client.press("Enter")
        try client.wait(for: "the detail of #\(number)") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #\(number) ") }
        client.press("r")
        let screen = try client.wait(forText: "Reply to #\(number)")
        XCTAssertTrue(screen.contains("draft that survives"), "\(screen)")

        // Nothing was sent.
        XCTAssertEqual(try desk.ticket(number).messages, ticket.messages)
    }

    func testHangUpWhileComposingExitsAndKeepsTheDraft() throws {
        let ticket = try openReplyComposer()
        let number = ticket.number
        client.type("hang-up draft, à suivre")
        try client.wait(forText: "hang-up draft, à suivre")
        let pid = try client.clientPID()
        XCTAssertEqual(kill(pid, SIGHUP), 0)
        let screen = try client.wait(forText: "EXITED=")
        XCTAssertTrue(screen.contains("EXITED=129 TTY=restored"), "exit status 128 + SIGHUP, terminal modes restored\n\(screen)")
        XCTAssertEqual(client.display("#{alternate_on}"), "0")

        XCTAssertEqual(try desk.draft(.reply(ticketNumber: number))?.body, "hang-up draft, à suivre")
        XCTAssertEqual(try desk.ticket(number).messages, ticket.messages)
    }
}
