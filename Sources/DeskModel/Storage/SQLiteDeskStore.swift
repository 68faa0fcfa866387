import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The desk in one SQLite file (WAL), through GRDB.
public final class SQLiteDeskStore: Sendable {
    public let path: String
    let pool: DatabasePool
    /// Lets a bulk write index its rows in one pass at the end of its transaction.
    let fullText: FullTextSwitch

    /// Keeps this process's one pool on the file alive while any store uses it.
    private let shared: SharedDesk

    init(path: String, shared: SharedDesk) {
        self.path = path
        self.shared = shared
        self.pool = shared.pool
        self.fullText = shared.fullText
    }

    /// The longest busy timeout accepted: an hour. SQLite takes milliseconds in a C int, and
    /// a wait longer than that is a hang, not patience.
    public static let maximumBusyTimeout: TimeInterval = 3600

    /// Opens the desk at `path`, creating it when `create` is true, and brings its schema up to
    /// date. A process has one pool per desk file: a second open of the same file in the same
    /// process shares it. Several processes may open a fresh file at once:
    /// a file lock beside the database serialises open + migrate, which GRDB's migrator does not
    /// do by itself. Only SQLite ever opens the desk file and its -wal/-shm (principle 9); what
    /// is at the path is learned with `stat` first, and anything but a regular file is refused
    /// untouched. An up-to-date desk is opened without taking the write lock, so opening never
    /// waits for another process's write.
    public static func open(
        path: String, create: Bool = false, busyTimeout: TimeInterval = 10
    ) throws(DeskError) -> SQLiteDeskStore {
        guard busyTimeout.isFinite, busyTimeout >= 0, busyTimeout <= maximumBusyTimeout else {
            throw .invalidInput("The busy timeout must be between 0 and \(Int(maximumBusyTimeout)) seconds")
        }
        return try OpenDesks.withLock { () throws(DeskError) -> SQLiteDeskStore in
            let file = try DeskFile.inspect(path)
            if case .hasContent(let identity) = file, let shared = OpenDesks.existing(identity) {
                return SQLiteDeskStore(path: path, shared: shared)
            }
            switch file {
            case .missing where !create:
                throw .invalidInput("No desk at \(path): create one with `deskterm init` or `deskterm demo`")
            case .empty where !create:
                throw .invalidInput("\(path) is an empty file, not a desk: create one with `deskterm init` or `deskterm demo`")
            case .hasContent:
                if !FileManager.default.isWritableFile(atPath: path) { throw .databaseReadOnly(path: path) }
                // Look inside before a DatabasePool touches the file: opening a pool switches it to
                // WAL mode, which would rewrite another application's database before we refuse it.
                try checkIsDeskWithoutChanging(path: path, busyTimeout: busyTimeout)
            case .missing:
                try createFolder(of: path)
            case .empty:
                break
            }
            let shared = try openPool(path: path, busyTimeout: busyTimeout)
            if let identity = DeskFile.identity(path) { OpenDesks.register(shared, as: identity) }
            return SQLiteDeskStore(path: path, shared: shared)
        }
    }

    private static func createFolder(of path: String) throws(DeskError) {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .invalidInput("Cannot create the desk's folder \(directory): \(error.localizedDescription)")
        }
    }

    private static func openPool(path: String, busyTimeout: TimeInterval) throws(DeskError) -> SharedDesk {
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
            let upToDate = try pool.read { db in
                try checkIsDesk(db, path: path)
                return try Schema.migrator.hasCompletedMigrations(db)
            }
            // The migrator takes the write lock even when there is nothing to do.
            if !upToDate { try Schema.migrator.migrate(pool) }
            return SharedDesk(path: path, pool: pool, fullText: fullText, busyTimeout: busyTimeout)
        } catch let error as DeskError {
            throw error
        } catch {
            throw StorageErrors.map(error, path: path)
        }
    }

    /// `checkIsDesk` through a read-only connection, which never writes to the file. It is a
    /// SQLite connection, so closing it keeps the locks of this process's other connections.
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
    /// `waitsForWriters: false` is for writes a reader makes on the side (the Recent record, an
    /// audit line, auto-close at login): when another process holds the write lock they fail
    /// at once with `databaseBusy` instead of making the reader wait.
    /// `memoryTemporaries` keeps the transaction's statement journals in memory (`bulkLoad`).
    func write<T>(
        announcesChange: Bool = true, waitsForWriters: Bool = true, memoryTemporaries: Bool = false, _ body: (Database) throws -> T
    ) throws(DeskError) -> T {
        do {
            var result: T?
            try pool.writeWithoutTransaction { db in
                if !waitsForWriters { try db.execute(sql: "PRAGMA busy_timeout = 0") }
                // SQLite decides where statement journals go when the transaction begins, and
                // refuses to change it inside one.
                if memoryTemporaries { try db.execute(sql: "PRAGMA temp_store = MEMORY") }
                defer {
                    if !waitsForWriters { try? db.execute(sql: "PRAGMA busy_timeout = \(shared.busyTimeoutMilliseconds)") }
                    if memoryTemporaries { try? db.execute(sql: "PRAGMA temp_store = DEFAULT") }
                }
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
            case .SQLITE_NOTADB: return .notADeskDatabase(path: path)
            case .SQLITE_CORRUPT: return .deskDamaged(path: path)
            case .SQLITE_CANTOPEN: return .invalidInput("Cannot open the desk at \(path)")
            case .SQLITE_FULL: return .diskFull(location: path)
            default: return .storage(dbError.message ?? "\(dbError.resultCode)")
            }
        }
        return .storage(String(describing: error))
    }
}

// MARK: - Column conversions

extension Date {
    /// Whole seconds since 1970: the unit of every time column.
    package var deskSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
    init(deskSeconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(deskSeconds)) }
}
