import DeskModel
import DeskPostgres
import Foundation

/// A desk in a PostgreSQL database (`DeskStorage`). Each transaction takes a connection from a
/// small pool of idle ones (opening a libpq connection costs milliseconds) and gives it back.
/// Writes run READ COMMITTED with the tickets they change locked (`PostgresRows.forWrite`);
/// reads run on one REPEATABLE READ snapshot and never wait for writers.
public final class PostgresDeskStorage: DeskStorage, @unchecked Sendable {
    public let address: PostgresDeskAddress
    private let connectionAddress: PostgresAddress
    /// Where the client's change feed listens, when not on `address` (`DESKTERM_LISTEN_DB`:
    /// the server itself or a session-mode pool, when `address` is a transaction-mode pooler).
    public let listenAddress: PostgresDeskAddress?
    private let idleLock = NSLock()
    private var idle: [PostgresConnection] = []
    /// How common the searched words are, read once in a while for all the desk's connections.
    private let wordStatistics = PostgresWordStatistics()
    /// Idle connections kept for the next transaction; more are closed when given back.
    static let idleLimit = 4

    public var location: String { address.description }

    init(address: PostgresDeskAddress, listenAddress: PostgresDeskAddress? = nil) throws(DeskError) {
        self.address = address
        self.listenAddress = listenAddress
        do {
            connectionAddress = try PostgresAddress(address.connectionText)
        } catch {
            throw .invalidInput("\(address) is not a PostgreSQL address libpq can read")
        }
    }

    /// Opens the desk at `address`, bringing its schema up to date; an empty database becomes
    /// a desk only when `create` is true. A desk that `deskterm copy` has not finished filling
    /// is refused (`DeskError.deskBeingCopied`).
    public static func open(
        address: PostgresDeskAddress, create: Bool, listenAddress: PostgresDeskAddress? = nil
    ) throws(DeskError) -> PostgresDeskStorage {
        let storage = try PostgresDeskStorage(address: address, listenAddress: listenAddress)
        try storage.withConnection { db in
            if !create, try PostgresMigrator.appliedSteps(db) == nil {
                throw DeskError.invalidInput("No desk in \(address): create one with `deskterm init --db ADDRESS`")
            }
            _ = try PostgresMigrator.migrate(db)
            try PostgresCopyInProgress.refuseIfCopying(db, location: address.description)
        }
        return storage
    }

    /// Lets `Desk.open` reach this backend (DeskModel cannot depend on it). `listenAddress`: the
    /// address clients' change feeds listen on instead of the desk's (`DESKTERM_LISTEN_DB`).
    public static func register(listenAddress: PostgresDeskAddress? = nil) {
        DeskBackends.postgresql = { address, create throws(DeskError) in
            try open(address: address, create: create, listenAddress: listenAddress)
        }
        PostgresCopyEndpoints.register()
    }

    /// What every transaction of the desk runs with. Its statements are bounded reads and
    /// writes of a few milliseconds: parallel workers take longer than that to start (5 to 20
    /// ms on a busy two-core machine, measured on the search's walk and word index reads), and
    /// a desk shared by many clients has better use for the server's processes.
    static let transactionSettings = [PostgresLocalSetting("max_parallel_workers_per_gather", "0")]

    public func writeRows<T>(_ options: StorageWrite, _ body: (any DeskRows) throws -> T) throws(DeskError) -> T {
        // A write on the side (Recent, read marks) gives way at once to a writer holding its rows.
        let settings = Self.transactionSettings + (options.waitsForWriters ? [] : [PostgresLocalSetting("lock_timeout", "1ms")])
        return try withConnection(afterLostConnection: .retryUnlessCommitWasSent) { db in
            try db.transaction(.readCommitted, settings: settings) { db in
                let value = try body(PostgresRows(db: db, forWrite: true, wordStatistics: wordStatistics))
                if options.announcesChange { _ = try db.query(PostgresSchema.announceChangeSQL) }
                return value
            }
        }
    }

