import Foundation
import XCTest

/// The Reports screen in the real client (#14): an agent's `D` shows the desk's figures, the
/// same as `deskterm report` prints for the same desk (line for line without colour, as a
/// chart with colour), `[` and `]` change the period, Esc and `q` leave; a customer's `D`
/// does nothing at all.
final class ReportsTUITests: XCTestCase {
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

    private struct ReportJSON: Decodable {
        struct Day: Decodable { var day: String; var opened: Int; var closed: Int }
        struct Backlog: Decodable { var count: Int }
        var days: Int
        var firstDay: String
        var perDay: [Day]
        var backlog: [Backlog]
    }

    private func reportJSON(since: String = "30d") throws -> ReportJSON {
        let result = desk.cli(["report", "--since", since, "--format", "json"])
        guard result.status == 0 else { throw TUITestFailure(description: "report --format json failed: \(result)") }
        return try JSONDecoder().decode(ReportJSON.self, from: result.stdoutData)
    }

    /// `deskterm report --format table` piped (plain numbers), as wide as the screen's text.
    private func reportTable(since: String = "30d", columns: Int) throws -> [String] {
        var environment = desk.environment
        environment["COLUMNS"] = String(columns)
        let result = runTool(desk.binary.path, ["--db", desk.path, "--user", "alice", "report", "--since", since, "--format", "table"],
                             environment: environment)
        guard result.status == 0 else { throw TUITestFailure(description: "report --format table failed: \(result)") }
        var lines = result.stdout.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The screen's report lines as the command prints them: the text starts in column 2.
    private func reportLines(_ screen: Screen) -> [String] {
        screen.lines.dropFirst().dropLast().map { $0.hasPrefix(" ") ? String($0.dropFirst()) : $0 }
    }

    func testAnAgentSeesTheDesksFiguresAsTheCommandPrintsThemAndChangesThePeriod() throws {
        let before = try reportJSON()
        for subject in ["Printer on fire", "Badge reader offline"] {
            _ = try desk.newTicket(subject: subject, body: "Since this morning.", as: "alice", extra: ["--requester", "meg"])
        }

        // Without colour the days are numbers and the screen is the command's table, line for
        // line, at the same width (132 columns less a margin each side: two columns of sections).
        try client.start(columns: 132, rows: 40, environment: ["NO_COLOR": "1"])
        try client.waitForList()
        // Read after the client started: starting, it closes the demo's idle pending tickets.
        let report = try reportJSON()
        let today = try XCTUnwrap(report.perDay.last)
        XCTAssertEqual(today.opened, try XCTUnwrap(before.perDay.last).opened + 2, "the two new tickets count today")
        let opened = report.perDay.map(\.opened).reduce(0, +), closed = report.perDay.map(\.closed).reduce(0, +)
        let backlog = report.backlog.map(\.count).reduce(0, +)
        client.press("D")
        var screen = try client.wait(for: "the report") { $0.contains("Agent load") }
        XCTAssertTrue(screen.topBar.contains(" Reports"), "the Reports tab\n\(screen)")
        let table = try reportTable(columns: 130)
        XCTAssertEqual(Array(reportLines(screen).prefix(table.count)), table, "\(screen)")
        XCTAssertEqual(screen.lines[1], " Report: 30 days from \(report.firstDay)")
        XCTAssertEqual(screen.lines[2], " Opened \(opened) · Closed \(closed) · Backlog \(backlog)")
        let todayRow = try XCTUnwrap(screen.line(containing: " \(today.day.dropFirst(5)) "), "\(screen)")
        XCTAssertNotNil(todayRow.range(of: "\(today.day.dropFirst(5)) +\(today.opened) +\(today.closed)( |$)", options: .regularExpression),
                        "today's row: \(todayRow)")
        XCTAssertFalse(screen.contains("▁") || screen.contains("█"), "no chart without colour\n\(screen)")

        // `]` a longer period, `[` shorter: 30 -> 90 -> 30 -> 7 days, each as the command has it.
        client.press("]")
        screen = try client.wait(forText: "Report: 90 days from")
        XCTAssertEqual(Array(reportLines(screen).prefix(3)), Array(try reportTable(since: "90d", columns: 130).prefix(3)), "\(screen)")
        client.press("[", "[")
        screen = try client.wait(forText: "Report: 7 days from")
        let week = try reportTable(since: "7d", columns: 130)
        XCTAssertEqual(Array(reportLines(screen).prefix(week.count)), week, "\(screen)")
        client.press("q")
        screen = try client.waitForList()
        XCTAssertFalse(screen.topBar.contains("Reports") || screen.contains("Report: "), "closed\n\(screen)")

        // With colour, at 100x30: the days are a chart scaled to the busiest day, the rest as before.
        try client.start()
        try client.waitForList()
        client.press("D")
        screen = try client.wait(forText: "peak")
        let peak = report.perDay.map { max($0.opened, $0.closed) }.max() ?? 0
        let chart = try XCTUnwrap(screen.line(containing: "peak"), "\(screen)")
        XCTAssertTrue(chart.hasPrefix(" opened ") && chart.hasSuffix(" peak \(peak)"), chart)
        XCTAssertNotNil(chart.range(of: "[▁▂▃▄▅▆▇█]", options: .regularExpression), chart)
        XCTAssertEqual(Array(reportLines(screen).prefix(2)), Array(try reportTable(columns: 98).prefix(2)), "\(screen)")
        client.press("Escape")
        screen = try client.waitForList()
        XCTAssertFalse(screen.topBar.contains("Reports") || screen.contains("Report: "), "closed\n\(screen)")
    }

    func testACustomersDIsNoKeyAtAll() throws {
        try client.start(user: "meg")
        let before = try client.waitForList()
        client.press("D")
        // The help is drawn after `D` was read: by then `D` has done whatever it does.
        client.press("?")
        let help = try client.wait(forText: "┌─ Keys")
        XCTAssertFalse(help.contains("team lead's figures"), "the help does not list reports\n\(help)")
        client.press("?")
        let after = try client.wait(for: "the list again") { !$0.contains("┌─ Keys") && $0.selectedNumber != nil }
        // The bottom line may have shown a notice of the start (idle tickets closed) before.
        XCTAssertEqual(after.lines.dropLast(), before.lines.dropLast(), "no report, nothing changed")
        XCTAssertTrue(after.bottomLine.hasPrefix(" enter open"), "the keys, no refusal: \(after.bottomLine)")
    }
}
