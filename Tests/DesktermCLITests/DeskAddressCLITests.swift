import Foundation
import XCTest

/// `--db` and `DESKTERM_DB` name a desk file or a PostgreSQL address. This build has no
/// PostgreSQL backend yet: every command says so plainly and fails, never takes the address
/// for a relative path (which made a folder named `postgresql:`), never shows its password.
final class DeskAddressCLITests: XCTestCase {
    static let address = "postgresql://desk_user:s3cret@db.example.com/desk"
    static let shown = "postgresql://desk_user:********@db.example.com/desk"
    static let unsupported = "\(shown) is a PostgreSQL desk, and PostgreSQL desks are not supported by this build yet; give a desk file path instead"

    /// Runs `deskterm` in the desk's folder, so that anything taken for a relative path lands there.
    private func run(_ desk: TempDesk, _ arguments: [String], environment extra: [String: String] = [:]) -> CLIResult {
        runProcess(desk.binary, arguments, environment: desk.environment(user: "bob").merging(extra) { $1 }, currentDirectory: desk.directory)
    }

    private func assertNothingWritten(_ desk: TempDesk, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: desk.directory.path), [], file: file, line: line)
    }

    func testEveryCommandRefusesAPostgreSQLDeskGivenWithDB() throws {
        let desk = try TempDesk()
        for arguments in [
            ["init", "--admin", "sam"], ["list"], ["show", "1"], ["org", "add", "Acme"], ["user", "list"], ["maintain"],
            ["audit"], ["bench", "--repetitions", "1"], ["--demo"], [],
        ] {
            let result = run(desk, ["--db", Self.address] + arguments)
            assertRefused(result, Self.unsupported)
            XCTAssertFalse(result.stderr.contains("s3cret"))
        }
        try assertNothingWritten(desk)
    }

    func testDESKTERM_DBNamesAPostgreSQLDeskTooAndPostgresIsTheSameScheme() throws {
        let desk = try TempDesk()
        let address = "postgres://desk_user:s3cret@db.example.com/desk"
        let shown = "postgres://desk_user:********@db.example.com/desk"
        for arguments in [["init"], ["list"], ["new", "--subject", "Printer jams", "--body-file", "-"], ["maintain"]] {
            assertRefused(
                run(desk, arguments, environment: ["DESKTERM_DB": address]),
                "\(shown) is a PostgreSQL desk, and PostgreSQL desks are not supported by this build yet; give a desk file path instead")
        }
        // --db wins over the environment: a file desk still works with DESKTERM_DB set.
        assertSucceeded(run(desk, ["--db", desk.path, "init"], environment: ["DESKTERM_DB": address]), "Created desk deskterm at \(desk.path)\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: desk.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: desk.file("postgres:").path))
    }

    func testTheDemoGeneratorsWantADeskFile() throws {
        let desk = try TempDesk()
        for arguments in [["demo"], ["demo", "--tickets", "3000"]] {
            assertRefused(run(desk, ["--db", Self.address] + arguments), "deskterm demo writes a new desk file; give --db a file path")
        }
        try assertNothingWritten(desk)
    }

    func testAnAddressOfAnotherKindIsRefusedWithoutItsPassword() throws {
        let desk = try TempDesk()
        for arguments in [["init"], ["list"]] {
            assertRefused(
                run(desk, ["--db", "mysql://root:hunter2@db.example.com/desk"] + arguments),
                "'mysql://root:********@db.example.com/desk' is not a desk address deskterm knows: give a file path (a SQLite desk) or a postgresql:// address")
        }
        try assertNothingWritten(desk)
    }
}
