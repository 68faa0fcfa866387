import DeskModel
import Foundation
import XCTest

/// Unread markers, the notice of a message arriving while composing, tags and a bulk status
/// change, in the real client driven through tmux while other processes write to the desk.
final class UnreadAndBulkTUITests: XCTestCase {
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

    func testAReplyFromACustomerMarksTheRowUntilOpenedAndIsAnnouncedWhileComposing() throws {
        try client.start()
        try client.waitForList()
        // Read after the client's start-up maintenance, which may close idle pending tickets.
        let mine = try desk.list(view: "mine")
        let target = try XCTUnwrap(mine.tickets.first { $0.status != "closed" && $0.status != "pending" }, "alice has an open ticket")
        client.press("3")
        try client.wait(for: "the Mine view") { $0.activeTab.hasPrefix("3 Mine") && $0.row(target.number) != nil }

        // Opened once, the ticket is read; back in the list it carries no mark.
        client.press("#")
        client.type(String(target.number))
        client.press("Enter")
        try client.wait(for: "the detail of #\(target.number)") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #\(target.number) ") }
        client.press("Escape")
        var screen = try client.wait(for: "the list, #\(target.number) read") { $0.row(target.number) != nil && $0.rowMark(target.number) == nil }
        let unreadBefore = Int(screen.tabUnread("Mine") ?? "0") ?? 0

        // The requester replies from another process: the row is marked and Mine counts it.
        XCTAssertEqual(desk.cli(["reply", String(target.number), "--body-file", "-"], user: target.requester, stdin: "Still broken here.").status, 0)
        screen = try client.wait(for: "#\(target.number) marked unread") {
            $0.rowMark(target.number) == "•" && $0.tabUnread("Mine") == String(unreadBefore + 1)
        }

        // Opening it reads it: the mark and the count go.
        client.press("#")
        client.type(String(target.number))
        client.press("Enter")
        try client.wait(for: "the detail of #\(target.number)") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #\(target.number) ") }
        client.press("Escape")
        screen = try client.wait(for: "#\(target.number) read again") {
            $0.rowMark(target.number) == nil && (Int($0.tabUnread("Mine") ?? "0") ?? 0) == unreadBefore
        }

        // While alice writes a reply, another message arrives: announced, her text kept.
        client.press("#")
        client.type(String(target.number))
        client.press("Enter")
        try client.wait(for: "the detail of #\(target.number)") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #\(target.number) ") }
        client.press("r")
        try client.wait(forText: "Reply to #\(target.number)")
        client.type("Half written answer")
        try client.wait(forText: "Half written answer")
        XCTAssertEqual(desk.cli(["reply", String(target.number), "--body-file", "-"], user: target.requester, stdin: "And now the screen is blank.").status, 0)
        screen = try client.wait(for: "the notice") { $0.bottomLine.contains("New message from") && $0.bottomLine.contains("on #\(target.number)") }
        XCTAssertTrue(screen.contains("Half written answer"), "the composer keeps its text\n\(screen)")
        client.type(", go on")
        try client.wait(forText: "Half written answer, go on")
    }

    func testNMarksTheSelectedRowUnreadAndOpeningReadsItAgain() throws {
        try client.start()
        var screen = try client.waitForList()
        client.press("5")
        screen = try client.wait(for: "the All view, a row without mark selected") { s in
            s.activeTab.hasPrefix("5 All") && s.selectedNumber.map { s.rowMark($0) == nil } == true
        }
        let number = try XCTUnwrap(screen.selectedNumber)
        let unreadBefore = Int(screen.tabUnread("All") ?? "0") ?? 0
        client.press("N")
        screen = try client.wait(for: "#\(number) marked unread") {
            $0.rowMark(number) == "•" && $0.bottomLine.contains("#\(number) marked unread") && $0.tabUnread("All") == String(unreadBefore + 1)
        }
        client.press("Enter")
        try client.wait(for: "the detail of #\(number)") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #\(number) ") }
        client.press("Escape")
        try client.wait(for: "#\(number) read") { $0.row(number) != nil && $0.rowMark(number) == nil }
    }

    func testTagTheMineViewAndSetItPendingWithOneQuestionAndOneSummary() throws {
        try client.start()
        try client.waitForList()
        let mine = try desk.list(view: "mine")
        XCTAssertGreaterThan(mine.tickets.count, 1)
        client.press("3")
        try client.wait(for: "the Mine view") { $0.activeTab.hasPrefix("3 Mine") && !$0.listNumbers.isEmpty }

        // t tags the selected row and moves down; t again on it untags.
        client.press("t")
        var screen = try client.wait(for: "one tag") { $0.bottomLine.contains("1 tagged") }
        XCTAssertEqual(screen.rowMark(mine.numbers[0]), "*", "\(screen)")
        XCTAssertEqual(screen.selectedNumber, mine.numbers[1], "\(screen)")
        client.press("k", "t")
        try client.wait(for: "no tag") { !$0.bottomLine.contains("tagged") && $0.rowMark(mine.numbers[0]) != "*" }

        // T tags the whole view.
        client.press("T")
        screen = try client.wait(for: "the view tagged") { $0.bottomLine.contains("Tagged \(mine.tickets.count) tickets") }
        for number in screen.listNumbers { XCTAssertEqual(screen.rowMark(number), "*", "#\(number)\n\(screen)") }

        // S offers the statuses for the tags; 3 is Pending; one question.
        client.press("S")
        try client.wait(forText: "Change status of \(mine.tickets.count) tickets")
        client.press("3")
        screen = try client.wait(forText: "Set \(mine.tickets.count) tickets to pending? (y/N)")
        client.press("y")
        screen = try client.wait(for: "the summary", timeout: 10) { $0.bottomLine.contains("(now pending)") }

        let after = try desk.list(view: "mine")
        let before = Dictionary(uniqueKeysWithValues: mine.tickets.map { ($0.number, $0.status) })
        let changed = after.tickets.filter { $0.status == "pending" && before[$0.number] != "pending" }
        let refused = mine.tickets.count - changed.count
        XCTAssertTrue(screen.bottomLine.contains("Changed \(changed.count) (now pending)"), "\(screen)")
        if refused > 0 { XCTAssertTrue(screen.bottomLine.contains("\(refused) refused: #"), "\(screen)") }
        for ticket in after.tickets where before[ticket.number] == "closed" {
            XCTAssertEqual(ticket.status, "closed", "a closed ticket is refused, untouched")
        }
        // The tags are spent.
        client.press("j")
        screen = try client.wait(for: "no marks") { s in s.listNumbers.allSatisfy { s.rowMark($0) != "*" } }
        XCTAssertFalse(screen.bottomLine.contains("tagged"), "\(screen)")
    }
}
