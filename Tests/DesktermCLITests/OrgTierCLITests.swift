import DeskModel
import Foundation
import XCTest

/// `deskterm org set NAME --tier TIER`: the organisation's open tickets' due times follow
/// the new tier's targets (#13).
final class OrgTierCLITests: XCTestCase {
    private func dueOffsets(_ desk: TempDesk, _ number: Int) throws -> [TimeInterval] {
        let shown = try JSONSerialization.jsonObject(with: desk.run(["show", "\(number)", "--format", "json"], user: "bob").stdoutData)
            as? [String: Any] ?? [:]
        let due = try XCTUnwrap(shown["due"] as? [String: Any])
        let created = try XCTUnwrap(ISO8601DateFormatter().date(from: shown["created"] as? String ?? ""))
        return try ["firstResponseDue", "resolutionDue"].map { key in
            try XCTUnwrap(ISO8601DateFormatter().date(from: due[key] as? String ?? "")).timeIntervalSince(created)
        }
    }

    func testANewTierMovesTheOpenTicketsDueTimes() throws {
        let desk = try makeWorld()
        // Round the clock, so that due times are the creation time plus the target.
        assertSucceeded(desk.run(["sla", "calendar", "--days", "mon-sun", "--hours", "00:00-24:00"], user: "root"),
                        "Calendar: mon,tue,wed,thu,fri,sat,sun 00:00-24:00 UTC, no holidays\n")
        // Acme Corp is priority: critical 2h / 16h; premium critical is 1h / 8h.
        XCTAssertEqual(desk.run(["new", "--subject", "Down", "--urgency", "critical", "--body-file", "-"], user: "ann", stdin: "x").status, 0)
        XCTAssertEqual(try dueOffsets(desk, 1), [2 * 3600, 16 * 3600])

        assertRefused(desk.run(["org", "set", "Acme Corp", "--tier", "premium"], user: "bob"), "Not allowed: only admins change the service levels")
        assertRefused(desk.run(["org", "set", "Acme Corp"], user: "root"), "Nothing to change: give --mail-domain DOMAIN or --tier TIER")
        assertRefused(desk.run(["org", "set", "Nobody", "--tier", "premium"], user: "root"), "No organisation named 'Nobody'")
        XCTAssertEqual(try dueOffsets(desk, 1), [2 * 3600, 16 * 3600])

        assertSucceeded(desk.run(["org", "set", "Acme Corp", "--tier", "premium"], user: "root"),
                        "Acme Corp: support tier premium; the due times of 1 open ticket follow it\n")
        XCTAssertEqual(try dueOffsets(desk, 1), [1 * 3600, 8 * 3600])
        let orgs = desk.run(["org", "list", "--format", "json"], user: "root").stdout
        XCTAssertTrue(orgs.contains(#""tier":"premium""#) || orgs.contains(#""tier" : "premium""#), orgs)
    }
}
