import DeskModel
import Foundation
import XCTest

/// In tmux: `y` puts "#N Subject" on the clipboard (tmux keeps OSC 52 writes as paste buffers)
/// but not in the desk's SSH session; `W` adds a colleague as watcher and the detail shows them.
final class CopyAndWatchersTUITests: XCTestCase {
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

    func testYCopiesTheSelectedTicketsReference() throws {
        try client.start(clipboard: true)
        let number = try XCTUnwrap(try client.waitForList().selectedNumber)
        let subject = try desk.ticket(number).subject
        client.press("y")
        let screen = try client.wait(forText: "Copied #\(number)")
        XCTAssertTrue(screen.bottomLine.contains("Copied #\(number) \(asDrawn(subject).prefix(20))"), "\(screen)")
        XCTAssertEqual(client.run(["show-buffer"]).stdout, "#\(number) \(subject)")
    }

    func testYCopiesNothingInTheDesksSSHSession() throws {
        try client.start(clipboard: true, sshSessionOf: "camille")
        try client.waitForList()
        client.press("y")
        try client.wait(forText: "Copying to the clipboard is off in SSH sessions")
        XCTAssertEqual(client.run(["list-buffers"]).stdout, "", "no clipboard write reached tmux")
    }

    func testYCopiesInTheSSHSessionOfAUserWhoTurnedItOn() throws {
        XCTAssertEqual(desk.cli(["settings", "set", "osc52", "on"], user: "camille").status, 0)
        try client.start(clipboard: true, sshSessionOf: "camille")
        let number = try XCTUnwrap(try client.waitForList().selectedNumber)
        let subject = try desk.ticket(number).subject
        client.press("y")
        try client.wait(forText: "Copied #\(number)")
        XCTAssertEqual(client.run(["show-buffer"]).stdout, "#\(number) \(subject)")
    }

    func testWAddsAColleagueAsWatcherAndTheDetailShowsThem() throws {
        try client.start()
        let number = try XCTUnwrap(try client.waitForList().selectedNumber)
        let before = try desk.ticket(number).watchers
        client.press("W")
        var screen = try client.wait(forText: "Watchers of #\(number)")
        // The first person offered who does not watch yet (a digit picks a row).
        let offered = (1...9).compactMap { digit in screen.lines.first { $0.contains("│ \(digit) ") }.map { (digit, $0) } }
        let (digit, row) = try XCTUnwrap(offered.first { !$0.1.contains("✓") }, "\(screen)")
        let handle = try XCTUnwrap(row.split(separator: "(").last?.split(separator: ")").first.map(String.init), row)
        XCTAssertFalse(before.contains(handle), "\(handle) already watches:\n\(screen)")
        client.press(String(digit))
        screen = try client.wait(forText: "\(handle) now watches #\(number)")
        XCTAssertEqual(try desk.ticket(number).watchers, (before + [handle]).sorted())
        screen = try client.wait(for: "the watchers line") { $0.lines.contains { $0.hasPrefix(" Watchers") && $0.contains(handle) } }
        // Again: now marked, and choosing them removes them.
        client.press("W")
        screen = try client.wait(forText: "Watchers of #\(number)")
        XCTAssertTrue(screen.contains("✓ "), "\(screen)")
    }
}
