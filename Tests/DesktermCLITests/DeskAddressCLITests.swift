import Foundation
import XCTest

/// `--db` and `DESKTERM_DB` name a desk file or a PostgreSQL address. A PostgreSQL desk that
/// cannot be reached (here: no server on the socket directory the address names, so that no
/// test depends on the network) makes every command fail plainly, never take the address for
/// a relative path (which made a folder named `postgresql:`), never show its password.
final class DeskAddressCLITests: CLITestCase {
    /// An address with a password, whose server would listen in `directory` (nothing does).
    static func address(scheme: String = "postgresql", in directory: URL) -> String {
        "\(scheme)://desk_user:s3cret@/desk?host=\(directory.path)"
    }

    static func shown(scheme: String = "postgresql", in directory: URL) -> String {
        "\(scheme)://desk_user:********@/desk?host=\(directory.path)"
    }

    /// Runs `deskterm` in the desk's folder, so that anything taken for a relative path lands there.
    private func run(_ desk: TempDesk, _ arguments: [String], environment extra: [String: String] = [:]) -> CLIResult {
        runProcess(desk.binary, arguments, environment: desk.environment(user: "bob").merging(extra) { $1 }, currentDirectory: desk.directory)
    }

    private func assertNothingWritten(_ desk: TempDesk, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: desk.directory.path), [], file: file, line: line)
    }

    /// Failed with a message that names the desk without its password and says it cannot be reached.
    private func assertUnreachable(_ result: CLIResult, _ shown: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.status, 1, "\(result)", file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix("deskterm: Storage error: cannot reach the desk at \(shown): "), "\(result)", file: file, line: line)
        XCTAssertFalse(result.stderr.contains("s3cret"), "\(result)", file: file, line: line)
    }

    func testEveryCommandReportsAnUnreachablePostgreSQLDeskGivenWithDB() throws {
        let desk = try TempDesk()
        for arguments in [
            ["init", "--admin", "sam"], ["list"], ["show", "1"], ["org", "add", "Acme"], ["user", "list"], ["maintain"],
            ["audit"], ["bench", "--repetitions", "1"], ["--demo"], [],
        ] {
            assertUnreachable(run(desk, ["--db", Self.address(in: desk.directory)] + arguments), Self.shown(in: desk.directory))
        }
        try assertNothingWritten(desk)
    }

    func testDESKTERM_DBNamesAPostgreSQLDeskTooAndPostgresIsTheSameScheme() throws {
        let desk = try TempDesk()
        let address = Self.address(scheme: "postgres", in: desk.directory)
        for arguments in [["init"], ["list"], ["new", "--subject", "Printer jams", "--body-file", "-"], ["maintain"]] {
            assertUnreachable(
                run(desk, arguments, environment: ["DESKTERM_DB": address]), Self.shown(scheme: "postgres", in: desk.directory))
        }
        // --db wins over the environment: a file desk still works with DESKTERM_DB set.
        assertSucceeded(run(desk, ["--db", desk.path, "init"], environment: ["DESKTERM_DB": address]), "Created desk deskterm at \(desk.path)\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: desk.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: desk.file("postgres:").path))
    }

    /// A demo on a PostgreSQL desk is generated, then copied there (CopyCLITests); a desk that
    /// cannot be reached fails before anything is generated.
    func testTheDemoGeneratorsCheckAPostgreSQLDeskBeforeGenerating() throws {
        let desk = try TempDesk()
        for arguments in [["demo"], ["demo", "--tickets", "3000"]] {
            assertUnreachable(run(desk, ["--db", Self.address(in: desk.directory)] + arguments), Self.shown(in: desk.directory))
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
