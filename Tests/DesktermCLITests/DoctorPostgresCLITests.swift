import DeskPostgres
import Foundation
import XCTest

/// `deskterm doctor` on a PostgreSQL desk (the PostgreSQL pass of the CLI tests): the schema,
/// read marks, the ticket counters and the report's aggregates against a recount, which `--repair` recounts.
final class DoctorPostgresCLITests: XCTestCase {
    func testDoctorFindsACounterOutOfStepAndRepairRecountsIt() throws {
        guard try CLIBackend.selected() == .postgresql else {
            throw XCTSkip("PostgreSQL only: run with DESKTERM_TEST_BACKEND=postgresql through scripts/with-postgres (OperationsCLITests covers SQLite)")
        }
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "Jams daily."), "Created ticket #1\n")
        let healthy = desk.run(["doctor", "--format", "json"])
        XCTAssertEqual(healthy.status, 0, "\(healthy)")
        let report = try JSONDecoder().decode(HealthReportJSON.self, from: healthy.stdoutData)
        XCTAssertEqual(report.checked, ["schema", "readMarks", "counters", "reportAggregates"])
        XCTAssertEqual(report.rows["tickets"], 1)
        XCTAssertEqual(report.schema?.pending, [])

        _ = try PostgresConnection(address: desk.path).execute("UPDATE ticket_count SET n = n + 3 WHERE key = 'open'")
        let found = desk.run(["doctor"])
        XCTAssertEqual(found.status, 1, "\(found)")
        XCTAssertTrue(found.stdout.contains("FOUND counters (derived): ticket_count 'open' is 4, a recount gives 1"), "\(found)")
        let repaired = desk.run(["doctor", "--repair"])
        XCTAssertEqual(repaired.status, 0, "\(repaired)")
        XCTAssertTrue(repaired.stdout.contains("REPAIRED counters"), "\(repaired)")
        XCTAssertEqual(desk.run(["doctor"]).status, 0)
    }
}
