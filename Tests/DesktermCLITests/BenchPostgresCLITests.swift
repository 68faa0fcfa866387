import Foundation
import XCTest

/// `deskterm bench --db postgresql://…` drives the client headless on a PostgreSQL desk as it
/// does on a file: every interaction measured, the ticket to open found on that desk, the desk
/// left as the next run needs it. Timings are not asserted (they are published in
/// docs/PERFORMANCE.md); that it runs, on what, and what it leaves behind are.
final class BenchPostgresCLITests: XCTestCase {
    private struct BenchJSON: Decodable {
        struct Report: Decodable {
            struct Interaction: Decodable {
                var name: String
                var samples: Int
                var p50Milliseconds: Double
            }
            var columns: Int
            var rows: Int
            var tickets: Int
            var interactions: [Interaction]
        }
        var database: String
        var reports: [Report]
        var peakResidentKilobytes: Int
    }

    func testBenchRunsOnAPostgreSQLDeskAndPutsBackWhatTheNextRunStartsFrom() throws {
        let desk = try TempDesk()
        let scratch = try PostgresScratchDesk(self)
        let address = scratch.address
        func run(_ arguments: [String], user: String? = nil, stdin: String? = nil) -> CLIResult {
            runProcess(desk.binary, ["--db", address] + (user.map { ["--user", $0] } ?? []) + arguments,
                       stdin: stdin.map { Data($0.utf8) }, environment: desk.environment())
        }
        func succeed(_ arguments: [String], user: String? = nil, stdin: String? = nil) {
            let result = run(arguments, user: user, stdin: stdin)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result)")
        }
        succeed(["init", "--admin", "sam", "--admin-name", "Sam Admin", "--admin-email", "sam@desk.example"])
        succeed(["org", "add", "Acme Corp", "--plan", "pro"], user: "sam")
        succeed(["user", "add", "alice", "--name", "Alice Agent", "--role", "agent"], user: "sam")
        succeed(["user", "add", "bob", "--name", "Bob Agent", "--role", "agent"], user: "sam")
        succeed(["user", "add", "ann", "--name", "Ann Acme", "--org", "Acme Corp"], user: "sam")
        let subjects = ["VPN sync drops", "Printer jams", "Invoice sync wrong", "Login loops", "Export is slow", "Sync stalls nightly"]
        for subject in subjects {
            succeed(["new", "--subject", subject, "--body-file", "-", "--force"], user: "ann", stdin: "\(subject): details of the sync.")
        }
        // Ticket 2 gets the longest thread: the benchmark opens and scrolls it.
        for index in 1...5 {
            succeed(["reply", "2", "--body-file", "-"], user: index.isMultiple(of: 2) ? "ann" : "alice", stdin: "Reply \(index) about the jam.")
        }
        let assignedBefore = try assignees(run, count: subjects.count)
        let settingsBefore = run(["settings"], user: "alice")
        XCTAssertEqual(settingsBefore.status, 0, "\(settingsBefore)")

        let result = run(["bench", "--sizes", "100x30", "--repetitions", "2", "--ticket", "2", "--format", "json"], user: "alice")
        XCTAssertEqual(result.status, 0, "\(result)")
        let bench = try JSONDecoder().decode(BenchJSON.self, from: result.stdoutData)
        XCTAssertTrue(bench.database.hasPrefix("postgresql:///"), bench.database)
        XCTAssertEqual(bench.reports.map { "\($0.columns)x\($0.rows)" }, ["100x30"])
        let report = try XCTUnwrap(bench.reports.first)
        XCTAssertEqual(report.tickets, subjects.count)
        let names = report.interactions.map(\.name)
        // The description, five replies and the events the viewer sees: the thread was read
        // from PostgreSQL, not taken for empty.
        let opening = try XCTUnwrap(names.first { $0.hasPrefix("open the longest ticket (") }, "\(names)")
        XCTAssertNotEqual(opening, "open the longest ticket (0 messages)")
        for wanted in ["cold start to first frame", "move one row (j)", "page down", "switch to All", "jump to a number",
                       "scroll the longest ticket", "type a character in the composer", "search a common word (sync)",
                       "snippets for a common word (sync)", "apply a filter (status:open", "tag 1,000 tickets (T)",
                       "bulk assign 1,000 tagged tickets"] {
            XCTAssertTrue(names.contains { $0.hasPrefix(wanted) }, "\(wanted) missing from \(names)")
        }
        // Six tickets make one batch of the bulk assignment: no "one batch" sample beyond it.
        XCTAssertTrue(report.interactions.filter { !$0.name.hasPrefix("bulk assign: one batch") }.allSatisfy { $0.samples > 0 && $0.p50Milliseconds > 0 },
                      "\(report.interactions)")
        XCTAssertGreaterThan(bench.peakResidentKilobytes, 0)

