import DeskModel
import Foundation
import GRDB
import XCTest

/// `deskterm copy` with the real binary: SQLite → PostgreSQL → SQLite keeps every table and
/// what users see; numbering continues; a non-empty target is refused; a failure leaves no
/// target; the report's counts and hashes. The PostgreSQL tests skip without a server.
final class CopyCLITests: CLITestCase {
    struct Report: Decodable {
        struct Side: Decodable, Equatable {
            var rows: Int
            var hash: String
        }
        struct Table: Decodable {
            var name: String
            var equal: Bool
            var source: Side
            var target: Side
        }
        var equal: Bool
        var tables: [Table]

        func table(_ name: String) -> Table? { tables.first { $0.name == name } }
    }

    static let awkwardSubject = "請求書 \t tab, back\\slash, \u{1B}[31mred\u{1B}[0m, é"
    static let awkwardBody = "line one\nline two\r\n\\N \\. \u{7}bell\t日本語のテキスト\n"
    static let everyByte = Data((0...255).map { UInt8($0) })

    /// A demo desk plus what the demo lacks: a ticket of awkward text with a file of every byte
    /// value, a draft, an audit entry, a saved view, a Recent entry and a read mark.
    private func richDesk() throws -> (desk: TempDesk, awkward: Int64) {
        let desk = try TempDesk()
        let demo = desk.run(["demo"] + SharedDemo.seedArguments)
        XCTAssertEqual(demo.status, 0, "\(demo)")
        let created = desk.run(["new", "--subject", Self.awkwardSubject, "--requester", "meg"], user: "alice", stdin: Self.awkwardBody)
        XCTAssertEqual(created.status, 0, "\(created)")
        let number: Int64 = 61
        XCTAssertEqual(created.stdout, "Created ticket #\(number)\n")
        let file = desk.file("every-byte.bin")
        try Self.everyByte.write(to: file)
        let attached = desk.run(["attach", String(number), file.path], user: "alice")
        XCTAssertEqual(attached.status, 0, "\(attached)")
        do {
            let store = try desk.store()
            let alice = try store.viewer(handle: "alice")
            try store.saveDraft(
                Draft(slot: .reply(ticketNumber: number), body: "brouillon\t日本\n\\ fin", updatedAt: Date(timeIntervalSince1970: 1_790_000_000)),
                viewer: alice)
            try store.recordAudit(
                handle: "alice", address: "192.0.2.7", command: "show 1 \u{1B}[2J", outcome: "ok",
                at: Date(timeIntervalSince1970: 1_790_000_100), waitsForWriters: true)
            try store.saveView(SavedView(name: "Mine 日本", filterText: "status:open"), viewer: alice)
            try store.recordViewed(number: number, viewer: alice)
            try store.markUnread(number: 1, viewer: alice)
        }
        // A received mail of every byte value (kept raw although its sender is unknown).
        let mail = Data("From: stranger@nowhere.example\nSubject: every byte\n\n".utf8) + Self.everyByte
        let mailed = runProcess(desk.binary, ["mailgate", "--desk", desk.path], stdin: mail, environment: desk.environment())
        XCTAssertEqual(mailed.status, 0, "\(mailed)")
        return (desk, number)
    }

    private func copy(_ desk: TempDesk, from: String, to: String, _ extra: [String] = []) -> CLIResult {
        desk.runRaw(["copy", "--from", from, "--to", to] + extra)
    }

    private func report(_ result: CLIResult, file: StaticString = #filePath, line: UInt = #line) throws -> Report {
        try JSONDecoder().decode(Report.self, from: result.stdoutData)
    }

    /// What people see of the desk at `address`: lists and tickets as an agent and a customer.
    private func views(_ desk: TempDesk, _ address: String, awkward: Int64) -> [String] {
        [
            ["--user", "alice", "list", "--view", "all"], ["--user", "meg", "list"],
            ["--user", "alice", "show", String(awkward)], ["--user", "meg", "show", String(awkward)],
            ["--user", "alice", "show", "1"], ["--user", "alice", "show", "12", "--format", "json"],
            ["--user", "alice", "search", "invoice"], ["--user", "alice", "view", "list"], ["--user", "sam", "audit"],
        ].map { arguments in
            let result = desk.runRaw(["--db", address] + arguments)
            return "\(arguments.joined(separator: " ")) → \(result.status)\n\(result.stdout)\(result.stderr)"
        }
    }

