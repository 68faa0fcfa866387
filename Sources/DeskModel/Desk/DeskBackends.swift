import Foundation

/// Backends that live in targets of their own (DeskModel cannot depend on them) register how
/// they open a desk here when the program starts; `Desk.open` asks them.
public enum DeskBackends {
    public typealias PostgresOpener = @Sendable (PostgresDeskAddress, _ create: Bool) throws(DeskError) -> any DeskStorage

    private static let lock = NSLock()
    nonisolated(unsafe) private static var registeredPostgres: PostgresOpener?

    /// Opens a PostgreSQL desk; nil until the PostgreSQL backend registered itself.
    public static var postgresql: PostgresOpener? {
        get { lock.withLock { registeredPostgres } }
        set { lock.withLock { registeredPostgres = newValue } }
    }
}
