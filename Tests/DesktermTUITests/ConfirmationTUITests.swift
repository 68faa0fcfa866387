import DeskModel
import Foundation
import XCTest

/// In a real terminal: Esc on the list does not end the session, q does, and closing a
/// ticket for good waits for a yes; ticket keys work from the list row.
final class ConfirmationTUITests: XCTestCase {
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

    func testEscOnTheListStaysAndQQuits() throws {
        try client.start()
        try client.waitForList()
        client.press("Escape")
        var screen = try client.wait(for: "the hint") { $0.bottomLine.contains("Esc does not quit: press q to quit") }
        XCTAssertFalse(screen.contains("EXITED="), "\(screen)")
        client.press("q")
        screen = try client.wait(for: "the session's end") { $0.contains("EXITED=") }
        XCTAssertTrue(screen.contains("EXITED=0 TTY=restored"), "\(screen)")
    }

    func testClosingFromTheListRowAsksAndOnlyYesCloses() throws {
        try client.start()
        let number = try XCTUnwrap(client.waitForList().selectedNumber)
        XCTAssertNotEqual(try desk.ticket(number).status, "closed")

        // S on the list row opens the ticket and its status menu at once.
        client.press("S")
        var screen = try client.wait(forText: "Change status #\(number)")
        let closedRow = try XCTUnwrap(screen.line(containing: " Closed "), "\(screen)")
        let digit = try XCTUnwrap(closedRow.split(separator: "│").dropFirst().first?.trimmingCharacters(in: .whitespaces).first)
        client.press(String(digit))
        screen = try client.wait(forText: "Close #\(number) for good?")
        XCTAssertTrue(screen.contains("A follow-up will be needed"), "\(screen)")
        client.press("Enter")
        try client.wait(for: "the question gone") { !$0.contains("for good?") }
        XCTAssertNotEqual(try desk.ticket(number).status, "closed", "Enter answers the default, no")

        client.press("S")
        try client.wait(forText: "Change status #\(number)")
        client.press(String(digit))
        try client.wait(forText: "Close #\(number) for good?")
        client.press("y")
        try client.wait(for: "the ticket closed") { $0.bottomLine.contains("#\(number) is now closed") }
        XCTAssertEqual(try desk.ticket(number).status, "closed")
    }

    func testReplyFromTheListRowOpensTheComposerForThatRow() throws {
        try client.start()
        try client.waitForList()
        client.press("j")
        let screen = try client.wait(for: "the second row") { $0.selectedNumber != nil && $0.listNumbers.count > 1 && $0.selectedNumber == $0.listNumbers[1] }
        let number = try XCTUnwrap(screen.selectedNumber)
        client.press("r")
        try client.wait(forText: "Reply to #\(number)")
    }
}