    func testSQLiteToPostgreSQLToSQLiteKeepsEveryTableAndWhatUsersSee() throws {
        let postgres = try ScratchPostgresDatabase()
        let (desk, awkward) = try richDesk()
        let back = desk.file("back.sqlite").path

        let there = copy(desk, from: desk.path, to: postgres.address, ["--format", "json", "--quiet"])
        XCTAssertEqual(there.status, 0, "\(there)")
        XCTAssertEqual(there.stderr, "")
        let thereReport = try report(there)
        XCTAssertTrue(thereReport.equal)
        XCTAssertEqual(thereReport.tables.map(\.name), DeskCopyTables.all.map(\.name))
        for table in thereReport.tables {
            XCTAssertTrue(table.equal, table.name)
            XCTAssertEqual(table.source, table.target, table.name)
        }
        // The counts are the rows each side holds.
        let (tickets, messages) = try DatabaseQueue(path: desk.path).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM ticket"), try Int.fetchOne(db, sql: "SELECT count(*) FROM message"))
        }
        XCTAssertEqual(thereReport.table("ticket")?.target.rows, tickets)
        XCTAssertEqual(thereReport.table("message")?.target.rows, messages)
        for name in ["attachment", "draft", "audit_log", "saved_view", "recent_view", "ticket_read", "watcher", "desk_setting", "mail_received"] {
            XCTAssertGreaterThan(thereReport.table(name)?.target.rows ?? 0, 0, "\(name) should have rows in this desk")
        }

        let home = copy(desk, from: postgres.address, to: back)
        XCTAssertEqual(home.status, 0, "\(home)")
        XCTAssertTrue(home.stdout.hasSuffix("All \(DeskCopyTables.all.count) tables equal.\n"), home.stdout)

        let compared = desk.runRaw(["copy", "--verify-only", "--from", desk.path, "--to", back, "--format", "json"])
        XCTAssertEqual(compared.status, 0, "\(compared)")
        let round = try report(compared)
        XCTAssertTrue(round.equal)
        XCTAssertEqual(round.table("message")?.source.hash, thereReport.table("message")?.source.hash)

        let original = views(desk, desk.path, awkward: awkward)
        XCTAssertEqual(views(desk, postgres.address, awkward: awkward), original)
        XCTAssertEqual(views(desk, back, awkward: awkward), original)
        XCTAssertTrue(original[2].contains("日本語のテキスト"), original[2])

        let file = desk.runRaw(["--db", back, "--user", "alice", "download", String(awkward), "every-byte.bin", "--output", desk.file("out.bin").path])
        XCTAssertEqual(file.status, 0, "\(file)")
        XCTAssertEqual(try Data(contentsOf: desk.file("out.bin")), Self.everyByte)

