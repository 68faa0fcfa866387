import DeskModel
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Pasting in the full-screen client: tmux's `paste-buffer -p` wraps the text in the bracketed
/// paste markers when (and only when) the program turned bracketed paste on, as a terminal does.
final class PasteTUITests: XCTestCase {
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

    func testAPasteOnTheListRunsNoCommand() throws {
        try client.start()
        let before = try client.waitForList()
        XCTAssertTrue(before.activeTab.hasPrefix("2 Active"), "\(before)")

        client.paste("2s")
        let screen = try client.wait(for: "the paste refused") { $0.bottomLine.contains("Paste ignored") }
        XCTAssertTrue(screen.activeTab.hasPrefix("2 Active"), "the view did not change\n\(screen)")
        XCTAssertFalse(screen.bottomLine.contains("Sorted by"), "the sort did not change\n\(screen)")
        XCTAssertEqual(screen.selectedNumber, before.selectedNumber, "\(screen)")
    }

    func testPastedLinesStayInTheSubjectAndKeepTheirBreaksInTheDescription() throws {
        try client.start()
        try client.waitForList()
        client.press("n")
        try client.wait(forText: "New ticket")

        client.paste("line one\nsecond line\tafter-tab")
        var screen = try client.wait(for: "the joined subject") { $0.contains("line one second line after-tab") }
        let subject = try XCTUnwrap(screen.line(containing: "Subject"), "\(screen)")
        XCTAssertTrue(subject.contains("line one second line after-tab"), "\(screen)")
        XCTAssertTrue(screen.bottomLine.contains("joined"), "a notice says the lines were joined\n\(screen)")
        XCTAssertTrue(screen.line(containing: "Kind")?.contains("Question") == true, "the kind is untouched\n\(screen)")
        let product = try XCTUnwrap(screen.line(containing: "Product"), "\(screen)")
        XCTAssertEqual(product.trimmingCharacters(in: .whitespaces), "Product", "the product stays empty\n\(screen)")

        // The description keeps the lines, and a control character arrives as nothing.
        client.press("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab") // kind, product, category, subcategory, urgency, contact, watchers, description
        client.paste("First para 日本語\nSecond \u{1B}[31mline\nThird")
        screen = try client.wait(for: "the pasted description") { $0.contains("Third") }
        let first = try XCTUnwrap(screen.lines.firstIndex { $0.contains("First para 日本語") }, "\(screen)")
        XCTAssertTrue(screen.lines[first + 1].contains("Second [31mline"), "\(screen)")
        XCTAssertTrue(screen.lines[first + 2].contains("Third"), "\(screen)")

        client.press("C-s")
        screen = try client.wait(for: "the ticket created") { $0.bottomLine.contains("created") }
        let number = try XCTUnwrap(screen.bottomLine.firstMatch(of: /Ticket #(\d+) created/).flatMap { Int64($0.1) }, "\(screen)")
        let ticket = try desk.ticket(number)
        XCTAssertEqual(ticket.subject, "line one second line after-tab")
        XCTAssertEqual(ticket.kind, "question")
        XCTAssertEqual(ticket.product, "")
        XCTAssertEqual(ticket.description, "First para 日本語\nSecond [31mline\nThird")
    }

    func testA100KilobytePasteArrivesWholeAndQuickly() throws {
        try client.start()
        let first = try client.waitForList().selectedNumber!
        client.press("Enter")
        try client.wait(for: "the detail of #\(first)") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #\(first) ") }
        client.press("r")
        try client.wait(forText: "Reply to #\(first)")

        // 100 KB of numbered lines, the last one a marker.
        var text = ""
        var line = 0
        while text.utf8.count < 100_000 - 40 {
            text += "Pasted line \(line) of a long log: lorem ipsum dolor sit amet\n"
            line += 1
        }
        text += "END-OF-PASTE"
        let started = Date()
        client.paste(text)
        try client.wait(forText: "END-OF-PASTE", timeout: 30)
        let seconds = Date().timeIntervalSince(started)
        print("100 KB paste into the reply composer shown after \(String(format: "%.2f", seconds)) s")
        XCTAssertLessThan(seconds, 5, "a 100 KB paste is one edit, not 100,000 keys")
        // Saved as one draft holding every line.
        let draft = try XCTUnwrap(try desk.draft(.reply(ticketNumber: first)))
        XCTAssertEqual(draft.body, text)
    }

    /// After the client ends, by quitting or by a signal, a paste into the shell is plain text:
    /// bracketed paste is off again (the pane's tty echoes what arrives).
    func testBracketedPasteIsTurnedOffOnQuitAndOnSignals() throws {
        for ending in ["quit", "SIGTERM", "SIGHUP"] {
            try client.start()
            try client.waitForList()
            switch ending {
            case "quit": client.press("q")
            case "SIGTERM": kill(try client.clientPID(), SIGTERM)
            default: kill(try client.clientPID(), SIGHUP)
            }
            try client.wait(forText: "EXITED=")
            client.paste("after-\(ending)")
            let screen = try client.wait(for: "the echoed paste") { $0.contains("after-\(ending)") }
            XCTAssertFalse(screen.contains("[200~"), "\(ending): bracketed paste is still on\n\(screen)")
        }
    }
}

extension TmuxClient {
    /// Pastes `text` as a terminal would: tmux adds the bracketed paste markers when the
    /// program asked for them, and sends line feeds as carriage returns.
    func paste(_ text: String) {
        let file = socketFolder.appendingPathComponent("paste-\(UUID().uuidString.prefix(6))")
        FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        run(["load-buffer", "-b", "deskterm-paste", file.path])
        run(["paste-buffer", "-p", "-d", "-b", "deskterm-paste", "-t", session])
    }
}
