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
}
