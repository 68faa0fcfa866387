import DeskModel
import Foundation
import XCTest

/// Answering one message of a thread in the real client: `]` picks it, `r` answers it (the
/// stored reply points at it), `Q` quotes it, Ctrl-T makes the reply ask the customer.
final class ReplyToMessageTUITests: XCTestCase {
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

    private struct Thread: Decodable {
        struct Message: Decodable {
            var id: Int64
            var kind: String
            var author: String?
            var body: String
            var inReplyTo: Int64?
        }
        var status: String
        var messages: [Message]
    }

    private func thread(_ number: Int64) throws -> Thread {
        let result = desk.cli(["show", String(number), "--format", "json"], user: "sam")
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONDecoder.tuiDesk.decode(Thread.self, from: Data(result.stdout.utf8))
    }

    /// A ticket of camille's with two replies, the first by camille, opened in the client.
    private func openTicketWithTwoReplies() throws -> (number: Int64, first: Int64) {
        let number = try desk.newTicket(subject: "Scanner jams on page two", body: "It jams.", as: "camille")
        XCTAssertEqual(desk.cli(["reply", String(number)], user: "camille", stdin: "First reply from Camille").status, 0)
        XCTAssertEqual(desk.cli(["reply", String(number)], user: "alice", stdin: "Which model is it?").status, 0)
        let first = try XCTUnwrap(try thread(number).messages.first { $0.body == "First reply from Camille" }).id
        try client.start()
        try client.waitForList()
        client.press("#")
        client.type(String(number))
        client.press("Enter")
        try client.wait(forText: "Scanner jams on page two")
        return (number, first)
    }

    func testReplyToThePickedMessageAskingTheCustomer() throws {
        let (number, first) = try openTicketWithTwoReplies()
        client.press("]")
        let picked = try client.wait(for: "the mark on the first reply") { screen in
            screen.lines.contains { $0.hasPrefix("▌") && $0.contains("Camille") }
        }
        XCTAssertFalse(picked.lines.contains { $0.hasPrefix("▌") && $0.contains("Alice") }, "\(picked)")
        client.press("r")
        try client.wait(forText: "Replying to Camille")
        client.press("C-t")
        try client.wait(forText: "reply and ask customer (ctrl-t)")
        client.type("Please send the serial number")
        client.press("C-s")
        try client.wait(for: "the confirmation") { $0.bottomLine.contains("Reply sent to #\(number)") }
        let after = try thread(number)
        let reply = try XCTUnwrap(after.messages.first { $0.body == "Please send the serial number" })
        XCTAssertEqual(reply.inReplyTo, first, "the reply answers the picked message")
        XCTAssertEqual(after.status, "awaitingCustomer")
    }

    func testQuoteAndDraftSurviveAQuit() throws {
        let (number, first) = try openTicketWithTwoReplies()
        client.press("]", "Q")
        try client.wait(forText: "> First reply from Camille")
        client.type("Thanks.")
        try client.wait(forText: "Thanks.")
        client.press("Escape", "q", "q")
        try client.wait(for: "the shell") { $0.contains("EXITED=0") }
        let draft = try XCTUnwrap(try desk.draft(.reply(ticketNumber: number)))
        XCTAssertTrue(draft.body.hasPrefix("Camille Lefèvre wrote on "), draft.body)
        XCTAssertTrue(draft.body.contains("\n> First reply from Camille\n\nThanks."), draft.body)
        XCTAssertEqual(draft.fields["inReplyTo"], String(first))
    }

    func testACustomerCannotPickAnInternalNote() throws {
        let number = try desk.newTicket(subject: "Badge reader offline", body: "Offline.", as: "camille")
        XCTAssertEqual(desk.cli(["reply", String(number), "--internal"], user: "alice", stdin: "Secret vendor case").status, 0)
        XCTAssertEqual(desk.cli(["reply", String(number)], user: "alice", stdin: "Looking into it").status, 0)
        try client.start(sshSessionOf: "camille")
        try client.waitForList()
        client.press("#")
        client.type(String(number))
        client.press("Enter")
        try client.wait(forText: "Badge reader offline")
        client.press("]", "]", "]")
        let screen = try client.wait(for: "the mark") { $0.lines.contains { $0.hasPrefix("▌") } }
        XCTAssertFalse(screen.contains("Secret vendor case"), "\(screen)")
        client.press("r")
        try client.wait(forText: "Replying to Alice")
        XCTAssertFalse(client.screen().contains("ctrl-t"))
    }
}