        // Numbers and ids continue after the copied ones on both targets.
        for address in [postgres.address, back] {
            let next = desk.runRaw(["--db", address, "--user", "alice", "new", "--subject", "After the copy", "--requester", "meg"], stdin: "Hello")
            XCTAssertEqual(next.stdout, "Created ticket #\(awkward + 1)\n", "\(address): \(next)")
            let reply = desk.runRaw(["--db", address, "--user", "alice", "reply", String(awkward + 1)], stdin: "A reply")
            XCTAssertEqual(reply.status, 0, "\(address): \(reply)")
        }
    }

    /// An empty desk file that another process has open is not replaced: that process would go
    /// on writing a log that SQLite replays into the copied desk. Once it is closed, it is.
    func testAnEmptyDeskFileInUseIsNotReplaced() throws {
        let (desk, _) = try richDesk()
        let target = try TempDesk()
        let created = target.run(["init"])
        XCTAssertEqual(created.status, 0, "\(created)")
        let before = try Data(contentsOf: URL(fileURLWithPath: target.path))
        var holder: DatabaseQueue? = try DatabaseQueue(path: target.path)
        XCTAssertEqual(try holder?.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM ticket") }, 0)
        let refused = copy(desk, from: desk.path, to: target.path, ["--quiet"])
        XCTAssertEqual(refused.status, 1, "\(refused)")
        XCTAssertTrue(refused.stderr.contains("is in use by another process"), refused.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target.path)), before)
        try holder?.close()
        holder = nil
        let copied = copy(desk, from: desk.path, to: target.path, ["--quiet"])
        XCTAssertEqual(copied.status, 0, "\(copied)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: target.directory.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "nothing of the copy's temporary desk stays beside it")
        XCTAssertEqual(desk.runRaw(["copy", "--verify-only", "--from", desk.path, "--to", target.path, "--quiet"]).status, 0)
    }

    func testCopyOntoANonEmptyTargetIsRefusedAndWritesNothing() throws {
        let postgres = try ScratchPostgresDatabase()
        let (desk, _) = try richDesk()
        XCTAssertEqual(copy(desk, from: desk.path, to: postgres.address, ["--quiet"]).status, 0)
        let other = try TempDesk()
        XCTAssertEqual(other.run(["demo", "--tickets", "5", "--seed", "3"]).status, 0)

        let refused = copy(desk, from: other.path, to: postgres.address, ["--quiet"])
        XCTAssertEqual(refused.status, 1, "\(refused)")
        XCTAssertEqual(refused.stdout, "")
        XCTAssertTrue(refused.stderr.contains("already holds a desk with content"), refused.stderr)
        let unchanged = desk.runRaw(["copy", "--verify-only", "--from", desk.path, "--to", postgres.address, "--quiet"])
        XCTAssertEqual(unchanged.status, 0, "\(unchanged)")

        // A SQLite target with content: refused, the file untouched, nothing left beside it.
        let before = try Data(contentsOf: URL(fileURLWithPath: other.path))
        let listing = try FileManager.default.contentsOfDirectory(atPath: other.directory.path).sorted()
        let refusedFile = copy(desk, from: desk.path, to: other.path, ["--quiet"])
        XCTAssertEqual(refusedFile.status, 1, "\(refusedFile)")
        XCTAssertTrue(refusedFile.stderr.contains("already holds a desk with content"), refusedFile.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: other.path)), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: other.directory.path).sorted(), listing)

        // A database holding another application's tables is not a desk to fill either.
        let foreign = try ScratchPostgresDatabase()
        try foreign.connect().executeScript("CREATE TABLE invoices (id int PRIMARY KEY)")
        let notADesk = copy(desk, from: desk.path, to: foreign.address, ["--quiet"])
        XCTAssertEqual(notADesk.status, 1, "\(notADesk)")
        XCTAssertEqual(try foreign.connect().query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")[0].decode(Int64.self, at: 0), 1)
    }

    func testAFailureMidwayLeavesNothingInTheDatabase() throws {
        let postgres = try ScratchPostgresDatabase()
        let (desk, _) = try richDesk()
        // An empty desk whose schema was changed by hand: the messages no longer fit, so the
        // copy fails after organisations, users and tickets went in.
        XCTAssertEqual(desk.runRaw(["--db", postgres.address, "init", "--admin", "sam"]).status, 0)
        let db = try postgres.connect()
        try db.executeScript("DELETE FROM \"user\"; ALTER TABLE message ADD CONSTRAINT short_bodies CHECK (length(body) < 20)")
        let failed = copy(desk, from: desk.path, to: postgres.address, ["--quiet"])
        XCTAssertEqual(failed.status, 1, "\(failed)")
        XCTAssertTrue(failed.stderr.contains("short_bodies"), failed.stderr)
        for table in ["organisation", "\"user\"", "ticket", "message"] {
            XCTAssertEqual(try db.query("SELECT count(*) FROM \(table)")[0].decode(Int64.self, at: 0), 0, table)
        }
        // The indexes dropped for the load are all back.
        XCTAssertEqual(try db.query("SELECT count(*) FROM pg_indexes WHERE indexname = 'message_search_words'")[0].decode(Int64.self, at: 0), 1)
    }

    func testAFailureMidwayLeavesNoTargetFile() throws {
        let (desk, _) = try richDesk()
        let target = desk.file("copy.sqlite").path
        // The copy may write files of at most 600 KB (ulimit -f counts 512-byte blocks): the
        // new desk's schema fits, its rows do not. SIGXFSZ is ignored, so writing fails with
        // EFBIG and deskterm reports it instead of being killed.
        let limited = runProcess(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "trap '' XFSZ; ulimit -f 1200; exec \"$0\" \"$@\"", desk.binary.path, "copy", "--from", desk.path, "--to", target, "--quiet"],
            environment: desk.environment())
        XCTAssertEqual(limited.status, 1, "\(limited)")
        XCTAssertTrue(limited.stderr.hasPrefix("deskterm: "), limited.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: desk.directory.path).filter { $0.contains("copy") }, [])
        // Without the limit the same copy succeeds.
        XCTAssertEqual(copy(desk, from: desk.path, to: target, ["--quiet"]).status, 0)
    }

    /// SQLite columns take other storage classes too: a value the copy could carry only by
    /// changing it (a fraction of a second in a time) stops the copy instead of being rounded
    /// on both sides of a verification that would then say "equal".
    func testAValueOfAnotherKindStopsTheCopyInsteadOfBeingChanged() throws {
        let (desk, awkward) = try richDesk()
        let queue = try DatabaseQueue(path: desk.path)
        try queue.write { db in try db.execute(sql: "UPDATE ticket SET updated_at = updated_at + 0.5 WHERE number = ?", arguments: [awkward]) }
        try queue.close()
        let target = desk.file("copy.sqlite").path
        let stopped = copy(desk, from: desk.path, to: target, ["--quiet"])
        XCTAssertEqual(stopped.status, 1, "\(stopped)")
        XCTAssertTrue(stopped.stderr.contains("a value in ticket.updated_at is not the column's kind (a real number)"), stopped.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
    }

    /// A copy killed midway (kill -9, Ctrl-C) leaves its temporary desk; the next copy into the
    /// same path removes those whose process is gone, and leaves a running copy's alone.
    func testTheNextCopyRemovesTheTemporaryDeskOfAKilledOne() throws {
        let (desk, _) = try richDesk()
        let target = desk.file("copy.sqlite").path
        // Above any pid Linux hands out (pid_max is at most 2^22): a process that is gone.
        let gone = desk.file(".copy.sqlite.copying-4194999")
        let running = desk.file(".copy.sqlite.copying-\(ProcessInfo.processInfo.processIdentifier)")
        for leftover in [gone, running, desk.file(".copy.sqlite.copying-4194999-wal")] {
            XCTAssertTrue(FileManager.default.createFile(atPath: leftover.path, contents: Data(count: 4096)))
        }
        XCTAssertEqual(copy(desk, from: desk.path, to: target, ["--quiet"]).status, 0)
        let hidden = try FileManager.default.contentsOfDirectory(atPath: desk.directory.path).filter { $0.hasPrefix(".copy.sqlite") }
        XCTAssertEqual(hidden, [running.lastPathComponent])
    }

    func testVerifyOnlyFindsTheTableThatDiffers() throws {
        let (desk, awkward) = try richDesk()
        let twin = desk.file("twin.sqlite").path
        XCTAssertEqual(copy(desk, from: desk.path, to: twin, ["--quiet"]).status, 0)
        XCTAssertEqual(desk.runRaw(["--db", twin, "--user", "alice", "reply", String(awkward)], stdin: "only in the twin").status, 0)

        let compared = desk.runRaw(["copy", "--verify-only", "--from", desk.path, "--to", twin])
        XCTAssertEqual(compared.status, 1, "\(compared)")
        let lines = compared.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.last, "DIFFERENT: ticket, message")
        let messageLine = try XCTUnwrap(lines.first { $0.hasPrefix("message ") })
        XCTAssertTrue(messageLine.hasSuffix("DIFFERENT"), messageLine)
        XCTAssertTrue(lines.contains { $0.hasPrefix("attachment ") && $0.hasSuffix("equal") })
    }

    func testDemoOnAPostgreSQLAddressIsTheSameDeskAsOnSQLite() throws {
        let postgres = try ScratchPostgresDatabase()
        let desk = try TempDesk()
        let arguments = ["--seed", "5", "--now", "2026-11-20T12:00:00Z", "--tickets", "25"]
        let made = desk.runRaw(["demo", "--db", postgres.address] + arguments)
        XCTAssertEqual(made.status, 0, "\(made)")
        XCTAssertTrue(made.stdout.contains("Copied the demo desk to "), made.stdout)
        XCTAssertFalse(made.stdout.contains("deskterm-demo-"), "the temporary file is not what to open: \(made.stdout)")
        XCTAssertEqual(desk.run(["demo"] + arguments).status, 0)
        let compared = desk.runRaw(["copy", "--verify-only", "--from", desk.path, "--to", postgres.address, "--format", "json"])
        let sameDesk = try report(compared)
        XCTAssertTrue(sameDesk.equal, compared.stdout)
        XCTAssertEqual(sameDesk.table("ticket")?.target.rows, 25)
        let again = desk.runRaw(["demo", "--db", postgres.address] + arguments)
        XCTAssertEqual(again.status, 1, "a desk with content is not overwritten: \(again)")
    }
}
