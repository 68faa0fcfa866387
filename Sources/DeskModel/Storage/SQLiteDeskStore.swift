import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The desk in one SQLite file (WAL), through GRDB.
public final class SQLiteDeskStore: DeskStore {
    public let path: String
    let pool: DatabasePool
    let clock: DeskClock
    /// Lets a bulk write index its rows in one pass at the end of its transaction.
    let fullText: FullTextSwitch

    init(path: String, pool: DatabasePool, clock: DeskClock, fullText: FullTextSwitch) {
        self.path = path
        self.pool = pool
        self.clock = clock
        self.fullText = fullText
    }

    /// Opens the desk at `path`, creating it when `create` is true, and brings its schema up to
    /// date. Several processes may do this at once on a fresh file: a file lock beside the
    /// database serialises open + migrate, which GRDB's migrator does not do by itself.
    public static func open(
        path: String, clock: DeskClock = .system, create: Bool = false, busyTimeout: TimeInterval = 10
    ) throws(DeskError) -> SQLiteDeskStore {
        let fileManager = FileManager.default
        let exists = fileManager.fileExists(atPath: path)
        if !exists && !create {
            throw .invalidInput("No desk at \(path): create one with `deskterm init` or `deskterm demo`")
        }
        if exists {
            let hasContent = try checkLooksLikeSQLite(path: path)
            if !fileManager.isWritableFile(atPath: path) { throw .databaseReadOnly(path: path) }
            // Look inside before a DatabasePool touches the file: opening a pool switches it to
            // WAL mode, which would rewrite another application's database before we refuse it.
            if hasContent { try checkIsDeskWithoutChanging(path: path, busyTimeout: busyTimeout) }
        } else {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                do {
                    try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw .invalidInput("Cannot create the desk's folder \(directory): \(error.localizedDescription)")
                }
            }
        }

        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        let fullText = FullTextSwitch()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            fullText.register(in: db)
        }

        let lock = MigrationLock(path: path + ".lock")
        lock?.acquire()
        defer { lock?.release() }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try pool.read { db in try checkIsDesk(db, path: path) }
            try Schema.migrator.migrate(pool)
            return SQLiteDeskStore(path: path, pool: pool, clock: clock, fullText: fullText)
        } catch let error as DeskError {
            throw error
        } catch {
            throw StorageErrors.map(error, path: path)
        }
    }

    /// True when the file has content (an empty file becomes a new desk).
    private static func checkLooksLikeSQLite(path: String) throws(DeskError) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .invalidInput("Cannot read the desk at \(path)")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return false }
        if header != Data("SQLite format 3\0".utf8) { throw .notADeskDatabase(path: path) }
        return true
    }

    /// `checkIsDesk` through a read-only connection, which never writes to the file.
    private static func checkIsDeskWithoutChanging(path: String, busyTimeout: TimeInterval) throws(DeskError) {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in try checkIsDesk(db, path: path) }
        } catch let error as DeskError {
            throw error
        } catch {
            throw StorageErrors.map(error, path: path)
        }
    }

    /// A file that is SQLite but was made by something else must not be migrated into a desk.
    private static func checkIsDesk(_ db: Database, path: String) throws {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if applicationID == Schema.applicationID { return }
        let tableCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0
        if applicationID != 0 || tableCount > 0 { throw DeskError.notADeskDatabase(path: path) }
    }

    // MARK: - Transactions

    /// Runs `body` in an IMMEDIATE transaction: the write lock is taken up front, so two
    /// processes never both read, then both try to write and one fails with "database is locked".
    /// `announcesChange: false` is for private writes (drafts) that other screens need not
    /// reload for: they do not bump the change token.
    func write<T>(announcesChange: Bool = true, _ body: (Database) throws -> T) throws(DeskError) -> T {
        do {
            var result: T?
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    if announcesChange {
                        try db.execute(sql: "UPDATE desk_change SET counter = counter + 1 WHERE id = 1")
                    }
                    return .commit
                }
            }
            return result!
        } catch let error as DeskError {
            throw error
        } catch {
            throw StorageErrors.map(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(DeskError) -> T {
        do {
            return try pool.read(body)
        } catch let error as DeskError {
            throw error
        } catch {
            throw StorageErrors.map(error, path: path)
        }
    }

    var now: Date { clock.now() }

    public func changeToken() throws(DeskError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT counter FROM desk_change WHERE id = 1") ?? 0 }
    }
}

/// An advisory lock on a file beside the desk, held while the schema is created or migrated.
private final class MigrationLock {
    private let descriptor: Int32

    init?(path: String) {
        let fd = Glibc.open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        if fd < 0 { return nil } // a read-only folder: the desk must already exist
        descriptor = fd
    }

    func acquire() {
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

enum StorageErrors {
    static func map(_ error: Error, path: String) -> DeskError {
        if let deskError = error as? DeskError { return deskError }
        if let dbError = error as? DatabaseError {
            switch dbError.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .databaseBusy(path: path)
            case .SQLITE_READONLY: return .databaseReadOnly(path: path)
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADeskDatabase(path: path)
            case .SQLITE_CANTOPEN: return .invalidInput("Cannot open the desk at \(path)")
            case .SQLITE_FULL: return .storage("the disk is full")
            default: return .storage(dbError.message ?? "\(dbError.resultCode)")
            }
        }
        return .storage(String(describing: error))
    }
}

// MARK: - Column conversions

extension Date {
    /// Whole seconds since 1970: the unit of every time column.
    var deskSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
    init(deskSeconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(deskSeconds)) }
}
