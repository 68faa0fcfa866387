import DeskModel
import Foundation
import XCTest

/// The edit form in the real client: an agent opens a ticket, presses `E`, rewrites the
/// subject, saves with Ctrl-S, and the ticket shows the new subject and the edited event.
final class TicketEditTUITests: XCTestCase {
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

    func testAnAgentEditsASubjectAndSeesTheEditedEvent() throws {
        try client.start(columns: 132, rows: 40)
        let number = try XCTUnwrap(client.waitForList().selectedNumber)
        let before = try desk.ticket(number, as: "alice")
        client.press("Enter")
        try client.wait(for: "the detail of #\(number)") { $0.lines.count > 1 && $0.lines[1].contains("#\(number) ") }
        client.press("E")
        var screen = try client.wait(forText: "Edit ticket #\(number)")
        XCTAssertTrue(screen.contains("Kind"), "agents edit the kind too\n\(screen)")
        client.press("C-u")
        client.type("Printer on floor 3 offline")
        client.press("C-s")
        screen = try client.wait(for: "the saved edit") { $0.bottomLine.contains("#\(number) edited") }
        XCTAssertFalse(screen.contains("Edit ticket #\(number)"), "the form closed\n\(screen)")

        XCTAssertEqual(try desk.ticket(number, as: "alice").subject, "Printer on floor 3 offline")
        // The newest event is at the end of the history.
        client.press("G")
        screen = try client.wait(forText: "Edited by")
        let event = try XCTUnwrap(screen.line(containing: "Edited by"), "\(screen)")
        XCTAssertTrue(event.contains("“" + String(before.subject.prefix(8))), "the old subject is shown: \(event)\n\(screen)")
    }
}
