import DeskModel
import DeskPostgres
import DeskPostgresStore
import Foundation
import XCTest

/// The backend the command-line end-to-end tests' desks live on, chosen like the store tests'
/// (`DESKTERM_TEST_BACKEND`: `sqlite`, the default, or `postgresql` with the server in
/// `DESKTERM_TEST_POSTGRES`, set by scripts/with-postgres). The same tests drive the real
/// binary on either; those that are about SQLite's files are listed in `CLISQLiteOnlyTests`.
/// An unknown name fails every desk loudly, never falling back to SQLite.
enum CLIBackend: String {
    case sqlite
    case postgresql

    static func selected() throws -> CLIBackend {
        guard let name = ProcessInfo.processInfo.environment["DESKTERM_TEST_BACKEND"], !name.isEmpty else { return .sqlite }
        guard let backend = CLIBackend(rawValue: name) else {
            throw CLIBackendError("DESKTERM_TEST_BACKEND=\(name) names no backend the CLI tests know (sqlite, postgresql)")
        }
        return backend
    }
}

/// The CLI tests' desks on PostgreSQL: each a new, empty database on the test server (so that
/// `init` and `Desk.open(create:)` make the desk, as they do a new file), dropped when its
/// `TempDesk` goes.
final class CLIPostgresDesks: @unchecked Sendable {
    static let shared = CLIPostgresDesks()

    private let lock = NSLock()
    private var counter = 0
    private let processTag = "\(ProcessInfo.processInfo.processIdentifier)_\(UUID().uuidString.prefix(6).lowercased())"

    /// The address of a new, empty database.
    func newDatabase() throws -> String {
        let server = try Self.server()
        PostgresDeskStorage.register()
        let name = lock.withLock { () -> String in
            counter += 1
            return "desk_cli_\(processTag)_\(counter)"
        }
        try PostgresConnection(address: server).executeScript("CREATE DATABASE \(name)")
        return server + (server.contains("?") ? "&" : "?") + "dbname=\(name)"
    }

    /// Drops the database at `address`, ending connections still open to it (a client killed
    /// by a test may have left one).
    func drop(address: String) {
        guard let server = try? Self.server(), let name = address.components(separatedBy: "dbname=").last,
              name.hasPrefix("desk_cli_") else { return }
        try? PostgresConnection(address: server).executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    private static func server() throws -> String {
        guard let server = ProcessInfo.processInfo.environment["DESKTERM_TEST_POSTGRES"], !server.isEmpty else {
            throw CLIBackendError("DESKTERM_TEST_BACKEND=postgresql needs a server in DESKTERM_TEST_POSTGRES: run the tests through scripts/with-postgres")
        }
        return server
    }
}

/// A CLI test class with tests that need a SQLite desk: they are skipped, with their reason,
/// when the tests run on another backend. (Classes with no such test need not inherit it.)
class CLITestCase: XCTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try CLISQLiteOnlyTests.skipUnlessSQLite(self)
    }
}

/// The CLI tests that are about SQLite by nature, each with why; every other CLI test runs on
/// every backend.
enum CLISQLiteOnlyTests {
    /// Whole test classes.
    static let classes: [String: String] = [
        "DemoCLITests": "`deskterm demo` writes a new desk file",
        "DemoFirstUseCLITests": "the first use writes the demo desk file",
        "CopyCLITests": "copies between desk files and PostgreSQL databases it makes itself (it runs in the SQLite pass, beside the test cluster)",
        "CopyInterruptionCLITests": "copies between desk files and PostgreSQL databases it makes itself (it runs in the SQLite pass, beside the test cluster)",
        "OperationsCLITests": "backup, restore and verify are about desk files (doctor on PostgreSQL: DoctorPostgresCLITests)",
        "BackupUnderLoadCLITests": "backs up a desk file while writers run",
        "UpgradeFixtureCLITests": "the fixtures are desk files made by older versions",
    ]

    /// Single tests, as "Class.testName".
    static let tests: [String: String] = [
        "CommandFamiliesLanguageCLITests.testOperationsReportInTheChosenLanguage": "backs up and verifies a desk file (its PostgreSQL refusal is checked on an address of its own)",
        "RefusalLanguageCLITests.testBackupRestoreAndVerifyRefuseAndReportInTheChosenLanguage": "backs up, restores and checks the modes of a desk file",
        "DeskAddressCLITests.testDESKTERM_DBNamesAPostgreSQLDeskTooAndPostgresIsTheSameScheme": "--db naming a desk file wins over DESKTERM_DB: the file is made",
        "DeskFileCLITests.testALockedDeskTimesOutWithAClearMessageAndWritesNothing": "holds SQLite's write lock from another process",
        "DeskFileCLITests.testAMissingDeskPointsToInit": "no file is made at a missing desk's path (PostgreSQL: PostgresDeskCLITests)",
        "DeskFileCLITests.testAReadOnlyDeskIsRefusedAndUnchanged": "file and folder modes of the desk file",
        "DeskFileCLITests.testATextFileIsNotADeskAndIsLeftAlone": "what is at a desk file's path",
        "DeskFileCLITests.testAnotherProgramsSQLiteFileIsNotADeskAndIsLeftAlone": "another program's SQLite file at the desk's path",
        "DeskSafetyCLITests.testADamagedDeskSaysSoInsteadOfNotADesk": "damages the desk file's bytes",
        "DeskSafetyCLITests.testAFIFOIsRefusedAtOnceInsteadOfHanging": "a named pipe at the desk file's path",
        "DeskSafetyCLITests.testAnEmptyFileIsNotTurnedIntoADeskByAReadingCommand": "an empty file at the desk's path (PostgreSQL: an empty database, PostgresDeskCLITests)",
        "DeskSafetyCLITests.testAnSSHCommandAnswersWhileAnotherProcessWritesAndIsAuditedAfter": "holds SQLite's write lock from another process",
        "DeskSafetyCLITests.testReadOnlyCommandsAnswerWhileAnotherProcessWrites": "holds SQLite's write lock from another process",
        "ImportBulkCLITests.testAKilledBulkImportLeavesTheDeskAsItWasAndRunningItAgainImportsEverything": "kills SQLite's one-transaction bulk import (PostgreSQL imports in batches: ImportBatchCLITests)",
                "EventWordingCLITests.testAnEventStoredWithoutAPayloadKeepsItsText": "writes an old desk's event with raw SQL on the SQLite file",
        "InvisibleTextCLITests.testSubjectsAndAttachmentNamesShowInvisibleCharactersAsPlaceholders": "writes an attachment name the CLI refuses with raw SQL on the SQLite file",
    ]

    static func reason(for test: XCTestCase) -> String? {
        let className = String(describing: type(of: test))
        let name = test.name.trimmingCharacters(in: CharacterSet(charactersIn: "-[]"))
        let method = String(name.split(whereSeparator: { $0 == " " || $0 == "." }).last ?? Substring(name))
        return classes[className] ?? tests["\(className).\(method)"]
    }

    static func skipUnlessSQLite(_ test: XCTestCase) throws {
        guard let reason = reason(for: test) else { return }
        let backend = try CLIBackend.selected()
        if backend != .sqlite { throw XCTSkip("SQLite only (\(reason)); the CLI tests run on \(backend.rawValue)") }
    }
}

struct CLIBackendError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
