import DeskModel
import Foundation
import GRDB
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The desk file itself: maintenance, files that are not desks, read-only and locked desks,
/// and several processes writing at once.
final class DeskFileCLITests: CLITestCase {
    // MARK: - maintain

    func testMaintainClosesPendingTicketsIdleLongerThanTheDeskAllows() throws {
        let desk = try makeWorld()
        for (user, subject) in [("ann", "Printer jams"), ("carl", "Invoice copy"), ("olga", "VPN setup")] {
            XCTAssertEqual(desk.run(["new", "--subject", subject, "--body-file", "-"], user: user, stdin: "Details.").status, 0)
        }
        assertSucceeded(desk.run(["reply", "1", "--solution"], user: "bob", stdin: "Fixed in 4.3."), "Reply 1 sent to #1 (pending)\n")
        assertSucceeded(desk.run(["reply", "3", "--ask"], user: "bob", stdin: "Which office?"), "Reply 3 sent to #3 (awaiting customer)\n")
        let now = Date()
        func at(days: Double) -> String {
            let formatter = ISO8601DateFormatter()
            return formatter.string(from: now.addingTimeInterval(days * 86_400))
        }

        assertSucceeded(desk.run(["maintain", "--now", at(days: 4)]), "No idle pending tickets\n")
        XCTAssertEqual(try desk.ticket(1, as: "bob").status, "pending")

        assertSucceeded(desk.run(["maintain", "--now", at(days: 6)]), "Closed 1 idle pending ticket: #1\n")
        let closed = try desk.ticket(1, as: "ann")
        XCTAssertEqual(closed.status, "closed")
        XCTAssertEqual(closed.history.last, "systemEvent -: Closed automatically: the proposed solution had no answer for 5 days")
        XCTAssertEqual(try desk.ticket(3, as: "bob").status, "awaitingCustomer", "only pending tickets close")
        XCTAssertEqual(try desk.ticket(2, as: "bob").status, "new")

        // Nothing left to do the second time.
        assertSucceeded(desk.run(["maintain", "--now", at(days: 7)]), "No idle pending tickets\n")
        assertRefused(desk.run(["reply", "1"], user: "ann", stdin: "Wait!"), "Ticket #1 is closed; open a follow-up instead")
    }

    func testMaintainRefusesATimeItCannotRead() throws {
        let desk = try makeWorld()
        let store = try desk.store()
        let changes = try store.changeToken()
        for text in ["yesterday", "2026-13-01T00:00:00Z", ""] {
            assertRefused(desk.run(["maintain", "--now", text]), "'\(text)' is not a time: use ISO 8601, e.g. 2026-12-01T09:00:00Z")
        }
        XCTAssertEqual(try store.changeToken(), changes)
        // A bare date is accepted.
        assertSucceeded(desk.run(["maintain", "--now", "2030-01-01"]), "No idle pending tickets\n")
    }

    // MARK: - Files that are not (usable) desks

