import DeskModel
import Foundation
import XCTest

/// Reading the desk in the full-screen client: lists, views, sort, opening, quitting,
/// resizing, the help overlay and changes made by other processes.
final class BrowseTUITests: XCTestCase {
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

    func testListShowsActiveViewWithCountsMovesSwitchesViewAndSorts() throws {
        try client.start()
        var screen = try client.waitForList()

        // The tabs count what the CLI counts (after the client's start-up maintenance).
        let views = [("recent", "Recent"), ("active", "Active"), ("mine", "Mine"), ("open", "All open"), ("all", "All")]
        for (view, title) in views {
            XCTAssertEqual(screen.tabCount(title), try desk.list(view: view).total, "tab \(title)\n\(screen)")
        }
        XCTAssertEqual(screen.activeTab, "2 Active \(screen.tabCount("Active") ?? -1)", "\(screen)")

        // The Active view's tickets, in the CLI's order, as many as fit (30 rows: 27).
        let active = try desk.list(view: "active")
        XCTAssertGreaterThan(active.tickets.count, 2)
        XCTAssertEqual(screen.listNumbers, Array(active.numbers.prefix(27)), "\(screen)")
        for ticket in active.tickets.prefix(27) {
            let row = screen.row(ticket.number) ?? ""
            let subject = String(asDrawn(ticket.subject).prefix(12))
            XCTAssertTrue(row.contains(subject), "row of #\(ticket.number) shows \(subject):\n\(row)")
            // Every row fills the width exactly: wide glyphs (CJK, emoji) shift nothing.
            XCTAssertEqual(tmuxWidth(row), 100, "row of #\(ticket.number) is 100 columns:\n\(row)")
        }
        XCTAssertEqual(screen.selectedNumber, active.numbers[0], "\(screen)")

        client.press("j")
        screen = try client.wait(for: "the second row selected") { $0.selectedNumber == active.numbers[1] }
        client.press("j", "j", "k")
        screen = try client.wait(for: "the third row selected") { $0.selectedNumber == active.numbers[2] }

        // 5: the All view, its tab highlighted, its count the CLI's total.
        let all = try desk.list(view: "all")
        client.press("5")
        screen = try client.wait(for: "the All view") { $0.activeTab.hasPrefix("5 All") && $0.listNumbers.first == all.numbers.first }
        XCTAssertEqual(screen.activeTab, "5 All \(all.total ?? -1)")
        XCTAssertEqual(screen.tabCount("All"), all.total)
        XCTAssertEqual(screen.listNumbers, Array(all.numbers.prefix(27)), "\(screen)")
        XCTAssertEqual(screen.selectedNumber, all.numbers[0])

        // s: sorted by last update, said on the bottom line; the selected ticket stays selected.
        client.press("j")
        screen = try client.wait(for: "the second row of All") { $0.selectedNumber == all.numbers[1] }
        let byUpdate = try desk.list(view: "all", sort: "updated")
        client.press("s")
        screen = try client.wait(for: "the sort by update") { $0.bottomLine.contains("Sorted by recently updated first") }
        XCTAssertTrue(screen.showsWindow(of: byUpdate.numbers), "\(byUpdate.numbers)\n\(screen)")
        XCTAssertEqual(screen.selectedNumber, all.numbers[1], "\(screen)")
        client.press("s")
        try client.wait(for: "the triage sort") { $0.bottomLine.contains("Sorted by triage rank") }
        client.press("o")
        screen = try client.wait(for: "the reversed triage sort") { $0.bottomLine.contains("Sorted by triage rank, reversed") }
        let triageReversed = try desk.list(view: "all", sort: "triage", oldestFirst: true).numbers
        XCTAssertTrue(screen.showsWindow(of: triageReversed), "\(triageReversed)\n\(screen)")
        XCTAssertEqual(screen.listNumbers.count, 27)
        XCTAssertEqual(screen.selectedNumber, all.numbers[1], "\(screen)")

        // Browsing changes nothing in the desk.
        XCTAssertEqual(try desk.list(view: "all"), all)
        XCTAssertEqual(try desk.list(view: "recent").total, 0)
    }

