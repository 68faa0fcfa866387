import DeskModel
import Foundation
import XCTest

/// Several accounts per person in the real client: the demo's Tom (a free-plan bakery and an
/// enterprise logistics firm) files an incident under his enterprise account from the form's
/// Account field; the logistics firm's contact sees it, his bakery colleagues do not.
final class AccountsTUITests: XCTestCase {
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

    func testTomFilesAnIncidentUnderHisEnterpriseAccount() throws {
        try client.start(user: "tom", columns: 100, rows: 30)
        try client.waitForList()
        client.press("n")
        var screen = try client.wait(forText: "New ticket")
        XCTAssertNotNil(screen.lines.first { $0.contains("Account") && $0.contains("Pebble & Pine Bakery") }, "the primary account first\n\(screen)")
        client.type("Forklift scanner offline")
        client.press("Tab")
        client.press("Right")
        try client.wait(for: "the other account") { $0.lines.contains { $0.contains("Account") && $0.contains("Tōkai Logistics") } }
        client.press("Tab")
        client.press("Right")
        screen = try client.wait(for: "Incident") { $0.lines.contains { $0.contains("Kind") && $0.contains("Incident") } }
        XCTAssertFalse(screen.contains("not in your plan"), "Tōkai's enterprise plan includes incidents\n\(screen)")
        // Shift-Tab from the subject wraps round to the description.
        client.press("BTab", "BTab", "BTab")
        client.type("The scanner at dock 4 is offline.")
        client.press("C-s")
        screen = try client.wait(for: "the confirmation") { $0.bottomLine.contains("created") }
        let message = try XCTUnwrap(screen.bottomLine.firstMatch(of: /Ticket #(\d+) created/), "\(screen)")
        let number = try XCTUnwrap(Int64(message.1))

        XCTAssertTrue(try desk.list(view: "all", as: "sato").tickets.map(\.number).contains(number), "Tōkai's contact sees it")
        XCTAssertFalse(try desk.list(view: "all", as: "aisha").tickets.map(\.number).contains(number), "a bakery colleague does not")
        XCTAssertEqual(try desk.ticket(number).kind, "incident")
    }
}
