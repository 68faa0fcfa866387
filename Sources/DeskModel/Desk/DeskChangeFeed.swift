/// Tells a client at once that the desk changed, through a file descriptor it can poll beside
/// its terminal, so that an idle client asks the desk nothing (PostgreSQL: LISTEN on a
/// connection of its own). A backend without one (SQLite) offers none: the client compares
/// `changeToken()` once a second instead.
///
/// A feed says only that something changed, never what: the client reloads through the rules,
/// so a viewer learns nothing from it that the rules would not show. Used by one thread.
public protocol DeskChangeFeed: AnyObject {
    /// Readable when a change may have arrived. nil while the feed cannot listen (its
    /// connection was lost): the client then checks `changeToken()` as for a SQLite desk, and
    /// calls `resume()` now and then.
    var descriptor: Int32? { get }

    /// Takes everything that arrived, without waiting: whether the desk changed at least once
    /// (a burst of changes is one answer). A lost connection ends listening: false, and
    /// `descriptor` becomes nil.
    func drainChanges() -> Bool

    /// While not listening: tries to listen again without blocking the caller (one attempt at a
    /// time, a few seconds apart). True once listening again; changes made in between were not
    /// announced to this feed, so the caller refreshes once.
    func resume() -> Bool
}

extension DeskStorage {
    /// Backends that announce nothing to a listener keep the change token alone.
    public func openChangeFeed() -> (any DeskChangeFeed)? { nil }
}

extension DeskStore {
    /// Stores with no feed of their own (test doubles) keep the change token alone.
    public func openChangeFeed() -> (any DeskChangeFeed)? { nil }
}

extension Desk {
    /// The backend's feed of changes, if it has one (`DeskChangeFeed`).
    public func openChangeFeed() -> (any DeskChangeFeed)? { storage.openChangeFeed() }
}