    public func readRows<T>(_ body: (any DeskRows) throws -> T) throws(DeskError) -> T {
        try withConnection(afterLostConnection: .retry) { db in
            try db.transaction(.repeatableReadReadOnly, settings: Self.transactionSettings) { db in try body(PostgresRows(db: db, forWrite: false, wordStatistics: wordStatistics)) }
        }
    }

    public func changeToken() throws(DeskError) -> Int64 {
        try withConnection(afterLostConnection: .retry) { db in
            guard let row = try db.query(PostgresSchema.changeTokenSQL).first else { return 0 }
            return try row.decode(Int64.self, at: 0)
        }
    }

    /// What to do when the connection was lost under an operation (a server restart, a
    /// fail-over, a terminated backend, the network), decided by `PostgresErrorKind`, never by
    /// message text.
    enum LostConnectionPolicy {
        /// Reads: run once more on a fresh connection; reading twice changes nothing.
        case retry
        /// Writes: run once more only if COMMIT was never sent (the server then rolled the
        /// transaction back); a commit whose answer was lost may have been applied, and
        /// running it again could send a reply twice.
        case retryUnlessCommitWasSent
        /// Never run again.
        case never

        func allowsRetry(after failure: PostgresError) -> Bool {
            guard failure.kind == .connectionFailure else { return false }
            switch self {
            case .retry: return true
            case .retryUnlessCommitWasSent: return !failure.commitOutcomeUnknown
            case .never: return false
            }
        }
    }

    /// Runs `body` on a pooled connection; after a lost connection (see `LostConnectionPolicy`)
    /// the idle ones are closed too (a restart or fail-over took them all) and `body` runs once
    /// more on a new connection. A second loss, or a server that does not answer, is
    /// `DeskError.deskUnreachable`: the caller keeps its work and tries later.
    func withConnection<T>(
        afterLostConnection policy: LostConnectionPolicy = .never, _ body: (PostgresConnection) throws -> T
    ) throws(DeskError) -> T {
        do {
            return try onPooledConnection(body)
        } catch let failure as PostgresError where policy.allowsRetry(after: failure) {
            closeIdleConnections()
            do {
                return try onPooledConnection(body)
            } catch {
                throw PostgresErrors.map(error, location: location)
            }
        } catch {
            throw PostgresErrors.map(error, location: location)
        }
    }

    /// Runs `body` on an idle connection that is still connected (or a new one) and gives it
    /// back, also after a refusal by the rules; a connection that was lost or is stuck in a
    /// transaction is closed instead.
    private func onPooledConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let db = try takeIdleConnection() ?? PostgresConnection(address: connectionAddress)
        defer {
            idleLock.withLock {
                if idle.count < Self.idleLimit && !db.isInTransaction && db.isConnected { idle.append(db) }
            }
        }
        return try body(db)
    }

    /// The newest idle connection that is still connected; dead ones found on the way are dropped.
    private func takeIdleConnection() -> PostgresConnection? {
        while let db = idleLock.withLock({ idle.popLast() }) {
            if db.isStillConnected { return db }
        }
        return nil
    }

    private func closeIdleConnections() {
        let closing = idleLock.withLock {
            defer { idle = [] }
            return idle
        }
        _ = closing  // closed (PQfinish) as the last reference goes, outside the lock
    }

    /// Idle connections kept, for tests.
    var idleConnectionCount: Int { idleLock.withLock { idle.count } }
}

/// PostgreSQL's errors as the desk's: decided by SQLSTATE (`PostgresErrorKind`), never by text.
enum PostgresErrors {
    static func map(_ error: Error, location: String) -> DeskError {
        if let deskError = error as? DeskError { return deskError }
        guard let failure = error as? PostgresError else { return .storage(String(describing: error)) }
        switch failure.kind {
        case .diskFull: return .diskFull(location: location)
        case .connectionFailure where failure.commitOutcomeUnknown: return .writeOutcomeUnknown(location: location)
        case .connectionFailure: return .deskUnreachable(location: location, reason: failure.message)
        default:
            if failure.sqlState == "55P03" { return .databaseBusy(path: location) } // lock_not_available
            if failure.sqlState == "25006" { return .databaseReadOnly(path: location) } // read_only_sql_transaction
            return .storage(failure.message)
        }
    }
}
