import DeskModel
import Foundation
import XCTest

/// Mail in the real client: a reply that came by mail shows its new text with the quoted
/// history folded to one line, `z` unfolds it and `Z` folds every quote again; `M` opens the
/// box of one's own mail notifications, where Space opts in, as `deskterm mail notify` then says.
final class MailInClientTUITests: XCTestCase {
    private var fixture: TUIFixture!
    private var desk: TUIDesk { fixture.desk }
    private var client: TmuxClient { fixture.client }

    override func setUpWithError() throws {
        fixture = try TUIFixture()
        XCTAssertEqual(desk.cli(["mail", "settings", "set", "mail.address", "support@desk.test"], user: "sam").status, 0)
        let added = desk.cli(["user", "add", "quinn", "--name", "Quinn Reader", "--org", "Brightwater Analytics",
                              "--email", "quinn@brightwater.example"], user: "sam")
        XCTAssertEqual(added.status, 0, added.stderr)
    }

    override func tearDown() {
        fixture?.close()
        fixture = nil
    }

    /// Quinn's ticket, answered by mail with the question quoted below the answer.
    private func ticketAnsweredByMail() throws -> Int64 {
        let number = try desk.newTicket(subject: "Export stops at page two", body: "It stops.", as: "quinn")
        let mail = """
            From: Quinn Reader <quinn@brightwater.example>
            To: support@desk.test
            Subject: Re: [Desk #\(number)] Export stops at page two
            Message-ID: <quoted-\(number)@brightwater.example>
            Content-Type: text/plain; charset=utf-8

            It is version 4.2.

            On Thu, 19 Nov 2026 at 09:00, Alice wrote:
            > Which version do you run?
            > And on which system?

            """
        let gate = runTool(desk.binary.path, ["mailgate", "--desk", desk.path], stdin: Data(mail.utf8), environment: desk.environment)
        XCTAssertEqual(gate.status, 0, gate.stderr)
        return number
    }

    func testAMailedReplyShowsItsQuoteFoldedAndZUnfoldsIt() throws {
        let number = try ticketAnsweredByMail()
        try client.start(user: "quinn", columns: 100, rows: 30)
        try client.waitForList()
        client.press("#")
        client.type(String(number))
        client.press("Enter")
        var screen = try client.wait(forText: "▸ quoted history (3 lines)")
        XCTAssertTrue(screen.contains("It is version 4.2."), "\(screen)")
        XCTAssertFalse(screen.contains("Which version do you run?"), "folded\n\(screen)")
        XCTAssertTrue(screen.bottomLine.contains("z quote"), "\(screen)")

        client.press("z")
        screen = try client.wait(forText: "▾ quoted history (3 lines)")
        XCTAssertTrue(screen.contains("On Thu, 19 Nov 2026 at 09:00, Alice wrote:"), "\(screen)")
        XCTAssertTrue(screen.contains("> Which version do you run?"), "\(screen)")

        client.press("Z")
        screen = try client.wait(forText: "▸ quoted history (3 lines)")
        XCTAssertFalse(screen.contains("> Which version do you run?"), "\(screen)")
        client.press("Z")
        try client.wait(forText: "> And on which system?")
    }

    /// The state word the box shows before an event's label ("on", "off", "default").
    static func state(of label: String, _ screen: Screen) -> String? {
        guard let line = screen.line(containing: label), let range = line.range(of: label) else { return nil }
        return line[..<range.lowerBound].split(separator: " ").last.map(String.init)
    }

    func testACustomerOptsIntoAMailFromTheClient() throws {
        _ = try desk.newTicket(subject: "Export stops at page two", body: "It stops.", as: "quinn")
        try client.start(user: "quinn", columns: 100, rows: 30)
        try client.waitForList()
        client.press("M")
        var screen = try client.wait(forText: "Mail notifications you receive")
        XCTAssertEqual(Self.state(of: "A ticket you open: its number", screen), "default", "\(screen)")
        XCTAssertTrue(screen.contains("default: by mail when the ticket's contact is e-mail"), "\(screen)")
        client.press("j")
        client.press("Space")
        screen = try client.wait(for: "replies turned on") { Self.state(of: "Public replies", $0) == "on" }
        client.press("Space")
        screen = try client.wait(for: "replies turned off") { Self.state(of: "Public replies", $0) == "off" }
        client.press("k")
        client.press("Enter")
        _ = try client.wait(for: "the number turned on") { Self.state(of: "A ticket you open: its number", $0) == "on" }
        client.press("Escape")
        screen = try client.wait(for: "the box closed") { !$0.contains("Mail notifications you receive") }

        let listed = desk.cli(["mail", "notify"], user: "quinn")
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.contains("created: on"), listed.stdout)
        XCTAssertTrue(listed.stdout.contains("reply: off"), listed.stdout)
        XCTAssertTrue(listed.stdout.contains("closed: as the ticket prefers (default)"), listed.stdout)

        // The command line opens the same box.
        client.press(":")
        client.type("mail")
        client.press("Enter")
        screen = try client.wait(forText: "Mail notifications you receive")
        XCTAssertEqual(Self.state(of: "Public replies", screen), "off", "\(screen)")
    }
}
