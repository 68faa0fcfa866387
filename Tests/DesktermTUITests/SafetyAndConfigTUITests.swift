import DeskModel
import Foundation
import XCTest

/// Text from tickets never reaches the terminal as control sequences; the user's config file
/// rebinds keys, and a bad one is reported on the bottom line.
final class SafetyAndConfigTUITests: XCTestCase {
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

    func testHostileTicketTextIsShownAsPlaceholdersNotObeyed() throws {
        let subject = "\u{1B}]0;pwned\u{07}Hostile \u{1B}[2J subject"
        let description = "Body with \u{1B}]52;c;SGVsbG8=\u{07} in it"
        let reply = "Reply \u{1B}[2J\u{1B}[H wipes, \u{9B}31m C1 red, \u{1B}]52;c;SGVsbG8=\u{1B}\\ copies"
        let number = try desk.newTicket(subject: subject, body: description, as: "alice", extra: ["--requester", "aisha"])
        XCTAssertEqual(desk.cli(["reply", String(number), "--body-file", "-"], user: "aisha", stdin: reply).status, 0)

        // tmux keeps OSC 52 clipboard writes as paste buffers: any leak would show there.
        try client.start(clipboard: true)
        try client.waitForList()
        let titleBefore = client.display("#{pane_title}")
        client.press("5", "g")
        var screen = try client.wait(for: "#\(number) selected in All") { $0.selectedNumber == number }
        XCTAssertTrue(screen.row(number)?.contains("␛]0;pwned␇Hostile ␛[2J subject") == true, "\(screen)")

        client.press("Enter")
        screen = try client.wait(for: "the hostile ticket open") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #\(number) ") }
        XCTAssertEqual(screen.lines[1], " #\(number) ␛]0;pwned␇Hostile ␛[2J subject")
        XCTAssertTrue(screen.contains("Body with ␛]52;c;SGVsbG8=␇ in it"), "\(screen)")
        XCTAssertTrue(screen.contains("Reply ␛[2J␛[H wipes,"), "\(screen)")
        XCTAssertTrue(screen.contains("C1 red"), "\(screen)")
        // Not cleared: the top bar, the fields and the bottom line are all still there.
        // (At 100 columns the bar gives the desk's name up to keep every tab and the sort.)
        XCTAssertTrue(screen.topBar.hasPrefix(" alice  1 Rec"), "\(screen)")
        XCTAssertTrue(screen.topBar.hasSuffix("sort: newest first"), "\(screen)")
        XCTAssertNotNil(screen.lines.first { $0.hasPrefix(" Status") }, "\(screen)")
        XCTAssertNotNil(screen.lines.first { $0.hasPrefix(" Requester") && $0.contains("(aisha)") }, "\(screen)")
        XCTAssertTrue(screen.bottomLine.contains("reply"), "\(screen)")
        XCTAssertEqual(screen.lines.count, 30)

        let title = client.display("#{pane_title}")
        XCTAssertNotEqual(title, "pwned")
        XCTAssertEqual(title, titleBefore)
        XCTAssertEqual(client.run(["list-buffers"]).stdout, "", "no clipboard write reached tmux")

        // The check is live: the shell's own title sequence after quitting does reach tmux.
        client.press("q", "q")
        try client.wait(forText: "EXITED=0")
        XCTAssertEqual(client.display("#{pane_title}"), "shell-again")

        // The desk still holds the text exactly as written.
        let ticket = try desk.ticket(number)
        XCTAssertEqual(ticket.subject, subject)
        XCTAssertEqual(ticket.description, description)
        XCTAssertEqual(ticket.messages.last?.body, reply)
    }

    private func writeConfig(_ text: String) throws -> [String: String] {
        let folder = desk.directory.appendingPathComponent("config", isDirectory: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("deskterm"), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent("deskterm/config.toml"))
        return ["XDG_CONFIG_HOME": folder.path]
    }

    func testConfigFileRebindsReply() throws {
        let environment = try writeConfig("# mine\n[keys]\nreply = \"R\"   # capital R\n")
        try client.start(environment: environment)
        var screen = try client.waitForList()
        XCTAssertFalse(screen.bottomLine.contains("config"), "\(screen)")
        let number = try XCTUnwrap(screen.selectedNumber)

        let before = try desk.ticket(number)
        client.press("Enter")
        try client.wait(for: "the detail of #\(number)") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #\(number) ") }
        try client.wait(for: "the hints naming R") { $0.bottomLine.contains("R reply") }
        // r no longer replies; R does. Had r opened the composer, R would have been typed into it.
        client.press("r", "R")
        screen = try client.wait(forText: "Reply to #\(number)")
        // Under the title (the ticket's last message may sit above it), an empty composer.
        let title = try XCTUnwrap(screen.lines.firstIndex { $0.contains("Reply to #\(number)") })
        XCTAssertEqual(screen.lines[(title + 1)..<(screen.lines.count - 1)].filter { !$0.isEmpty }, [], "an empty composer\n\(screen)")
        client.press("Escape")
        try client.wait(for: "the composer closed") { !$0.contains("Reply to #\(number)") }

        client.press("?")
        screen = try client.wait(forText: "┌─ Keys")
        XCTAssertTrue(screen.helpShows("R", "reply"), "help shows R for reply\n\(screen)")
        XCTAssertFalse(screen.helpShows("r", "reply"), "\(screen)")
        // Refresh is further down the help's first column.
        client.press("G")
        screen = try client.wait(for: "the help's end") { $0.contains("more above") }
        XCTAssertTrue(screen.helpShows("ctrl-l", "refresh"), "refresh keeps its other key\n\(screen)")

        // Opening the composer wrote nothing: no draft, no message.
        XCTAssertNil(try desk.draft(.reply(ticketNumber: number)))
        XCTAssertEqual(try desk.ticket(number), before)
    }

    func testABadConfigLineIsNamedAndTheGoodLinesApply() throws {
        let environment = try writeConfig("[keys]\nreply = R\nhelp = \"H\"\n")
        try client.start(environment: environment)
        var screen = try client.wait(for: "the config problem") { $0.bottomLine.contains("config line") }
        XCTAssertEqual(screen.bottomLine, " config line 2 ignored: expected a quoted string, found R")
        let number = try XCTUnwrap(client.waitForList().selectedNumber)

        // Line 3 applies: H opens the help.
        client.press("H")
        screen = try client.wait(for: "the help") { $0.contains("this help") }
        client.press("Escape")
        try client.wait(for: "the help closed") { !$0.contains("this help") }

        // The defaults: r replies.
        client.press("Enter")
        try client.wait(for: "the detail of #\(number)") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #\(number) ") }
        client.press("r")
        screen = try client.wait(forText: "Reply to #\(number)")
        client.press("Escape")
        // Nothing was written: no draft is kept, and none is announced.
        screen = try client.wait(for: "the composer closed") { !$0.contains("Reply to #\(number)") }
        XCTAssertFalse(screen.bottomLine.contains("Draft kept"), "\(screen)")
        XCTAssertNil(try desk.draft(.reply(ticketNumber: number)))
    }
}