    func testEnterOpensTicketQBacksOutAndQuitsRestoringTheTerminal() throws {
        try client.start()
        try client.waitForList()
        // The first Active ticket with a history.
        let active = try desk.list(view: "active")
        guard let index = try active.tickets.firstIndex(where: { try !desk.ticket($0.number).messages.isEmpty }) else {
            return XCTFail("no active ticket with messages in the demo desk")
        }
        let number = active.numbers[index]
        let ticket = try desk.ticket(number)
        for _ in 0..<index { client.press("j") }
        try client.wait(for: "#\(number) selected") { $0.selectedNumber == number }

        client.press("Enter")
        var screen = try client.wait(for: "the detail of #\(number)") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #\(number) ") }
        XCTAssertTrue(screen.lines[1].contains(String(ticket.subject.prefix(12))), "\(screen)")
        XCTAssertTrue(screen.contains("History (\(ticket.messages.count))"), "\(screen)")
        XCTAssertTrue(screen.contains(String(ticket.description.prefix(20))), "\(screen)")
        XCTAssertNotNil(screen.line(containing: "Status"), "\(screen)")
        XCTAssertNil(screen.row(active.numbers[0] == number ? active.numbers[1] : active.numbers[0]), "the list is hidden at 100 columns\n\(screen)")

        client.press("q")
        try client.wait(for: "the list again, #\(number) selected") { $0.selectedNumber == number && $0.listNumbers.count > 1 }
        // The Recent count follows (on the client's next look at the desk, within a second).
        try client.wait(for: "the opened ticket counted in Recent") { $0.tabCount("Recent") == 1 }

        client.press("q")
        screen = try client.wait(forText: "EXITED=")
        XCTAssertTrue(screen.contains("EXITED=0 TTY=restored"), "\(screen)")
        XCTAssertFalse(screen.contains("Recent"), "the client's screen is gone\n\(screen)")
        XCTAssertEqual(client.display("#{alternate_on}"), "0")
        XCTAssertEqual(client.display("#{cursor_flag}"), "1", "the cursor is visible again")

        // Opening recorded the ticket as recently viewed; nothing else changed.
        XCTAssertEqual(try desk.list(view: "recent").numbers, [number])
        XCTAssertEqual(try desk.ticket(number), ticket)
    }

    func testResizeSwitchesLayoutAndKeepsTheSelection() throws {
        try client.start()
        try client.waitForList()
        let active = try desk.list(view: "active")
        let number = active.numbers[3]
        client.press("j", "j", "j")
        try client.wait(for: "the fourth row selected") { $0.selectedNumber == number }

        // 140 columns: list and detail side by side, divided by a rule.
        client.resize(columns: 140, rows: 40)
        var screen = try client.wait(for: "the side-by-side layout") { $0.lines.count == 40 && $0.contains("No ticket open") }
        XCTAssertEqual(screen.selectedNumber, number, "\(screen)")
        // The rule sits in one column on every row, whatever wide glyphs the rows hold.
        for line in screen.lines.dropFirst().dropLast() {
            let left = line.prefix { $0 != "│" }
            XCTAssertEqual(tmuxWidth(String(left)), 56, "the divider is at column 56:\n\(line)")
        }
        XCTAssertTrue(screen.topBar.hasSuffix("sort: newest first"), "the sort label fits at 140 columns\n\(screen)")
        XCTAssertEqual(screen.listNumbers, Array(active.numbers.prefix(37)))

        // Open it: the detail sits right of the list, which still shows the selection.
        client.press("Enter")
        screen = try client.wait(for: "#\(number) beside the list") { $0.lines[1].contains("│ #\(number) ") }
        XCTAssertEqual(screen.selectedNumber, number, "\(screen)")

        // 60 columns: one pane, the detail (it has the focus).
        client.resize(columns: 60, rows: 20)
        screen = try client.wait(for: "the single-pane layout") { $0.lines.count == 20 && $0.lines[1].hasPrefix(" #\(number) ") }
        XCTAssertFalse(screen.lines[1].contains("│"), "no divider in one pane\n\(screen)")
        XCTAssertFalse(screen.contains("# STATUS"), "no list beside the detail\n\(screen)")
        XCTAssertNil(screen.row(active.numbers[0]), "\(screen)")

        // Tab to the list at 60 columns: the same ticket is selected (and stays open).
        client.press("Tab")
        screen = try client.wait(for: "the list at 60 columns") { $0.selectedNumber != nil }
        XCTAssertEqual(screen.selectedNumber, number, "\(screen)")
        XCTAssertTrue(screen.lines.allSatisfy { $0.count <= 60 }, "\(screen)")

        // And wide again.
        client.resize(columns: 140, rows: 40)
        screen = try client.wait(for: "the side-by-side layout again") { $0.lines.count == 40 && $0.lines[1].contains("│ #\(number) ") }
        XCTAssertEqual(screen.selectedNumber, number, "\(screen)")
        for line in screen.lines.dropFirst().dropLast() {
            XCTAssertEqual(tmuxWidth(String(line.prefix { $0 != "│" })), 56, "the divider is at column 56:\n\(line)")
        }

        XCTAssertEqual(try desk.list(view: "recent").numbers, [number])
    }