        // The bulk assignment goes to another agent and back: every ticket ends with alice,
        // whoever had it.
        XCTAssertEqual(try assignees(run, count: subjects.count), Array(repeating: "alice", count: subjects.count),
                       "before the bench: \(assignedBefore)")
        // The view and order the client saved on its way are put back; the composer's typing
        // and paste left no draft.
        // (A default stays the same value, now stored: `settings` no longer says "(default)".)
        func effective(_ output: String) -> String { output.replacingOccurrences(of: " (default)", with: "") }
        let settingsAfter = run(["settings"], user: "alice").stdout
        XCTAssertEqual(effective(settingsAfter), effective(settingsBefore.stdout))
        XCTAssertTrue(settingsBefore.stdout.hasPrefix("view   active (default)\n"), settingsBefore.stdout)
        XCTAssertEqual(try scratch.count("draft"), 0)
    }

    private func assignees(_ run: ([String], String?, String?) -> CLIResult, count: Int) throws -> [String] {
        try (1...count).map { number in
            let result = run(["show", String(number), "--format", "json"], "sam", nil)
            XCTAssertEqual(result.status, 0, "\(result)")
            return try JSONDecoder.desk.decode(TicketJSON.self, from: result.stdoutData).assignee ?? "-"
        }
    }
}

/// A database of its own on the server `scripts/with-postgres` starts, made and dropped with
/// `psql` (this target does not link libpq); the test skips, saying why, without that server.
struct PostgresScratchDesk {
    let address: String

    init(_ test: XCTestCase) throws {
        guard let server = ProcessInfo.processInfo.environment["DESKTERM_TEST_POSTGRES"], !server.isEmpty else {
            throw XCTSkip("DESKTERM_TEST_POSTGRES is not set: run these tests through scripts/with-postgres (scripts/test does)")
        }
        let name = "bench_cli_\(UUID().uuidString.prefix(8).lowercased())"
        try Self.psql(server, "CREATE DATABASE \(name)")
        address = Self.address(server, database: name)
        test.addTeardownBlock { try? Self.psql(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    }

    /// Rows of `table` (with any condition after its name), read with psql.
    func count(_ table: String) throws -> Int {
        let output = try Self.psql(address, "SELECT count(*) FROM \(table)", tuplesOnly: true)
        return Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @discardableResult
    private static func psql(_ server: String, _ statement: String, tuplesOnly: Bool = false) throws -> String {
        let result = runProcess(URL(fileURLWithPath: "/usr/bin/psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1"] + (tuplesOnly ? ["-At"] : []) + ["-d", server, "-c", statement],
                                environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
        struct Failed: Error, CustomStringConvertible { var description: String }
        guard result.status == 0 else { throw Failed(description: "psql could not run '\(statement)': \(result)") }
        return result.stdout
    }

    /// The server's address with another database: `postgresql://authority/NAME?options`.
    static func address(_ server: String, database: String) -> String {
        let parts = server.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        guard let schemeEnd = parts[0].range(of: "://")?.upperBound else { return server }
        let authority = parts[0][schemeEnd...].prefix { $0 != "/" }
        return "\(parts[0][..<schemeEnd])\(authority)/\(database)" + (parts.count > 1 ? "?" + parts[1] : "")
    }
}
