import DeskModel
import Foundation
import GRDB
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Data safety through the real binary: readers never wait for a writer, paths that are not
/// desks are refused before anything touches them, bad timeouts are usage errors, and a
/// customer cannot fill the disk with attachments.
final class DeskSafetyCLITests: CLITestCase {
    /// Runs `body` while another connection (as another deskterm process would) holds the
    /// desk's write lock.
    private func whileAWriterHoldsTheLock<T>(_ desk: TempDesk, _ body: () throws -> T) throws -> T {
        // A deskterm process keeps the log non-empty while it has the desk open.
        let store = try desk.store()
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        let holder = try DatabaseQueue(path: desk.path, configuration: configuration)
        defer { try? holder.close(); _ = store }
        return try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "UPDATE desk_change SET counter = counter + 1")
            defer { try? db.execute(sql: "ROLLBACK") }
            return try body()
        }
    }

    func testReadOnlyCommandsAnswerWhileAnotherProcessWrites() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "Jams daily."), "Created ticket #1\n")
        let list = desk.run(["list", "--view", "all"], user: "bob")
        let show = desk.run(["show", "1"], user: "ann")
        try whileAWriterHoldsTheLock(desk) {
            let timeout = ["--busy-timeout", "1"]
            XCTAssertEqual(desk.run(timeout + ["list", "--view", "all"], user: "bob").stdout, list.stdout)
            let shown = desk.run(timeout + ["show", "1"], user: "ann")
            XCTAssertEqual(shown.status, 0, "\(shown)")
            XCTAssertEqual(shown.stdout, show.stdout)
            for (arguments, user) in [(["search", "printer"], "ann"), (["search", "printer"], "bob"), (["user", "list"], "root"), (["org", "list"], "root")] {
                let result = desk.run(timeout + arguments, user: user)
                XCTAssertEqual(result.status, 0, "\(arguments): \(result)")
                XCTAssertEqual(result.stderr, "", "\(arguments)")
            }
            // A write still waits its turn and says so.
            assertRefused(desk.run(["--busy-timeout", "0.2", "reply", "1"], user: "bob", stdin: "Hello"),
                          "The desk \(desk.path) is locked by another process; try again")
        }
    }

    /// An SSH command answers while another process writes; its audit entry, which could not
    /// be written at login, is written once the desk is free, before the session ends.
    func testAnSSHCommandAnswersWhileAnotherProcessWritesAndIsAuditedAfter() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "Jams daily."), "Created ticket #1\n")
        let store = try desk.store()
        let holder = try WriteLockHolder(path: desk.path)
        var environment = desk.environment()
        environment["SSH_ORIGINAL_COMMAND"] = "list"
        let process = Process()
        process.executableURL = desk.binary
        process.arguments = ["ssh-session", "--desk", desk.path, "ann"]
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var answer = Data()
        while !String(decoding: answer, as: UTF8.self).contains("Printer jams") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            answer.append(chunk)
        }
        XCTAssertTrue(String(decoding: answer, as: UTF8.self).contains("Printer jams"), "the answer came while the lock was held")
        holder.unlock()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let entries = try store.auditLog(viewer: store.viewer(handle: "root"), handle: "ann")
        XCTAssertEqual(entries.map(\.command), ["list"])
        XCTAssertEqual(entries.map(\.outcome), ["ok"])
    }

    func testAnEmptyFileIsNotTurnedIntoADeskByAReadingCommand() throws {
        let desk = try TempDesk()
        XCTAssertTrue(FileManager.default.createFile(atPath: desk.path, contents: Data()))
        for arguments in [["list"], ["show", "1"], ["org", "list"], ["maintain"]] {
            assertRefused(desk.run(arguments, user: "bob"),
                          "\(desk.path) is an empty file, not a desk: create one with `deskterm init` or `deskterm demo`")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: desk.path)), Data())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: desk.directory.path), ["desk.sqlite"])
        // The error points to init, and init takes the empty file.
        let created = desk.run(["init", "--admin", "sam"])
        XCTAssertEqual(created.status, 0, "\(created)")
        XCTAssertEqual(desk.run(["list"], user: "sam").status, 0)
    }

    func testAFIFOIsRefusedAtOnceInsteadOfHanging() throws {
        let desk = try TempDesk(file: "pipe")
        XCTAssertEqual(mkfifo(desk.path, 0o600), 0)
        // `timeout` turns the old hang into exit 124 instead of a test that never ends.
        let result = runProcess(
            URL(fileURLWithPath: "/usr/bin/timeout"), ["20", desk.binary.path, "--db", desk.path, "--user", "bob", "list"],
            environment: desk.environment())
        assertRefused(result, "\(desk.path) is not a desk: it is a named pipe (FIFO), and a desk is a regular file")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: desk.directory.path), ["pipe"])
    }

    func testDevNullIsRefusedAndNothingIsLeftBesideIt() throws {
        let desk = try TempDesk()
        for arguments in [["list"], ["org", "list"], ["maintain"]] {
            assertRefused(desk.runRaw(["--db", "/dev/null", "--user", "bob"] + arguments),
                          "/dev/null is not a desk: it is a character device, and a desk is a regular file")
        }
        assertRefused(desk.runRaw(["--db", "/dev/null", "init"]), "/dev/null already exists; init creates a new desk")
        for leftover in ["/dev/null-journal", "/dev/null-wal", "/dev/null-shm", "/dev/null.lock"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: leftover), leftover)
        }
    }

    func testBusyTimeoutsThatAreNotSecondsAreUsageErrors() throws {
        let desk = try makeWorld()
        for value in ["nan", "inf", "-inf", "1e300", "2200000", "-1", "3601"] {
            let result = desk.run(["--busy-timeout=\(value)", "list"], user: "bob")
            XCTAssertEqual(result.status, 64, "\(value): \(result)")
            XCTAssertTrue(result.stderr.contains("--busy-timeout must be a number of seconds between 0 and 3600"), "\(value): \(result)")
            XCTAssertEqual(result.stdout, "")
        }
        XCTAssertEqual(desk.run(["--busy-timeout", "0", "list"], user: "bob").status, 0)
    }

    func testACustomersAttachmentsHaveAQuota() throws {
        let desk = try makeWorld()
        let store = try desk.store()
        try store.updateSettings(DeskSettings(name: "Test desk", attachmentLimit: 1000, attachmentQuota: 2500))
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "Jams."), "Created ticket #1\n")
        let file = try desk.write("log.txt", String(repeating: "x", count: 1000))
        for _ in 0..<2 { XCTAssertEqual(desk.run(["attach", "1", file], user: "ann").status, 0) }
        assertRefused(desk.run(["attach", "1", file], user: "ann"),
                      "log.txt is 1,000 bytes, and your attachments already take 2,000 of the 2,500 bytes each customer may store; ask your support team to make room")
        // Another customer has a quota of their own; agents have none.
        XCTAssertEqual(desk.run(["attach", "1", file], user: "carl").status, 0)
        for _ in 0..<3 { XCTAssertEqual(desk.run(["attach", "1", file], user: "bob").status, 0) }
        XCTAssertEqual(try desk.ticket(1, as: "bob").attachments.count, 6)
    }

    func testADamagedDeskSaysSoInsteadOfNotADesk() throws {
        let desk = try makeWorld()
        for index in 0..<30 {
            XCTAssertEqual(desk.run(["new", "--subject", "Case \(index)", "--force", "--body-file", "-"], user: "ann",
                                    stdin: String(repeating: "text ", count: 200)).status, 0)
        }
        let size: Int
        do {
            let queue = try DatabaseQueue(path: desk.path)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            size = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
            try queue.close()
        }
        XCTAssertGreaterThan(size, 8)
        // Scribble over every page but the first, as a disk or a stray writer might.
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: desk.path))
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: (size - 1) * 4096))
        try handle.close()
        let result = desk.run(["list", "--view", "all"], user: "bob")
        XCTAssertEqual(result.status, 1, "\(result)")
        XCTAssertEqual(result.stderr,
                       "deskterm: The desk \(desk.path) is damaged (SQLite: database disk image is malformed); restore it from a backup and report how it happened\n")
    }

    func testDayCountsThatOverflowAreRefusedNotATrap() throws {
        let desk = try makeWorld()
        let input = try desk.write("in.jsonl", "")
        let result = desk.run(["import", "json", input, "--closed-after", "99999999999999"], user: "root")
        XCTAssertEqual(result.status, 64, "\(result)")
        XCTAssertTrue(result.stderr.contains("--closed-after takes a number of days from 0 to 36500"), "\(result)")
        XCTAssertDeskErrorCLI(try desk.store().updateSettings(DeskSettings(name: "Test desk", autoCloseDays: Int.max)),
                              "auto-close takes at most 36,500 days")
    }
}

private func XCTAssertDeskErrorCLI(_ expression: @autoclosure () throws -> Void, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
    do {
        try expression()
        XCTFail("expected: \(message)", file: file, line: line)
    } catch let error as DeskError {
        XCTAssertEqual(error.message, message, file: file, line: line)
    } catch {
        XCTFail("unexpected \(error)", file: file, line: line)
    }
}
