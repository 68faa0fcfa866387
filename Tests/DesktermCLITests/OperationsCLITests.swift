import DeskModel
import Foundation
import GRDB
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// `deskterm backup`, `restore`, `verify` and `doctor` through the real binary, on desk files
/// (SQLite only: these are about the file; doctor on PostgreSQL is `DoctorPostgresCLITests`).
/// Damage is made with the `sqlite3` shell on a backup, never on a desk a deskterm has open.
final class OperationsCLITests: CLITestCase {
    /// A desk with tickets, a CJK one included, whose files only their owner may read.
    private func makeDesk() throws -> TempDesk {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "Jams daily."), "Created ticket #1\n")
        assertSucceeded(desk.run(["new", "--subject", "署名検証が失敗します", "--body-file", "-"], user: "ann", stdin: "Webhook の署名検証"), "Created ticket #2\n")
        XCTAssertEqual(desk.run(["reply", "1", "--body-file", "-"], user: "bob", stdin: "Try the rear tray.").status, 0)
        chmod(desk.path, 0o600)
        return desk
    }

    private func sqlite3(_ path: String, _ sql: String, file: StaticString = #filePath, line: UInt = #line) throws {
        guard let shell = ["/usr/bin/sqlite3", "/bin/sqlite3"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("the sqlite3 shell is not installed (scripts/ensure-packages installs it)")
        }
        let result = runProcess(URL(fileURLWithPath: shell), [path, sql], environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(result.status, 0, "\(result)", file: file, line: line)
    }

    private func report(_ result: CLIResult, file: StaticString = #filePath, line: UInt = #line) throws -> HealthReportJSON {
        do {
            return try JSONDecoder().decode(HealthReportJSON.self, from: result.stdoutData)
        } catch {
            XCTFail("not a report: \(result)", file: file, line: line)
            throw error
        }
    }

    private func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    private func backup(_ desk: TempDesk, named name: String) throws -> String {
        let destination = desk.file(name).path
        let result = desk.run(["backup", destination])
        XCTAssertEqual(result.status, 0, "\(result)")
        XCTAssertTrue(result.stdout.hasPrefix("Backed up \(desk.path) to \(destination): "), "\(result)")
        XCTAssertEqual(result.stderr, "", "no progress off a terminal")
        return destination
    }

    func testABackupIsOneFileOnlyItsOwnerReadsThatVerifiesAndRestoresTheDeskAsItWas() throws {
        let desk = try makeDesk()
        let before = desk.run(["list", "--view", "all", "--format", "json"], user: "bob").stdout
        let copy = try backup(desk, named: "backup.sqlite")
        XCTAssertEqual(mode(copy), 0o600)
        for suffix in ["-wal", "-shm", "-journal"] { XCTAssertFalse(FileManager.default.fileExists(atPath: copy + suffix), suffix) }
        let verified = desk.runRaw(["verify", copy])
        XCTAssertEqual(verified.status, 0, "\(verified)")
        XCTAssertTrue(verified.stdout.contains("rows: 0 attachments, 2 messages, 3 organisations, 2 tickets, 7 users"), "\(verified)")
        XCTAssertTrue(verified.stdout.hasSuffix("Healthy.\n"), "\(verified)")

        // A second backup to the same name needs --force.
        assertRefused(desk.run(["backup", copy]), "\(copy) already exists: give --force to replace it")
        XCTAssertEqual(desk.run(["backup", copy, "--force", "--quiet"]).stdout, "")

        // What happens after the backup is gone once it is restored; the replaced desk is kept.
        assertSucceeded(desk.run(["new", "--subject", "After the backup", "--body-file", "-"], user: "ann", stdin: "Later."), "Created ticket #3\n")
        let restored = desk.runRaw(["restore", copy, "--to", desk.path])
        XCTAssertEqual(restored.status, 0, "\(restored)")
        XCTAssertTrue(restored.stdout.contains("the previous desk is kept as \(desk.path).before-restore"), "\(restored)")
        XCTAssertEqual(desk.run(["list", "--view", "all", "--format", "json"], user: "bob").stdout, before)
        XCTAssertEqual(mode(desk.path), 0o600)
        let kept = desk.runRaw(["--db", desk.path + ".before-restore", "--user", "bob", "show", "3"])
        XCTAssertEqual(kept.status, 0, "\(kept)")
        XCTAssertEqual(desk.run(["doctor"]).status, 0)

        // A second restore would lose the kept desk: refused unless --no-keep.
        assertRefused(desk.runRaw(["restore", copy, "--to", desk.path]),
                      "\(desk.path).before-restore already exists (an earlier restore's): move it away, or give --no-keep")
        XCTAssertEqual(desk.runRaw(["restore", copy, "--to", desk.path, "--no-keep"]).status, 0)
        // Into a new file, too.
        let fresh = desk.file("fresh.sqlite").path
        XCTAssertEqual(desk.runRaw(["restore", copy, "--to", fresh]).status, 0)
        XCTAssertEqual(desk.runRaw(["--db", fresh, "--user", "bob", "list", "--view", "all", "--format", "json"]).stdout, before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: fresh + ".before-restore"))
    }

    /// Progress goes to a terminal only (here a pseudo-terminal from `script`), and not with --quiet.
    func testBackupDrawsProgressOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("script(1) is not installed") }
        let desk = try makeDesk()
        let destination = desk.file("on-a-terminal.sqlite").path
        func onATerminal(_ extra: [String]) -> CLIResult {
            let command = ([desk.binary.path, "--db", desk.path, "backup", destination] + extra).map { "'\($0)'" }.joined(separator: " ")
            return runProcess(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"], environment: desk.environment())
        }
        let shown = onATerminal([])
        XCTAssertEqual(shown.status, 0, "\(shown)")
        XCTAssertTrue(shown.stdout.contains("100% pages "), "\(shown)")
        XCTAssertTrue(shown.stdout.contains("Backed up "), "\(shown)")
        let quiet = onATerminal(["--force", "--quiet"])
        XCTAssertEqual(quiet.status, 0, "\(quiet)")
        XCTAssertEqual(quiet.stdout, "", "\(quiet)")
    }

    func testRestoreRefusesADeskAnotherProcessHasOpen() throws {
        let desk = try makeDesk()
        let copy = try backup(desk, named: "backup.sqlite")
        assertSucceeded(desk.run(["new", "--subject", "Still here", "--body-file", "-"], user: "ann", stdin: "Yes."), "Created ticket #3\n")
        // An idle connection, as an open client has.
        let client = try DatabaseQueue(path: desk.path)
        _ = try client.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket") }
        assertRefused(desk.runRaw(["restore", copy, "--to", desk.path]),
                      "\(desk.path) is in use by another process: close every deskterm on it first (restore replaces the file)")
        try client.close()
        XCTAssertEqual(desk.run(["show", "3"], user: "ann").status, 0, "the desk is as it was")
        XCTAssertFalse(FileManager.default.fileExists(atPath: desk.path + ".before-restore"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: desk.directory.path).filter { $0.contains("copying") }, [])
    }

    func testBadInputIsRefusedWithItsReason() throws {
        let desk = try makeDesk()
        let text = try desk.write("notes.txt", "not a desk")
        let missing = desk.file("missing.sqlite").path
        let verifyText = desk.runRaw(["verify", text])
        XCTAssertEqual(verifyText.status, 2, "\(verifyText)")
        XCTAssertTrue(verifyText.stdout.contains("FOUND open (couldNotCheck)"), "\(verifyText)")
        XCTAssertEqual(desk.runRaw(["verify", missing]).status, 2)
        XCTAssertEqual(desk.runRaw(["--db", missing, "doctor"]).status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "doctor makes no desk")
        XCTAssertEqual(desk.runRaw(["verify"]).status, 64, "usage")
        XCTAssertEqual(desk.runRaw(["restore", text]).status, 64, "--to is required")

        let restoreText = desk.runRaw(["restore", text, "--to", desk.path])
        XCTAssertEqual(restoreText.status, 1)
        XCTAssertTrue(restoreText.stderr.hasPrefix("deskterm: \(text) failed verification, nothing was restored: open: "), "\(restoreText)")
        assertRefused(desk.runRaw(["restore", desk.path, "--to", desk.path]), "\(desk.path) is the desk itself")
        assertRefused(desk.run(["backup", desk.path]), "\(desk.path) is the desk itself")
        assertRefused(desk.runRaw(["--db", missing, "backup", desk.file("b.sqlite").path]), "No desk at \(missing)")
        assertRefused(desk.run(["backup", desk.directory.path]), "\(desk.directory.path) exists and is not a regular file")

        // Not over SSH, not even for an admin's key: they name the server's files.
        for command in ["backup /tmp/stolen.sqlite", "restore \(text) --to \(desk.path)", "verify \(desk.path)", "doctor"] {
            let result = desk.ssh(command, as: "root")
            XCTAssertEqual(result.status, 2, "\(command): \(result)")
            XCTAssertEqual(result.stdout, "", command)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/stolen.sqlite"))

        // PostgreSQL desks have their own tools; the refusal names them.
        let postgres = "postgresql:///desk?host=/nonexistent"
        for arguments in [["--db", postgres, "backup", desk.file("pg.dump").path], ["restore", text, "--to", postgres]] {
            let result = desk.runRaw(arguments)
            XCTAssertEqual(result.status, 1, "\(result)")
            XCTAssertTrue(result.stderr.contains(arguments[0] == "--db" ? "pg_dump --format=custom" : "pg_restore"), "\(result)")
        }
    }

    func testDoctorFindsDerivedDataOutOfStepAndRepairRebuildsIt() throws {
        let desk = try makeDesk()
        let copy = try backup(desk, named: "damaged.sqlite")
        try sqlite3(copy, """
            UPDATE ticket_count SET n = n + 5 WHERE key = 'open';
            INSERT INTO ticket_fts(ticket_fts, rowid, subject, description) SELECT 'delete', id, subject, description FROM ticket WHERE id = 1;
            INSERT INTO ticket_cjk(ticket_cjk) VALUES('delete-all');
            UPDATE message SET body_length = 999 WHERE id = (SELECT MIN(id) FROM message);
            INSERT INTO report_day(day, organisation_id, opened, closed) VALUES (1, 0, 2, 0);
            UPDATE ticket SET first_response_at = NULL WHERE id = (SELECT MIN(id) FROM ticket WHERE first_response_at IS NOT NULL);
            """)
        let search = ["--db", copy, "--user", "bob", "search", "printer", "--format", "json"]
        XCTAssertFalse(desk.runRaw(search).stdout.contains("Printer jams"), "the word index lost the ticket")

        let found = desk.runRaw(["--db", copy, "doctor", "--format", "json"])
        XCTAssertEqual(found.status, 1, "\(found)")
        let report = try report(found)
        XCTAssertEqual(Set(report.findings.map(\.check)), ["counters", "ticketText", "ticketCJK", "bodyLengths", "reportAggregates"])
        XCTAssertTrue(report.findings.allSatisfy { $0.kind == "derived" && !$0.repaired })
        XCTAssertTrue(report.findings.contains { $0.detail == "ticket_count 'open' is 7, a recount gives 2" }, "\(report.findings)")
        XCTAssertEqual(report.findings.filter { $0.check == "reportAggregates" }.map(\.detail), [
            "1 row of the report's per-day counts (report_day) differs from a recount",
            "1 ticket's kept first-response time differs from its history",
        ])
        XCTAssertTrue(report.findings.contains { $0.detail == "the CJK index of tickets lacks 1 row and has 0 that should not be there" }, "\(report.findings)")

        let repaired = desk.runRaw(["--db", copy, "doctor", "--repair"])
        XCTAssertEqual(repaired.status, 0, "\(repaired)")
        XCTAssertEqual(repaired.stdout.components(separatedBy: "\nREPAIRED ").count - 1, 6, "\(repaired)")
        XCTAssertTrue(repaired.stdout.hasSuffix("Healthy.\n"))
        let again = desk.runRaw(["--db", copy, "doctor"])
        XCTAssertEqual(again.status, 0, "\(again)")
        XCTAssertFalse(again.stdout.contains("FOUND"))
        XCTAssertTrue(desk.runRaw(search).stdout.contains("Printer jams"))
        XCTAssertTrue(desk.runRaw(["--db", copy, "--user", "bob", "search", "署名"]).stdout.contains("署名検証"))
        XCTAssertEqual(desk.runRaw(["verify", copy]).status, 0)
    }

    func testDoctorReportsDamageItCannotRepairAndAWorldReadableDesk() throws {
        let desk = try makeDesk()
        let copy = try backup(desk, named: "damaged.sqlite")
        try sqlite3(copy, """
            PRAGMA foreign_keys = OFF;
            INSERT INTO watcher(ticket_id, user_id) VALUES (999, 1);
            INSERT INTO ticket_read(user_id, ticket_id, seen_at, seen_message_id, marked_unread)
                VALUES ((SELECT id FROM user WHERE handle = 'bob'), 1, 0, 99999, 0);
            """)
        let result = desk.runRaw(["--db", copy, "doctor", "--repair", "--format", "json"])
        XCTAssertEqual(result.status, 5, "\(result)")
        let report = try report(result)
        XCTAssertEqual(Set(report.findings.map(\.check)), ["foreignKeys", "readMarks"])
        XCTAssertTrue(report.findings.allSatisfy { $0.kind == "damaged" && !$0.repaired })
        XCTAssertEqual(desk.runRaw(["verify", copy]).status, 5)

        chmod(desk.path, 0o644)
        let open = desk.run(["doctor"])
        XCTAssertEqual(open.status, 3, "\(open)")
        XCTAssertTrue(open.stdout.contains("FOUND permissions (permissions): \(desk.path) is readable by every user (mode 0644): chmod o-rwx \(desk.path)"), "\(open)")
        chmod(desk.path, 0o600)
        chmod(desk.directory.path, 0o777)
        defer { chmod(desk.directory.path, 0o700) }
        XCTAssertTrue(desk.run(["doctor"]).stdout.contains("the desk's folder \(desk.directory.path) is writable by every user"))
    }

    func testDoctorChecksTheAuthorizedKeysThatLeadToTheDesk() throws {
        let desk = try makeDesk()
        chmod(desk.directory.path, 0o700)
        let keys = desk.file("authorized_keys").path
        let program = desk.file("deskterm-bin").path
        FileManager.default.createFile(atPath: program, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
        let lines = [
            "command=\"\(program) ssh-session --desk \(desk.path) ann\",restrict,pty ssh-ed25519 AAAAC3Nz deskterm:ann",
            "command=\"/nonexistent/deskterm ssh-session --desk /elsewhere/desk.sqlite bob\",restrict,pty ssh-ed25519 AAAAC3Nb deskterm:bob",
        ]
        FileManager.default.createFile(atPath: keys, contents: Data((lines.joined(separator: "\n") + "\n").utf8), attributes: [.posixPermissions: 0o600])
        let healthy = desk.run(["doctor", "--authorized-keys", keys])
        XCTAssertEqual(healthy.status, 0, "the other desk's line is not this desk's business: \(healthy)")
        XCTAssertTrue(healthy.stdout.contains("authorizedKeys"))

        chmod(keys, 0o666)
        chmod(program, 0o777)
        let result = desk.run(["doctor", "--authorized-keys", keys, "--format", "json"])
        XCTAssertEqual(result.status, 3, "\(result)")
        let details = try report(result).findings.filter { $0.check == "authorizedKeys" }.map(\.detail)
        XCTAssertEqual(details, [
            "\(keys) (1 key to this desk) is writable by others (mode 0666): anyone could add a key; chmod go-w \(keys)",
            "keys in \(keys) run \(program), which others may change (mode 0777): chmod go-w \(program)",
        ])
    }

    func testDoctorRefusesADeskFromANewerDeskterm() throws {
        let desk = try makeDesk()
        let copy = try backup(desk, named: "future.sqlite")
        try sqlite3(copy, "INSERT INTO grdb_migrations(identifier) VALUES ('v99-from-the-future')")
        let result = desk.runRaw(["--db", copy, "doctor", "--format", "json"])
        XCTAssertEqual(result.status, 4, "\(result)")
        XCTAssertEqual(try report(result).findings.map(\.check), ["schema"])
        XCTAssertEqual(desk.runRaw(["verify", copy]).status, 4)
    }
}

/// `doctor --format json`, as documented.
struct HealthReportJSON: Decodable {
    struct Finding: Decodable {
        var kind: String
        var check: String
        var detail: String
        var repaired: Bool
    }

    struct Schema: Decodable {
        var applied: Int
        var known: Int
        var pending: [String]
        var unknown: [String]
    }

    var desk: String
    var checked: [String]
    var findings: [Finding]
    var schema: Schema?
    var rows: [String: Int]
    var exitStatus: Int32
    var healthy: Bool
}
