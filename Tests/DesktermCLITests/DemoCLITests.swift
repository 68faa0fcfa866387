import DeskModel
import Foundation
import XCTest

/// `deskterm demo`: deterministic for a seed and an end time, varied enough to show every
/// status, kind and urgency, and never written over an existing file.
final class DemoCLITests: CLITestCase {
    override class func tearDown() {
        SharedDemo.shared.release()
        super.tearDown()
    }

    func testTheSameSeedGivesTheSameDesk() throws {
        let shared = try SharedDemo.shared.get()
        let second = try TempDesk(file: "again.sqlite")
        assertSucceeded(second.run(["demo"] + SharedDemo.seedArguments), """
            Created demo desk at \(second.path): 6 organisations, 19 users, 60 tickets
            Try: deskterm --db \(second.path) --user alice list   (agents: alice, benoit, chiara, kenji; admin: sam)

            """)
        for arguments in [["list", "--view", "all", "--format", "json", "--limit", "100"],
                          ["list", "--view", "all", "--format", "json", "--limit", "100", "--sort", "triage"],
                          ["user", "list", "--format", "json"], ["org", "list", "--format", "json"]] {
            let one = shared.run(arguments, user: "sam")
            let two = second.run(arguments, user: "sam")
            XCTAssertEqual(one.status, 0, "\(one)")
            XCTAssertFalse(one.stdout.isEmpty)
            XCTAssertEqual(one.stdout, two.stdout, "\(arguments)")
        }
        // Whole histories too, internal notes and attachments included.
        for number in ["1", "17", "60"] {
            XCTAssertEqual(shared.run(["show", number, "--format", "json"], user: "sam").stdout,
                           second.run(["show", number, "--format", "json"], user: "sam").stdout, "#\(number)")
        }
        // Another seed gives another desk.
        let other = try TempDesk(file: "other.sqlite")
        XCTAssertEqual(other.run(["demo", "--seed", "8", "--now", "2026-11-20T12:00:00Z", "--tickets", "60"]).status, 0)
        XCTAssertNotEqual(other.run(["list", "--view", "all", "--format", "json"], user: "sam").stdout,
                          shared.run(["list", "--view", "all", "--format", "json"], user: "sam").stdout)
    }

    func testTheDemoShowsEveryStatusKindAndUrgency() throws {
        let desk = try SharedDemo.shared.get()
        let all = try desk.list(["--view", "all", "--limit", "100"], as: "alice")
        XCTAssertEqual(all.total, 60)
        XCTAssertEqual(Set(all.tickets.map(\.status)), Set(TicketStatus.allCases.map(\.rawValue)))
        XCTAssertEqual(Set(all.tickets.map(\.kind)), Set(TicketKind.allCases.map(\.rawValue)))
        XCTAssertEqual(Set(all.tickets.map(\.urgency)), Set(Urgency.allCases.map(\.rawValue)))
        // History ends at --now, and starts within the 90 days before it.
        let end = ISO8601DateFormatter().date(from: "2026-11-20T12:00:00Z")!
        XCTAssertTrue(all.tickets.allSatisfy { $0.updated <= end && $0.created >= end.addingTimeInterval(-90 * 86_400) })
        // Free-plan customers have no incidents.
        XCTAssertFalse(all.tickets.contains { $0.organisation == "Pebble & Pine Bakery" && $0.kind == "incident" })
        // Follow-ups point at closed tickets.
        for row in all.tickets where row.subject.hasPrefix("Follow-up: ") {
            let ticket = try desk.ticket(row.number, as: "alice")
            let original = try XCTUnwrap(ticket.followUpOf, "#\(row.number)")
            XCTAssertEqual(try desk.ticket(original, as: "alice").status, "closed")
        }
    }

    func testDemoRefusesAnExistingFile() throws {
        let desk = try SharedDemo.shared.get()
        let listing = desk.run(["list", "--view", "all", "--format", "json"], user: "sam").stdout
        let before = try Data(contentsOf: URL(fileURLWithPath: desk.path))
        assertRefused(desk.run(["demo"] + SharedDemo.seedArguments), "\(desk.path) already exists; remove it or give another --db")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: desk.path)), before)
        XCTAssertEqual(desk.run(["list", "--view", "all", "--format", "json"], user: "sam").stdout, listing)

        let text = try TempDesk(file: "notes.txt")
        try Data("notes".utf8).write(to: URL(fileURLWithPath: text.path))
        assertRefused(text.run(["demo"]), "\(text.path) already exists; remove it or give another --db")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: text.path)), Data("notes".utf8))

        let fresh = try TempDesk()
        assertRefused(fresh.run(["demo", "--tickets", "0"]), "--tickets must be between 1 and 10000000")
        assertRefused(fresh.run(["demo", "--now", "soon"]), "'soon' is not a time: use ISO 8601, e.g. 2026-12-01T09:00:00Z")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: fresh.directory.path), [])
    }
}
