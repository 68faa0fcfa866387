import DeskModel
import Foundation
import XCTest

/// Service levels in the real client (#13): the due-soon order, the list's "!" and "~" marks,
/// and the due times in the ticket header, for an agent; none of it for a customer.
final class ServiceLevelTUITests: XCTestCase {
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

    func testAnAgentSortsDueSoonFirstAndSeesBreachedAndDueSoonMarks() throws {
        // Round the clock, so that the due times do not depend on when the test runs; a
        // critical ticket's first reply due at once, a serious one's in 30 minutes, every tier.
        XCTAssertEqual(desk.cli(["sla", "calendar", "--days", "mon-sun", "--hours", "00:00-24:00"], user: "sam").status, 0)
        for tier in ["standard", "priority", "premium"] {
            XCTAssertEqual(desk.cli(["sla", "set", tier, "critical", "--first-response", "0"], user: "sam").status, 0)
            XCTAssertEqual(desk.cli(["sla", "set", tier, "serious", "--first-response", "30m"], user: "sam").status, 0)
        }
        let breached = try desk.newTicket(subject: "Checkout is down", body: "Nothing loads.", as: "alice",
                                          extra: ["--urgency", "critical", "--requester", "meg"])
        let soon = try desk.newTicket(subject: "Slow exports", body: "Exports take an hour.", as: "alice",
                                      extra: ["--urgency", "serious", "--requester", "meg"])
        try client.start(extraArguments: ["--start-view", "open", "--start-sort", "due"])
        try client.waitForList()
        // The mark stands left of the time since the last update.
        func marked(_ screen: Screen, _ subject: String, _ mark: String) -> Bool {
            screen.line(containing: subject)?.range(of: "\\\(mark) +now$", options: .regularExpression) != nil
        }
        let screen = try client.wait(for: "the marks") { marked($0, "Checkout is down", "!") && marked($0, "Slow exports", "~") }
        // Due soonest first: the breached one before the one due in 30 minutes.
        let rows = screen.lines
        XCTAssertLessThan(try XCTUnwrap(rows.firstIndex { $0.contains("#\(breached) ") }), try XCTUnwrap(rows.firstIndex { $0.contains("#\(soon) ") }))
        XCTAssertTrue(screen.topBar.contains("due"), "the sort is named: \(screen)")
        // The breached ticket comes first; its header says what was missed.
        client.press("Enter")
        try client.wait(for: "the header") { $0.contains("First reply") && $0.contains("! breached, was due") }

        // A customer sees neither marks nor due times.
        try client.start(user: "meg")
        try client.waitForList()
        let customer = try client.wait(forText: "Slow exports")
        XCTAssertFalse(customer.line(containing: "Checkout is down")?.contains("!") ?? true, "\(customer)")
        XCTAssertFalse(customer.line(containing: "Slow exports")?.contains("~") ?? true, "\(customer)")
    }
}
