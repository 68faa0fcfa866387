import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// `deskterm restore`: puts a backup in place of a desk, never over a desk in use.
///
/// The backup is verified first (`SQLiteHealthCheck`, read only) and refused when anything
/// is wrong with it. It is copied through SQLite's backup API into a temporary file beside the
/// desk (in WAL mode, mode 0600), made durable, and renamed into place.
///
/// A desk is in use while any process has a connection to it: in WAL mode every connection
/// holds a shared lock on the `-shm` index, so leaving WAL mode (`PRAGMA journal_mode =
/// DELETE`, which needs every other connection closed) succeeds only when nobody else has it
/// open, idle clients included; it also folds a log left by a killed writer into the old file.
/// Restore then holds an exclusive lock on the old desk while it renames: a process that
/// opens the path afterwards finds the restored desk, one that tried in between waits. The old
/// desk is kept as `DESK.before-restore` unless `keepPrevious` is false.
public enum DeskRestore {
    public struct Outcome: Sendable {
        /// The verification of the backup, as it was before the copy.
        public var verification: HealthReport
        /// Where the desk that was replaced is kept, when there was one and it is kept.
        public var previous: String?
        public var seconds: Double
    }

    public static func previousPath(of desk: String) -> String { desk + ".before-restore" }

    public static func restore(
        backup: String, to desk: String, keepPrevious: Bool = true, busyTimeout: TimeInterval = 10
    ) throws(DeskError) -> Outcome {
        let started = Date()
        if let source = DeskFile.identity(backup), source == DeskFile.identity(desk) {
            throw .refused(.model("{path} is the desk itself", ["path": .text(backup)]))
        }
        let verification = SQLiteHealthCheck.check(path: backup, readOnly: true, busyTimeout: busyTimeout)
        guard verification.healthy else {
            throw .refused(.model("{path} failed verification, nothing was restored: {reasons}",
                                  ["path": .text(backup), "reasons": .phrase(verification.findingsPhrase)]))
        }
        let existing = try DeskFile.inspect(desk)
        let previous = previousPath(of: desk)
        if case .hasContent = existing, keepPrevious, DeskFile.identity(previous) != nil {
            throw .refused(.model("{path} already exists (an earlier restore's): move it away, or give --no-keep", ["path": .text(previous)]))
        }
        let source = try SQLiteHealthCheck.open(path: backup, busyTimeout: busyTimeout)
        defer { try? source.close() }
        guard case .hasContent = existing else {
            _ = try SQLiteFileCopy.copy(from: source, to: desk, journalMode: "WAL")
            return Outcome(verification: verification, previous: nil, seconds: Date().timeIntervalSince(started))
        }
        // The copy is made before the old desk is locked, so the desk is unavailable only
        // for the renames.
        let staged = try SQLiteFileCopy.temporaryFile(besides: desk + ".restoring")
        do {
            _ = try SQLiteFileCopy.copy(from: source, to: staged, journalMode: "WAL")
            try replace(desk, with: staged, keepingAs: keepPrevious ? previous : nil)
        } catch {
            unlink(staged)
            throw error
        }
        return Outcome(verification: verification, previous: keepPrevious ? previous : nil, seconds: Date().timeIntervalSince(started))
    }

    private static func replace(_ desk: String, with staged: String, keepingAs previous: String?) throws(DeskError) {
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        let old: DatabaseQueue
        do {
            old = try DatabaseQueue(path: desk, configuration: configuration)
        } catch {
            throw StorageErrors.map(error, path: desk)
        }
        defer { try? old.close() }
        do {
            try old.writeWithoutTransaction { db in
                guard try SQLiteHealthCheck.isDesk(db) else { throw DeskError.refused(.model("{path} is not a deskterm desk: it is left as it is", ["path": .text(desk)])) }
                let mode = try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
                guard mode?.lowercased() == "delete" else {
                    throw DeskError.refused(.model("{path} is in use by another process: close every deskterm on it first (restore replaces the file)", ["path": .text(desk)]))
                }
                try db.execute(sql: "BEGIN EXCLUSIVE")
                defer { try? db.execute(sql: "ROLLBACK") }
                if let previous, rename(desk, previous) != 0 {
                    throw DeskError.renameFailed(desk, to: previous, reason: String(cString: strerror(errno)))
                }
                guard rename(staged, desk) == 0 else {
                    let reason = String(cString: strerror(errno))
                    if let previous { rename(previous, desk) }
                    throw DeskError.renameFailed(staged, to: desk, reason: reason)
                }
                try FileDurability.syncFolder(of: desk)
            }
        } catch {
            throw StorageErrors.map(error, path: desk)
        }
    }
}
