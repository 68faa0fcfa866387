import DeskModel
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// `deskterm import csv --bulk`, end to end: a SQLite desk without tickets takes the whole
/// import in one transaction (the default there), readers see the desk as it was until it
/// commits, and a killed import leaves nothing; `--bulk` adds to a SQLite desk with tickets
/// too, and is refused on PostgreSQL.
final class ImportBulkCLITests: CLITestCase {
    private func total(_ desk: TempDesk, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let list = desk.run(["list", "--view", "all", "--limit", "1", "--format", "json"], user: "bob")
        XCTAssertEqual(list.status, 0, "\(list)", file: file, line: line)
        return try JSONDecoder.desk.decode(TicketListJSON.self, from: list.stdoutData).total ?? -1
    }

    private func rows(_ range: ClosedRange<Int>) -> String {
        var text = "subject,body,priority\n"
        for index in range { text += "Printer \(index) offline,Floor \(index % 7) printer shows error \(index).,\(["low", "high"][index % 2])\n" }
        return text
    }

    /// SQLite only (`CLISQLiteOnlyTests`): kills the import while its one transaction is open.
    func testAKilledBulkImportLeavesTheDeskAsItWasAndRunningItAgainImportsEverything() throws {
        let desk = try makeWorld()
        let count = 20_000
        let path = try desk.write("big.csv", rows(1...count))
        let arguments = ["import", "csv", path, "--map", "subject=subject", "--map", "body=body", "--map", "priority=priority",
                         "--batch-size", "100", "--format", "json", "--now", "2024-02-24T00:00:00Z"]

        let process = Process()
        process.executableURL = desk.binary
        process.arguments = ["--db", desk.path, "--user", "root"] + arguments
        process.environment = desk.environment()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Readers do not wait for the import, and see none of it before it commits.
        for _ in 0..<5 {
            usleep(300_000)
            XCTAssertEqual(try total(desk), 0)
        }
        XCTAssertTrue(process.isRunning, "the import ended before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)

        XCTAssertEqual(try total(desk), 0, "one transaction: nothing of a killed import stays")
        assertDoctorPasses(desk)

        let all = try importSummary(desk.run(arguments, user: "root"))
        XCTAssertEqual([all.tickets, all.alreadyPresent, all.skipped.count], [count, 0, 0])
        XCTAssertEqual(try total(desk), count)
        assertDoctorPasses(desk)
        let search = desk.run(["search", "shows error \(count)", "--format", "json"], user: "bob")
        XCTAssertEqual(search.status, 0, "\(search)")
        XCTAssertTrue(search.stdout.contains("Printer \(count) offline"), "the word index holds the import: \(search)")

        let again = try importSummary(desk.run(arguments, user: "root"))
        XCTAssertEqual([again.tickets, again.alreadyPresent], [0, count])
    }

    func testBulkAddsToADeskWithTicketsOnSQLiteAndIsRefusedOnPostgreSQL() throws {
        let desk = try makeWorld()
        let first = try desk.write("first.csv", rows(1...30))
        let second = try desk.write("second.csv", rows(31...50))
        func arguments(_ path: String, _ flag: String) -> [String] {
            ["import", "csv", path, "--map", "subject=subject", "--map", "body=body", "--map", "priority=priority",
             flag, "--batch-size", "7", "--format", "json", "--now", "2024-02-24T00:00:00Z"]
        }
        XCTAssertEqual(try importSummary(desk.run(arguments(first, "--no-bulk"), user: "root")).tickets, 30)
        let bulk = desk.run(arguments(second, "--bulk"), user: "root")
        switch try CLIBackend.selected() {
        case .postgresql:
            assertRefused(bulk, "--bulk is for SQLite desks; a PostgreSQL desk imports in batches")
            XCTAssertEqual(try total(desk), 30)
        case .sqlite:
            XCTAssertEqual(try importSummary(bulk).tickets, 20)
            XCTAssertEqual(try total(desk), 50)
            let numbers = try desk.list(["--view", "all", "--limit", "100"], as: "bob").tickets.map(\.number)
            XCTAssertEqual(Set(numbers), Set(1...50), "numbered on from the desk's last ticket")
            let search = desk.run(["search", "shows error 50", "--format", "json"], user: "bob")
            XCTAssertTrue(search.stdout.contains("Printer 50 offline"), "\(search)")
            XCTAssertTrue(desk.run(["search", "shows error 3", "--format", "json"], user: "bob").stdout.contains("Printer 3 offline"),
                          "the tickets there before stay in the word index")
            assertDoctorPasses(desk)
        }
        let again = try importSummary(desk.run(arguments(first, "--no-bulk"), user: "root"))
        XCTAssertEqual([again.tickets, again.alreadyPresent], [0, 30])
    }
}
