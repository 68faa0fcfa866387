import Foundation
import XCTest

/// `deskterm report` (#14): the team lead's figures as a table (piped: plain numbers) and as
/// JSON with stable keys, in the chosen language; customers are refused.
final class ReportCLITests: XCTestCase {
    /// Two tickets today: Acme's (priority, critical) answered by bob and closed, Other Ltd's open.
    private func deskWithTwoTickets() throws -> TempDesk {
        let desk = try makeWorld()
        for (user, urgency) in [("ann", "critical"), ("olga", "none")] {
            XCTAssertEqual(desk.run(["new", "--subject", "About \(urgency)", "--urgency", urgency, "--body-file", "-"], user: user, stdin: "x").status, 0)
        }
        XCTAssertEqual(desk.run(["assign", "1", "bob"], user: "bob").status, 0)
        XCTAssertEqual(desk.run(["reply", "1", "--body-file", "-"], user: "bob", stdin: "Fixed.").status, 0)
        XCTAssertEqual(desk.run(["status", "1", "closed"], user: "bob").status, 0)
        return desk
    }

    func testTableAndJSONForStaff() throws {
        let desk = try deskWithTwoTickets()
        let table = desk.run(["report", "--since", "7d"], user: "bob", columns: 80)
        XCTAssertEqual(table.status, 0, "\(table)")
        let lines = table.stdout.components(separatedBy: "\n")
        XCTAssertTrue(lines[0].hasPrefix("Report: 7 days from "), table.stdout)
        XCTAssertEqual(lines[1], "Opened 2 · Closed 1 · Backlog 1")
        // Piped: the days are numbers, not a chart.
        XCTAssertFalse(table.stdout.contains("▁"), table.stdout)
        XCTAssertTrue(table.stdout.contains("  day    opened  closed"), table.stdout)
        XCTAssertTrue(table.stdout.contains("""
            Backlog by status and urgency
                        Critical  Serious  Low  None  total
              new              0        0    0     1      1
              open             0        0    0     0      0
            """), table.stdout)
        XCTAssertTrue(table.stdout.contains("""
            Busiest organisations
              organisation  opened  open now
              Acme Corp          1         0
              Other Ltd          1         1
            """), table.stdout)
        XCTAssertTrue(table.stdout.hasSuffix("""
            Agent load
              agent  open now  closed
              bob           0       1
              dora          0       0
              root          0       0

            """), table.stdout)
        for line in lines { XCTAssertLessThanOrEqual(line.count, 80, line) }

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: desk.run(["report", "--since", "1w", "--format", "json"], user: "root").stdoutData) as? [String: Any])
        XCTAssertEqual(Set(json.keys), ["firstDay", "days", "perDay", "backlog", "tiers", "busiestOrganisations", "agents"])
        XCTAssertEqual(json["days"] as? Int, 7)
        let perDay = try XCTUnwrap(json["perDay"] as? [[String: Any]])
        XCTAssertEqual(perDay.count, 7)
        XCTAssertEqual(perDay.map { $0["opened"] as? Int ?? 0 }.reduce(0, +), 2)
        XCTAssertEqual(perDay.map { $0["closed"] as? Int ?? 0 }.reduce(0, +), 1)
        let backlog = try XCTUnwrap(json["backlog"] as? [[String: Any]])
        XCTAssertEqual(backlog.map { "\($0["status"] ?? "") \($0["urgency"] ?? "") \($0["count"] ?? "")" }, ["new none 1"])
        let tiers = try XCTUnwrap(json["tiers"] as? [[String: Any]])
        XCTAssertEqual(tiers.map { $0["tier"] as? String }, ["premium", "priority", "standard"])
        let priority = try XCTUnwrap(tiers[1]["firstResponse"] as? [String: Any])
        XCTAssertEqual(priority["count"] as? Int, 1)
        XCTAssertEqual(priority["met"] as? Int, 1)
        let agents = try XCTUnwrap(json["agents"] as? [[String: Any]])
        XCTAssertEqual(agents.map { "\($0["handle"] ?? "") \($0["open"] ?? "") \($0["closed"] ?? "")" }, ["bob 0 1", "dora 0 0", "root 0 0"])

        let acme = try XCTUnwrap(JSONSerialization.jsonObject(with: desk.run(["report", "--org", "Acme Corp", "--format", "json"], user: "bob").stdoutData) as? [String: Any])
        XCTAssertEqual(acme["organisation"] as? String, "Acme Corp")
        XCTAssertEqual(acme["days"] as? Int, 30)
        XCTAssertEqual((acme["backlog"] as? [Any])?.count, 0)
    }

    func testRefusalsAndTheChosenLanguage() throws {
        let desk = try deskWithTwoTickets()
        assertRefused(desk.run(["report"], user: "ann"), "Not allowed: only agents see reports")
        assertRefused(desk.run(["report", "--format", "json"], user: "carl"), "Not allowed: only agents see reports")
        assertRefused(desk.run(["report", "--since", "soon"], user: "bob"), "'soon' is not a period (30d, 7, 12w)")
        assertRefused(desk.run(["report", "--since", "500d"], user: "bob"), "A report covers 1 to 400 days")
        assertRefused(desk.run(["report", "--org", "Nobody"], user: "bob"), "No organisation named 'Nobody'")
        let french = desk.run(["report", "--since", "7", "--language", "fr"], user: "bob")
        XCTAssertEqual(french.status, 0, "\(french)")
        XCTAssertTrue(french.stdout.hasPrefix("Rapport : 7 jours à partir du "), french.stdout)
        XCTAssertTrue(french.stdout.contains("Ouverts 2 · Fermés 1 · En cours 1\n"), french.stdout)
        XCTAssertTrue(french.stdout.contains("Charge des agents\n"), french.stdout)
        assertRefused(desk.run(["report", "--language", "fr"], user: "ann"), "Non autorisé : seuls les agents voient les rapports")
    }
}
