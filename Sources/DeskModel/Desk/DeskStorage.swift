import Foundation

/// How a write transaction behaves towards other processes.
public struct StorageWrite: Equatable, Sendable {
    /// Moves the desk's change token so that other screens reload. Private writes (drafts)
    /// that nobody else shows pass false.
    public var announcesChange: Bool
    /// Waits for another process's write. Writes a reader makes on the side (the Recent record,
    /// auto-close at login) pass false and fail at once with `databaseBusy` instead.
    public var waitsForWriters: Bool
    /// Many rows at once (an import's batch): the backend may trade per-row work for one pass
    /// at the end of the transaction (SQLite: a bigger page cache, full-text indexing at commit).
    public var isBulkLoad = false

    public init(announcesChange: Bool = true, waitsForWriters: Bool = true) {
        self.announcesChange = announcesChange
        self.waitsForWriters = waitsForWriters
    }

    public static let standard = StorageWrite()
}

/// A backend: where a desk's rows live. It runs transactions and reads and writes rows inside
/// them (`DeskRows`); it decides nothing. The rules (workflow, permissions, plans, numbering,
/// triage) run once, in `Desk`, over any backend.
public protocol DeskStorage: AnyObject, Sendable {
    /// Where the desk is, for messages: a path, or an address without its password.
    var location: String { get }

    /// Runs `body` in one write transaction and commits it; an error rolls everything back.
    /// A backend may run `body` again after a serialization failure, so it must not do
    /// anything outside the transaction that cannot be repeated.
    func writeRows<T>(_ options: StorageWrite, _ body: (any DeskRows) throws -> T) throws(DeskError) -> T

    /// Runs `body` on one consistent snapshot; it never waits for writers.
    func readRows<T>(_ body: (any DeskRows) throws -> T) throws(DeskError) -> T

    /// A number that changes whenever anything in the desk changes (for live refresh).
    func changeToken() throws(DeskError) -> Int64

    /// A feed that tells a client of changes as they happen (`DeskChangeFeed`), or nil.
    func openChangeFeed() -> (any DeskChangeFeed)?
}
