import DeskModel
import Foundation
import XCTest

/// The composer's way out and in: discarding a draft, help from the composer, End in menus.
final class FormsTUITests: XCTestCase {
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

    func testCtrlXDiscardsAWrittenDraftAfterAskingAndF1HelpsInTheComposer() throws {
        try client.start()
        let number = try XCTUnwrap(client.waitForList().selectedNumber)
        client.press("Enter")
        try client.wait(for: "the detail of #\(number)") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #\(number) ") }
        client.press("r")
        try client.wait(forText: "Reply to #\(number)")

        client.press("F1")
        try client.wait(for: "the help") { $0.contains("composer: discard draft") }
        client.press("Escape")
        try client.wait(for: "the help closed") { !$0.contains("composer: discard draft") }

        client.type("not worth sending")
        try client.wait(forText: "not worth sending")
        XCTAssertEqual(try desk.draft(.reply(ticketNumber: number))?.body, "not worth sending")
        client.press("C-x")
        try client.wait(forText: "Discard this draft for good? (y/N)")
        client.press("n")
        var screen = try client.wait(for: "the question gone") { !$0.contains("Discard this draft") }
        XCTAssertTrue(screen.contains("not worth sending"), "n keeps the draft\n\(screen)")

        client.press("C-x")
        try client.wait(forText: "Discard this draft for good? (y/N)")
        client.press("y")
        screen = try client.wait(for: "the discard") { $0.bottomLine.contains("Draft discarded") }
        XCTAssertFalse(screen.contains("Reply to #\(number)"), "the composer closed\n\(screen)")
        XCTAssertNil(try desk.draft(.reply(ticketNumber: number)))
    }

    func testEndAndHomeJumpInTheStatusMenu() throws {
        try client.start()
        let number = try XCTUnwrap(client.waitForList().selectedNumber)
        client.press("Enter")
        try client.wait(for: "the detail of #\(number)") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #\(number) ") }
        client.press("S")
        try client.wait(forText: "Change status #\(number)")
        // Home then End: the highlight ends on the last transition, which for an agent is Closed.
        client.press("Home", "End", "Enter")
        // Closing is final, so it asks first.
        try client.wait(forText: "Close #\(number) for good?")
        client.press("y")
        try client.wait(for: "the change") { $0.bottomLine.contains("#\(number) is now closed") }
        XCTAssertEqual(try desk.ticket(number).status, "closed")
    }
}
