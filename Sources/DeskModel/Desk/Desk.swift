import Foundation

/// The desk: every rule (workflow, permissions, plans, numbering, triage, limits) over any
/// backend (`DeskStorage`). Front ends use it through `DeskStore`; backends only keep rows.
public final class Desk: DeskStore {
    public let storage: any DeskStorage
    public let clock: DeskClock

    /// The rules over `storage`; `clock` is the desk's notion of now.
    public init(storage: any DeskStorage, clock: DeskClock = .system) {
        self.storage = storage
        self.clock = clock
    }

    /// The SQLite backend, when the desk is a file (tests read its internals).
    var sqliteStore: SQLiteDeskStore? { storage as? SQLiteDeskStore }

    var now: Date { clock.now() }

    /// Where the desk is (a path, or an address without its password).
    public var location: String { storage.location }

    /// The longest wait for a desk another process is writing that `open` accepts.
    public static let maximumBusyTimeout: TimeInterval = SQLiteDeskStore.maximumBusyTimeout

    /// Opens the desk at `address` (`DeskAddress`: a file path or a `postgresql://` address);
    /// see `SQLiteDeskStore.open` for what opening a file does.
    public static func open(
        address: String, clock: DeskClock = .system, create: Bool = false, busyTimeout: TimeInterval = 10
    ) throws(DeskError) -> Desk {
        try open(try DeskAddress(address), clock: clock, create: create, busyTimeout: busyTimeout)
    }

    public static func open(
        _ address: DeskAddress, clock: DeskClock = .system, create: Bool = false, busyTimeout: TimeInterval = 10
    ) throws(DeskError) -> Desk {
        switch address {
        case .sqlite(let path):
            let sqlite = try SQLiteDeskStore.open(path: path, create: create, busyTimeout: busyTimeout)
            return Desk(storage: sqlite, clock: clock)
        case .postgresql(let postgres):
            guard let open = DeskBackends.postgresql else { throw .postgresUnavailable(address: postgres.description) }
            return Desk(storage: try open(postgres, create), clock: clock)
        }
    }

    /// A write transaction of the rules.
    func write<T>(_ options: StorageWrite = .standard, _ body: (any DeskRows) throws -> T) throws(DeskError) -> T {
        try storage.writeRows(options, body)
    }

    func read<T>(_ body: (any DeskRows) throws -> T) throws(DeskError) -> T {
        try storage.readRows(body)
    }

    public func changeToken() throws(DeskError) -> Int64 { try storage.changeToken() }
}

extension Desk {
    /// The ticket with this number if the viewer may see it; otherwise the same "not found"
    /// as for a number that does not exist.
    static func visibleTicket(_ rows: any DeskRows, number: Int64, viewer: Viewer) throws -> Ticket {
        guard let ticket = try rows.ticket(number: number, visibility: TicketVisibility(viewer)) else {
            throw DeskError.ticketNotFound(number: number)
        }
        return ticket
    }
}
