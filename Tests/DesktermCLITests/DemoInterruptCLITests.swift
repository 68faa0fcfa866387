import DeskPostgres
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C during `deskterm demo --db postgresql://…` leaves neither its temporary SQLite desk
/// behind nor a target that looks like a ready desk, whether it comes while the desk is
/// generated (nothing touched) or while it is copied (marked as being copied).
final class DemoInterruptCLITests: XCTestCase {
    /// `deskterm demo` on `address` with a private TMPDIR, interrupted (SIGINT) once `ready`
    /// holds; returns how the process ended.
    private func interruptedDemo(
        on address: String, tickets: Int, temporary: URL, when ready: () throws -> Bool
    ) throws -> (reason: Process.TerminationReason, status: Int32) {
        let process = Process()
        process.executableURL = try DesktermBinary.require()
        process.arguments = ["demo", "--db", address, "--tickets", String(tickets), "--seed", "3"]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": temporary.path, "TMPDIR": temporary.path, "LANG": "C.UTF-8"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while try !ready(), process.isRunning, Date() < deadline { usleep(5_000) }
        XCTAssertTrue(process.isRunning, "the demo ended before the moment to interrupt it came")
        process.interrupt()
        process.waitUntilExit()
        return (process.terminationReason, process.terminationStatus)
    }

    private func privateFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-interrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    /// The temporary desk the demo is generating, once it exists.
    private func temporaryDesk(in folder: URL) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.first { $0.hasPrefix("deskterm-demo-") }
            .map { folder.appendingPathComponent($0).appendingPathComponent("demo.sqlite").path }
            .flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
    }

    /// Once no backend works on the target any more (the server notices the client left at the
    /// end of the statement it was running, and rolls its transaction back): the tables the
    /// target holds.
    private func tablesLeft(_ postgres: ScratchPostgresDatabase) throws -> Int64 {
        let observer = try postgres.connect()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let others = try observer.query(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'"
            )[0].decode(Int64.self, at: 0)
            if others == 0 { break }
            usleep(20_000)
        }
        return try observer.query("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")[0].decode(Int64.self, at: 0)
    }

    func testCtrlCWhileTheDemoIsGeneratedRemovesTheTemporaryDeskAndTouchesNoTarget() throws {
        let postgres = try ScratchPostgresDatabase()
        let temporary = try privateFolder()
        let ended = try interruptedDemo(on: postgres.address, tickets: 20_000, temporary: temporary) {
            // A moment into the generation: the desk file has rows on their way.
            guard let desk = temporaryDesk(in: temporary) else { return false }
            return ((try? FileManager.default.attributesOfItem(atPath: desk)[.size] as? Int) ?? 0) > 0
        }
        XCTAssertEqual(ended.reason, .uncaughtSignal)
        XCTAssertEqual(ended.status, SIGINT, "ended by the signal, as an interrupted program does")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [], "the temporary desk is gone")
        XCTAssertEqual(try tablesLeft(postgres), 0)
    }

    func testCtrlCWhileTheDemoIsCopiedRemovesTheTemporaryDeskAndLeavesATargetEveryCommandRefuses() throws {
        let postgres = try ScratchPostgresDatabase()
        let temporary = try privateFolder()
        let observer = try postgres.connect()
        let ended = try interruptedDemo(on: postgres.address, tickets: 3_000, temporary: temporary) {
            // Rows streaming into the target's lanes.
            try observer.query(
                "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'COPY %'"
            ).count > 0
        }
        XCTAssertEqual(ended.reason, .uncaughtSignal)
        XCTAssertEqual(ended.status, SIGINT)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [], "the temporary desk is gone")
        // The rows' transactions roll back; the schema stays, marked as being copied, so the
        // target is refused (never read as a desk) until a copy into it finishes.
        XCTAssertGreaterThan(try tablesLeft(postgres), 0)
        let listed = try deskterm(["list", "--db", postgres.address, "--user", "alice", "--view", "all"], home: temporary)
        XCTAssertEqual(listed.status, 1)
        XCTAssertTrue(listed.stderr.contains("is still being copied (or its copy was stopped midway)"), listed.stderr)
        let again = try deskterm(["demo", "--db", postgres.address, "--tickets", "40", "--seed", "3"], home: temporary)
        XCTAssertEqual(again.status, 0, again.stderr)
        let after = try deskterm(["list", "--db", postgres.address, "--user", "alice", "--view", "all"], home: temporary)
        XCTAssertEqual(after.status, 0, after.stderr)
    }

    /// Runs deskterm to its end: its exit status and what it wrote on stderr.
    private func deskterm(_ arguments: [String], home: URL) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = try DesktermBinary.require()
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": home.path, "TMPDIR": home.path, "LANG": "C.UTF-8"]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let written = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: written, as: UTF8.self))
    }
}
