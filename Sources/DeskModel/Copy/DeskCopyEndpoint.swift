import Foundation

/// A desk read table by table, for `deskterm copy` and its verification.
public protocol DeskCopySource: AnyObject {
    var location: String { get }
    func rowCount(_ table: CopyTable) throws -> Int
    /// Hands the table's rows to `body` in key order, in batches; the values follow the
    /// table's columns.
    func readRows(_ table: CopyTable, _ body: ([[CopyValue]]) throws -> Void) throws
}

/// A new or empty desk being filled. Nothing usable is at the address before `commit`
/// succeeds (a SQLite file appears only then; a PostgreSQL desk is marked as being copied and
/// refused until then); `abandon` (or a failure anywhere) leaves the address as it was.
public protocol DeskCopyTarget: AnyObject {
    var location: String { get }
    /// Checks that the address holds no desk with content, and prepares the load.
    func begin() throws
    func write(_ table: CopyTable, _ rows: [[CopyValue]]) throws
    /// Rebuilds what the target derives (indexes, full text, counters, id generators), then
    /// makes the desk appear at its address at once.
    func commit(progress: (String) -> Void) throws
    func abandon()
}

/// How each kind of address is opened for copying. SQLite is built in; the PostgreSQL
/// backend registers its own when the program starts (DeskModel cannot depend on it).
public enum DeskCopyEndpoints {
    public typealias PostgresSource = @Sendable (PostgresDeskAddress) throws -> any DeskCopySource
    public typealias PostgresTarget = @Sendable (PostgresDeskAddress) throws -> any DeskCopyTarget

    private static let lock = NSLock()
    nonisolated(unsafe) private static var registered: (source: PostgresSource, target: PostgresTarget)?

    public static func registerPostgres(source: @escaping PostgresSource, target: @escaping PostgresTarget) {
        lock.withLock { registered = (source, target) }
    }

    public static func source(_ address: DeskAddress) throws -> any DeskCopySource {
        switch address {
        case .sqlite(let path): return try SQLiteCopySource(path: path)
        case .postgresql(let postgres): return try postgresEndpoints(postgres).source(postgres)
        }
    }

    public static func target(_ address: DeskAddress) throws -> any DeskCopyTarget {
        switch address {
        case .sqlite(let path): return try SQLiteCopyTarget(path: path)
        case .postgresql(let postgres): return try postgresEndpoints(postgres).target(postgres)
        }
    }

    private static func postgresEndpoints(_ address: PostgresDeskAddress) throws(DeskError) -> (source: PostgresSource, target: PostgresTarget) {
        guard let endpoints = lock.withLock({ registered }) else {
            throw .invalidInput("\(address) is a PostgreSQL desk, and PostgreSQL desks are not supported by this build yet")
        }
        return endpoints
    }
}
