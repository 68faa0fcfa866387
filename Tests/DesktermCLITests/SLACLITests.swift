import DeskModel
import Foundation
import XCTest

/// `deskterm sla` and the service levels on the command line (#13).
final class SLACLITests: XCTestCase {
    func testAdminsSetTargetsAndCalendarAndStaffReadThem() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["sla", "show"], user: "bob"), """
            Calendar: mon,tue,wed,thu,fri 09:00-17:00 UTC, no holidays

            Targets (first response / resolution, working time):
              tier      critical      serious       low           none
              premium   1h / 8h       2h / 16h      4h / 40h      8h / 80h
              priority  2h / 16h      4h / 24h      8h / 56h      16h / 120h
              standard  4h / 24h      8h / 40h      16h / 80h     24h / 160h

            """)
        assertRefused(desk.run(["sla", "show"], user: "ann"), "Not allowed: the service-level targets are for staff")
        assertRefused(desk.run(["sla", "set", "priority", "critical", "--first-response", "30m"], user: "bob"),
                      "Not allowed: only admins change the service levels")
        assertSucceeded(desk.run(["sla", "set", "priority", "critical", "--first-response", "30m", "--resolution", "1:30"], user: "root"),
                        "priority critical: first response 30m, resolution 1h30\n")
        assertRefused(desk.run(["sla", "set", "premium", "low", "--resolution", "soon"], user: "root"), "'soon' is not a time (4h, 90m, 1:30)")
        assertSucceeded(
            desk.run(["sla", "calendar", "--days", "mon-sat", "--hours", "08:00-18:30", "--time-zone", "Europe/Paris",
                      "--holiday", "2026-12-25", "--holiday", "2027-01-01"], user: "root"),
            "Calendar: mon,tue,wed,thu,fri,sat 08:00-18:30 Europe/Paris, holidays 2026-12-25, 2027-01-01\n")
        assertSucceeded(desk.run(["sla", "calendar", "--remove-holiday", "2027-01-01"], user: "root"),
                        "Calendar: mon,tue,wed,thu,fri,sat 08:00-18:30 Europe/Paris, holidays 2026-12-25\n")
        assertRefused(desk.run(["sla", "calendar", "--time-zone", "Moon/Base"], user: "root"),
                      "unknown time zone 'Moon/Base' (use an IANA name such as Europe/Paris)")
        let json = try JSONSerialization.jsonObject(with: desk.run(["sla", "show", "--format", "json"], user: "root").stdoutData) as? [String: Any]
        let priority = (json?["targets"] as? [String: Any])?["priority"] as? [String: Any]
        XCTAssertEqual(priority?["critical"] as? [String: Int], ["firstResponse": 30, "resolution": 90])
    }

    /// Round the clock, so that due times are the creation time plus the target whatever day
    /// the test runs on.
    private func roundTheClockDesk() throws -> TempDesk {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["sla", "calendar", "--days", "mon-sun", "--hours", "00:00-24:00"], user: "root"),
                        "Calendar: mon,tue,wed,thu,fri,sat,sun 00:00-24:00 UTC, no holidays\n")
        return desk
    }

    private func showJSON(_ desk: TempDesk, _ number: Int, as user: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: desk.run(["show", "\(number)", "--format", "json"], user: user).stdoutData) as? [String: Any] ?? [:]
    }

    func testStaffSeeDueTimesSortDueSoonFirstAndCountBreaches() throws {
        let desk = try roundTheClockDesk()
        // Acme is priority: critical 2h / 16h, low 8h / 56h; Other Ltd standard, none: 24h / 160h.
        for (user, urgency) in [("ann", "critical"), ("ann", "low"), ("olga", "none")] {
            XCTAssertEqual(desk.run(["new", "--subject", "About \(urgency)", "--urgency", urgency, "--body-file", "-"], user: user, stdin: "x").status, 0)
        }
        let shown = try showJSON(desk, 1, as: "bob")
        let due = try XCTUnwrap(shown["due"] as? [String: Any])
        let created = try XCTUnwrap(ISO8601DateFormatter().date(from: shown["created"] as? String ?? ""))
        // TicketDue encodes dates as ISO 8601 in JSON output.
        let first = try XCTUnwrap(ISO8601DateFormatter().date(from: due["firstResponseDue"] as? String ?? ""))
        let resolution = try XCTUnwrap(ISO8601DateFormatter().date(from: due["resolutionDue"] as? String ?? ""))
        XCTAssertEqual(first.timeIntervalSince(created), 2 * 3600)
        XCTAssertEqual(resolution.timeIntervalSince(created), 16 * 3600)
        XCTAssertNil(try showJSON(desk, 1, as: "ann")["due"], "customers are not shown the desk's targets")
        let text = desk.run(["show", "1"], user: "bob").stdout
        XCTAssertTrue(text.contains("  First reply  due "), text)
        XCTAssertTrue(text.contains("  Resolution   due "), text)
        XCTAssertFalse(desk.run(["show", "1"], user: "ann").stdout.contains("First reply"))

        XCTAssertEqual(try desk.numbers(["--view", "open"], as: "bob"), [3, 2, 1])
        XCTAssertEqual(try desk.numbers(["--view", "open", "--sort", "due"], as: "bob"), [1, 2, 3])
        XCTAssertEqual(try desk.numbers(["--view", "open", "--sort", "due", "--oldest-first"], as: "bob"), [3, 2, 1])
        assertRefused(desk.run(["list", "--sort", "due"], user: "ann"), "Not allowed: the due-soon order is for agents")
        assertSucceeded(desk.run(["sla", "counts"], user: "bob"), "Breached: 0\nDue within an hour: 0\n")

        // A first reply due at once: the next critical ticket is breached as it arrives, and
        // raising #2 to critical moves its due time back by the difference (8h → 0).
        assertSucceeded(desk.run(["sla", "set", "priority", "critical", "--first-response", "0"], user: "root"),
                        "priority critical: first response 0m, resolution 16h\n")
        XCTAssertEqual(desk.run(["new", "--subject", "Down now", "--urgency", "critical", "--body-file", "-"], user: "ann", stdin: "x").status, 0)
        assertSucceeded(desk.run(["edit", "2", "--urgency", "critical"], user: "bob"), "#2 edited: urgency\n")
        assertSucceeded(desk.run(["sla", "counts"], user: "bob"), "Breached: 2\nDue within an hour: 0\n")
        assertSucceeded(desk.run(["sla", "counts", "--mine"], user: "bob"), "Breached: 0\nDue within an hour: 0\n")
        XCTAssertEqual(try desk.numbers(["--view", "open", "--sort", "due"], as: "bob"), [2, 4, 1, 3])
        let table = desk.run(["list", "--view", "open", "--sort", "due"], user: "bob", columns: 100).lines
        XCTAssertTrue(table[0].hasSuffix("DUE"), table.joined(separator: "\n"))
        XCTAssertTrue(table[1].hasSuffix("! now"), table.joined(separator: "\n"))
        // An agent's public reply gives the first response: #2 is no longer breached.
        XCTAssertEqual(desk.run(["reply", "2", "--body-file", "-"], user: "bob", stdin: "On it.").status, 0)
        assertSucceeded(desk.run(["sla", "counts"], user: "bob"), "Breached: 1\nDue within an hour: 0\n")
        assertRefused(desk.run(["sla", "counts"], user: "ann"), "Not allowed: only agents see service-level counts")
    }
}