    func testATextFileIsNotADeskAndIsLeftAlone() throws {
        let desk = try TempDesk(file: "notes.txt")
        let original = Data("These are my notes, not a desk.\nLine two.\n".utf8)
        try original.write(to: URL(fileURLWithPath: desk.path))
        for arguments in [["list"], ["reply", "1"], ["org", "add", "X"], ["maintain"], ["show", "1"]] {
            assertRefused(desk.run(arguments, user: "bob", stdin: "hello"), "\(desk.path) is not a deskterm desk")
        }
        assertRefused(desk.run(["init"]), "\(desk.path) already exists; init creates a new desk")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: desk.path)), original)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: desk.directory.path), ["notes.txt"])
    }

    func testAnotherProgramsSQLiteFileIsNotADeskAndIsLeftAlone() throws {
        let desk = try TempDesk(file: "other.db")
        do {
            let queue = try DatabaseQueue(path: desk.path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE recipe(name TEXT); INSERT INTO recipe VALUES ('bread')")
            }
        }
        let original = try Data(contentsOf: URL(fileURLWithPath: desk.path))
        assertRefused(desk.run(["list"], user: "bob"), "\(desk.path) is not a deskterm desk")
        assertRefused(desk.run(["org", "add", "X"]), "\(desk.path) is not a deskterm desk")
        // Not even switched to WAL: another program's database is refused before anything writes to it.
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: desk.path)), original)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: desk.directory.path), ["other.db"])
    }

    func testAMissingDeskPointsToInit() throws {
        let desk = try TempDesk()
        for arguments in [["list"], ["show", "1"], ["org", "list"], ["maintain"]] {
            assertRefused(desk.run(arguments, user: "bob"), "No desk at \(desk.path): create one with `deskterm init` or `deskterm demo`")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: desk.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: desk.directory.path), [])
    }

    func testAReadOnlyDeskIsRefusedAndUnchanged() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "Jams."), "Created ticket #1\n")
        // Fold the WAL into the main file so the desk is one file we can compare.
        try desk.store().checkpointForTests()
        let before = try Data(contentsOf: URL(fileURLWithPath: desk.path))
        XCTAssertEqual(chmod(desk.path, 0o444), 0)
        defer { chmod(desk.path, 0o644) }

        var run = { (arguments: [String]) in desk.run(arguments, user: "bob", stdin: "Reply") }
        if getuid() == 0 {
            // root ignores file modes: act as `nobody` instead, when the system lets us.
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                throw XCTSkip("running as root without setpriv: a read-only desk cannot be tested (root writes anyway)")
            }
            chmod(desk.directory.path, 0o755)
            run = { arguments in
                runProcess(URL(fileURLWithPath: "/usr/bin/setpriv"),
                           ["--reuid=65534", "--regid=65534", "--clear-groups", desk.binary.path, "--db", desk.path, "--user", "bob"] + arguments,
                           stdin: Data("Reply".utf8), environment: desk.environment())
            }
            let probe = runProcess(URL(fileURLWithPath: "/usr/bin/setpriv"),
                                   ["--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/test", "-x", desk.binary.path, "-a", "-r", desk.path],
                                   environment: desk.environment())
            guard probe.status == 0 else {
                throw XCTSkip("running as root, and nobody cannot reach deskterm or the desk: a read-only desk cannot be tested (root writes anyway)")
            }
        }
        assertRefused(run(["reply", "1"]), "The desk \(desk.path) is read-only")
        assertRefused(run(["list"]), "The desk \(desk.path) is read-only")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: desk.path)), before)

        // A writable desk in a folder nobody may write to: WAL cannot make its side files.
        XCTAssertEqual(chmod(desk.path, 0o644), 0)
        if getuid() == 0 {
            XCTAssertEqual(chown(desk.path, 65534, 65534), 0) // the folder stays root's
        } else {
            XCTAssertEqual(chmod(desk.directory.path, 0o555), 0)
        }
        defer { chmod(desk.directory.path, 0o755) }
        assertRefused(run(["reply", "1"]), "The desk \(desk.path) is read-only")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: desk.path)), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: desk.directory.path).sorted(), ["desk.sqlite", "desk.sqlite.lock"])
    }

    // MARK: - Concurrency

    func testALockedDeskTimesOutWithAClearMessageAndWritesNothing() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "Jams."), "Created ticket #1\n")
        let before = try desk.ticket(1, as: "bob")

        var configuration = Configuration()
        configuration.busyMode = .immediateError
        let holder = try DatabaseQueue(path: desk.path, configuration: configuration)
        var elapsed: TimeInterval = 0
        let result = try holder.writeWithoutTransaction { db -> CLIResult in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            defer { try? db.execute(sql: "ROLLBACK") }
            let start = Date()
            let result = desk.run(["--busy-timeout", "0.2", "reply", "1"], user: "bob", stdin: "Blocked reply")
            elapsed = Date().timeIntervalSince(start)
            return result
        }
        try holder.close()
        assertRefused(result, "The desk \(desk.path) is locked by another process; try again")
        XCTAssertLessThan(elapsed, 5, "--busy-timeout 0.2 must not wait for the default 10 s")

        // After the lock is gone: nothing was written, and writing works again.
        XCTAssertEqual(try desk.ticket(1, as: "bob"), before)
        assertSucceeded(desk.run(["--busy-timeout", "0.2", "reply", "1"], user: "bob", stdin: "Now it works"), "Reply 1 sent to #1 (open)\n")
    }

    func testManyProcessesReplyingAtOnceAllSucceed() throws {
        let desk = try makeWorld()
        XCTAssertEqual(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "Jams.").status, 0)
        XCTAssertEqual(desk.run(["new", "--subject", "Invoice copy", "--body-file", "-"], user: "carl", stdin: "Copy.").status, 0)

        // Two writers (an agent on #1, a customer on #2), 20 replies each, 8 processes at a time.
        let jobs = (0..<40).map { index in
            index % 2 == 0 ? (user: "bob", number: "1", body: "bob reply \(index / 2)") : (user: "carl", number: "2", body: "carl reply \(index / 2)")
        }
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var next = 0
            var items: [Int: CLIResult] = [:]
        }
        let results = Results()
        let group = DispatchGroup()
        for _ in 0..<8 {
            group.enter()
            Thread {
                while let index = results.lock.withLock({ () -> Int? in
                    guard results.next < jobs.count else { return nil }
                    defer { results.next += 1 }
                    return results.next
                }) {
                    let job = jobs[index]
                    let result = desk.run(["reply", job.number], user: job.user, stdin: job.body)
                    results.lock.withLock { results.items[index] = result }
                }
                group.leave()
            }.start()
        }
        group.wait()

        XCTAssertEqual(results.items.count, 40)
        for (index, result) in results.items.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(result.status, 0, "job \(index): \(result)")
            XCTAssertEqual(result.stderr, "", "job \(index)")
            XCTAssertTrue(result.stdout.hasPrefix("Reply "), "job \(index): \(result)")
        }
        let first = try desk.ticket(1, as: "bob")
        XCTAssertEqual(Set(first.messages.filter { $0.kind == "reply" }.map(\.body)), Set((0..<20).map { "bob reply \($0)" }))
        XCTAssertEqual(first.messages.filter { $0.kind == "reply" }.count, 20)
        let second = try desk.ticket(2, as: "bob")
        XCTAssertEqual(Set(second.messages.filter { $0.kind == "reply" }.map(\.body)), Set((0..<20).map { "carl reply \($0)" }))
        XCTAssertEqual(second.messages.filter { $0.kind == "reply" }.count, 20)
        // Every message id is distinct across the desk.
        XCTAssertEqual(Set(first.messages.map(\.id)).union(second.messages.map(\.id)).count, first.messages.count + second.messages.count)
    }
}

extension Desk {
    /// Writes the WAL back into the main file (so the desk's bytes can be compared).
    func checkpointForTests() throws {
        let queue = try DatabaseQueue(path: location)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
    }
}
