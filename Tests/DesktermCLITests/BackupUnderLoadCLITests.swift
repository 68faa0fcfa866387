import DeskModel
import Foundation
import GRDB
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// A backup taken while 20 writers (processes of the real binary) keep replying holds every
/// write acknowledged before it began, and the desk restored from it passes `doctor`.
final class BackupUnderLoadCLITests: CLITestCase {
    /// What the writers acknowledged: each marker with the time its process exited with 0.
    private final class Acknowledged: @unchecked Sendable {
        private let lock = NSLock()
        private var writes: [(marker: String, at: Date)] = []
        private var stopping = false

        func add(_ marker: String) { lock.withLock { writes.append((marker, Date())) } }
        var all: [(marker: String, at: Date)] { lock.withLock { writes } }
        var count: Int { lock.withLock { writes.count } }
        func stop() { lock.withLock { stopping = true } }
        var stopped: Bool { lock.withLock { stopping } }
    }

    func testABackupDuringTwentyWritersHoldsEveryWriteAcknowledgedBeforeItAndRestoresHealthy() throws {
        let desk = try makeWorld()
        chmod(desk.path, 0o600)
        assertSucceeded(desk.run(["new", "--subject", "Load", "--body-file", "-"], user: "ann", stdin: "Start."), "Created ticket #1\n")
        let acknowledged = Acknowledged()
        let writers = 20
        let group = DispatchGroup()
        for writer in 0..<writers {
            group.enter()
            Thread {
                defer { group.leave() }
                var sequence = 0
                while !acknowledged.stopped {
                    sequence += 1
                    let marker = "zqw\(writer)x\(sequence)"
                    let result = desk.run(["--busy-timeout", "60", "reply", "1", "--internal", "--body-file", "-"], user: "bob", stdin: marker)
                    if result.status == 0 && result.stdout.hasPrefix("Note ") { acknowledged.add(marker) }
                }
            }.start()
        }
        defer {
            acknowledged.stop()
            group.wait()
        }
        // Let every writer get going, then back up while they write.
        let deadline = Date().addingTimeInterval(60)
        while acknowledged.count < 2 * writers && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let backupStarted = Date()
        let acknowledgedBefore = acknowledged.all.filter { $0.at < backupStarted }.map(\.marker)
        let copy = desk.file("under-load.sqlite").path
        let backup = desk.run(["backup", copy])
        let backupEnded = Date()
        XCTAssertEqual(backup.status, 0, "\(backup)")
        // The desk in use is healthy too: doctor's checks wait their turn among the writers (its
        // word-index check takes the write lock, never upgrades a read snapshot).
        let live = desk.run(["--busy-timeout", "60", "doctor"])
        XCTAssertEqual(live.status, 0, "\(live)")
        // Writers go on during the backup (WAL): some finish while it runs.
        while acknowledged.count < acknowledgedBefore.count + writers && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        acknowledged.stop()
        group.wait()
        let writtenDuring = acknowledged.all.filter { $0.at > backupStarted && $0.at < backupEnded }.count

        let restored = desk.file("restored.sqlite").path
        let restore = desk.runRaw(["restore", copy, "--to", restored])
        XCTAssertEqual(restore.status, 0, "\(restore)")
        let doctor = desk.runRaw(["--db", restored, "doctor"])
        XCTAssertEqual(doctor.status, 0, "\(doctor)")

        let queue = try DatabaseQueue(path: restored)
        let bodies = try queue.read { db in try String.fetchAll(db, sql: "SELECT body FROM message WHERE body LIKE 'zqw%'") }
        try queue.close()
        let present = Set(bodies)
        XCTAssertEqual(bodies.count, present.count, "no write twice")
        let missing = acknowledgedBefore.filter { !present.contains($0) }
        XCTAssertEqual(missing, [], "acknowledged before the backup began, missing from it")
        XCTAssertGreaterThanOrEqual(acknowledgedBefore.count, 2 * writers)
        print("backup under load: \(acknowledgedBefore.count) writes acknowledged before it, \(writtenDuring) during it, \(present.count) in it, backup took \(String(format: "%.2f", backupEnded.timeIntervalSince(backupStarted)))s")
    }
}
