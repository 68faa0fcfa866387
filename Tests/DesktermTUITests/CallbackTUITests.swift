import DeskModel
import Foundation
import XCTest

/// Call-back requests in the real client: an agent's list marks the ticket of an open request
/// with a telephone sign, and the mark goes when the call is recorded, without a key pressed.
final class CallbackTUITests: XCTestCase {
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

    func testTheAgentsListMarksAnOpenCallBackUntilTheCallIsRecorded() throws {
        // Lena's organisation (Hafenwerk Kühn) is on the business plan.
        let number = try desk.newTicket(subject: "Scanner offline in Halle 3", body: "Seit heute Morgen.", as: "lena")
        let asked = desk.cli(["callback", "request", "\(number)", "--phone", "+49 40 1234 5678", "--window", "14:00-16:00",
                              "--zone", "Europe/Berlin"], user: "lena")
        XCTAssertEqual(asked.status, 0, "\(asked)")
        try client.start(user: "alice", columns: 110, rows: 30)
        try client.waitForList()
        client.press("5")
        var screen = try client.wait(forText: "✆ Scanner offline in Halle 3")
        XCTAssertTrue(screen.contains("#\(number)"), "\(screen)")

        XCTAssertEqual(desk.cli(["callback", "take", "\(number)"], user: "alice").status, 0)
        XCTAssertEqual(desk.cli(["callback", "done", "\(number)", "--outcome", "reached"], user: "alice").status, 0)
        screen = try client.wait(for: "the mark to go") { !$0.contains("✆ Scanner offline") && $0.contains("Scanner offline in Halle 3") }
        XCTAssertTrue(screen.contains("#\(number)"), "\(screen)")
    }

    func testACustomerFilesARequestWithANoteThroughTheFormAndTheAgentSeesIt() throws {
        let number = try desk.newTicket(subject: "Scanner offline in Halle 3", body: "Seit heute Morgen.", as: "lena")
        try client.start(user: "lena", columns: 100, rows: 30, environment: ["TZ": "Europe/Berlin"])
        try client.waitForList()
        client.press("C")
        var screen = try client.wait(forText: "Ask to be called back about ticket #\(number)")
        // The demo desk kept Lena's number from an earlier request: the form offers it and
        // starts at the window.
        XCTAssertEqual(screen.line(containing: "Phone")?.contains("+49 40 1234 5678"), true, "\(screen)")
        XCTAssertEqual(screen.line(containing: "Time zone")?.contains("Europe/Berlin"), true, "\(screen)")
        // A window without its end is refused beside the field; the form stays.
        client.type("14:00")
        client.press("Enter")
        screen = try client.wait(forText: "is not a time window")
        // The refused field has the caret.
        client.press("C-u")
        client.type("14:00-16:00")
        client.press("Tab", "Tab")
        client.type("Ring twice, the lab is loud")
        client.press("Enter")
        screen = try client.wait(forText: "Call-back requested for ticket #\(number)")
        XCTAssertFalse(screen.contains("Ring twice"), "the form closed: \(screen)")

        let shown = desk.cli(["callback", "show", "\(number)"], user: "alice")
        XCTAssertEqual(shown.status, 0, "\(shown)")
        for text in ["requested", "14:00-16:00", "Europe/Berlin", "+49 40 1234 5678", "Ring twice, the lab is loud", "lena"] {
            XCTAssertTrue(shown.stdout.contains(text), "\(text) in \(shown.stdout)")
        }
    }
}