    func testHelpOverlayShowsEveryKeyAndAnyKeyClosesIt() throws {
        try client.start()
        var screen = try client.waitForList()
        let before = try desk.list(view: "all")

        client.press("?")
        screen = try client.wait(forText: "┌─ Keys")
        let expected = [
            ("j down", "next ticket / scroll down"), ("enter", "open the selected ticket"), ("5", "view: All"),
            ("s", "sort: created / updated / triage"), ("r", "reply"), ("i", "internal note"), ("S", "change status"),
            ("n", "new ticket"), ("f", "follow-up of a closed ticket"), ("q", "back, then quit"),
            ("esc", "close search, composer or ticket"), ("y", "question: yes"), ("n esc enter", "question: no (the default)"),
            ("ctrl-c", "quit (drafts are kept)"), ("? f1", "this help"), ("ctrl-s", "composer: send"),
            ("esc", "composer: close, keep draft"), ("ctrl-x", "composer: discard draft"),
        ]
        // The help is taller than 100x30: what is below shows after G (its end).
        client.press("G")
        let end = try client.wait(for: "the help's end") { $0.contains("more above") }
        for (keys, label) in expected {
            XCTAssertTrue(screen.helpShows(keys, label) || end.helpShows(keys, label), "help shows \(keys): \(label)\n\(screen)\n\(end)")
        }
        XCTAssertFalse(screen.bottomLine.contains("apply"), "the help is not a menu\n\(screen)")

        // Any key closes it, and is not also taken as a command: n does not open a new ticket.
        client.press("n")
        screen = try client.wait(for: "the help closed") { !$0.contains("┌─ Keys") }
        XCTAssertFalse(screen.contains("New ticket"), "\(screen)")
        XCTAssertNotNil(screen.selectedNumber, "\(screen)")
        XCTAssertTrue(screen.bottomLine.contains("help"), "\(screen)")

        XCTAssertNil(try desk.draft(.newTicket))
        XCTAssertEqual(try desk.list(view: "all"), before)
    }

    func testTicketAddedByAnotherProcessAppearsWithinTwoSeconds() throws {
        try client.start()
        try client.waitForList()
        let all = try desk.list(view: "all")
        client.press("5")
        try client.wait(for: "the All view") { $0.activeTab.hasPrefix("5 All") && $0.listNumbers.first == all.numbers.first }
        client.press("j", "j")
        let selected = all.numbers[2]
        try client.wait(for: "the third row selected") { $0.selectedNumber == selected }

        let started = Date()
        let number = try desk.newTicket(subject: "Live refresh: the scanner driver", body: "Added from outside.", as: "aisha")
        let screen = try client.wait(for: "#\(number) in the list") {
            $0.row(number)?.contains("Live refresh: the scanner") == true && $0.tabCount("All") == (all.total ?? 0) + 1
        }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertLessThan(elapsed, 3, "the change showed after \(elapsed) s")
        XCTAssertEqual(screen.listNumbers.first, number, "\(screen)")
        XCTAssertEqual(screen.selectedNumber, selected, "the selection stays on the same ticket\n\(screen)")
        XCTAssertEqual(screen.activeTab, "5 All \((all.total ?? 0) + 1)")

        let after = try desk.list(view: "all")
        XCTAssertEqual(after.total, (all.total ?? 0) + 1)
        XCTAssertEqual(after.numbers, [number] + all.numbers)
    }
}
