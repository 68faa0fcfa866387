import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// `deskterm backup`: a consistent copy of a SQLite desk while it is in use, through SQLite's
/// online backup API (never by copying the file: its `-wal` may hold the newest writes, and
/// principle 9 keeps every descriptor of the desk inside SQLite).
///
/// The copy reads one snapshot: the pages are copied inside one read transaction, so writers
/// go on (WAL) and the backup holds exactly the writes committed before it began. It is
/// written to a temporary file beside the destination, switched out of WAL mode so that it is
/// one self-contained file, made durable, then renamed into place: the destination holds the
/// old file or the whole backup, never part of one. The desk is not migrated (a backup taken
/// before an upgrade is the desk as the old version left it).
public enum DeskBackup {
    public struct Summary: Sendable {
        public var pages: Int
        public var bytes: Int64
        public var seconds: Double
    }

    /// Pages per step: 4 MiB at SQLite's default page size, so progress moves often.
    static let pagesPerStep: CInt = 1024

    public static func backup(
        desk path: String, to destination: String, replacing: Bool = false, busyTimeout: TimeInterval = 10,
        progress: ((_ copied: Int, _ total: Int) -> Void)? = nil
    ) throws(DeskError) -> Summary {
        let started = Date()
        try refuseDestination(destination, replacing: replacing, source: path)
        let source = try SQLiteHealthCheck.open(path: path, busyTimeout: busyTimeout)
        defer { try? source.close() }
        do {
            guard try source.read({ db in try SQLiteHealthCheck.isDesk(db) }) else { throw DeskError.notADeskDatabase(path: path) }
        } catch {
            throw StorageErrors.map(error, path: path)
        }
        let pages = try SQLiteFileCopy.copy(from: source, to: destination, progress: progress)
        var info = stat()
        let bytes = stat(destination, &info) == 0 ? Int64(info.st_size) : 0
        return Summary(pages: pages, bytes: bytes, seconds: Date().timeIntervalSince(started))
    }

    private static func refuseDestination(_ destination: String, replacing: Bool, source: String) throws(DeskError) {
        var info = stat()
        guard stat(destination, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .refused(.model("{path} exists and is not a regular file", ["path": .text(destination)])) }
        if let existing = DeskFile.identity(destination), existing == DeskFile.identity(source) {
            throw .refused(.model("{path} is the desk itself", ["path": .text(destination)]))
        }
        guard replacing else { throw .refused(.model("{path} already exists: give --force to replace it", ["path": .text(destination)])) }
    }
}

/// Writes a SQLite database from an open connection into a new file through the backup API:
/// a temporary file beside the target (mode 0600: a desk holds every customer's data), out
/// of WAL mode, fsynced, then renamed over the target and the folder fsynced.
enum SQLiteFileCopy {
    /// The copy's journal mode: `delete` for a backup (one file), `wal` for a restored desk.
    static func copy(
        from source: DatabaseQueue, to target: String, journalMode: String = "DELETE",
        progress: ((Int, Int) -> Void)? = nil
    ) throws(DeskError) -> Int {
        let temporary = try temporaryFile(besides: target)
        var pages = 0
        do {
            let copy = try DatabaseQueue(path: temporary)
            do {
                try source.backup(to: copy, pagesPerStep: DeskBackup.pagesPerStep) { step in
                    pages = step.totalPageCount
                    progress?(step.completedPageCount, step.totalPageCount)
                }
                _ = try copy.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = \(journalMode)") }
                try copy.close()
            } catch {
                try? copy.close()
                throw error
            }
            try FileDurability.syncFile(temporary)
            guard rename(temporary, target) == 0 else {
                throw DeskError.renameFailed(temporary, to: target, reason: String(cString: strerror(errno)))
            }
            try FileDurability.syncFolder(of: target)
            return pages
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temporary + suffix) }
            throw StorageErrors.map(error, path: target)
        }
    }

    /// `.NAME.copying-PID` beside `target`, created empty with mode 0600 so that SQLite (which
    /// gives its journals the database's mode) never makes a readable copy of the desk.
    static func temporaryFile(besides target: String) throws(DeskError) -> String {
        let url = URL(fileURLWithPath: target)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).copying-\(getpid())").path
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temporary + suffix) }
        let descriptor = Glibc.open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .refused(.model("Cannot write beside {path}: {reason}", ["path": .text(target), "reason": .text(String(cString: strerror(errno)))]))
        }
        close(descriptor)
        return temporary
    }
}
