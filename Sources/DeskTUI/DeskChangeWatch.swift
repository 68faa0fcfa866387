import DeskModel

/// How the client learns that another process changed the desk. With a change feed
/// (`DeskChangeFeed`, PostgreSQL's NOTIFY) the loop waits on the feed's descriptor beside the
/// terminal and refreshes as soon as it is readable, asking the desk nothing while idle.
/// Without one (SQLite), or while the feed's connection is lost, it compares the change token
/// once a second, and meanwhile asks the feed to listen again.
final class DeskChangeWatch {
    private let feed: (any DeskChangeFeed)?
    private let currentToken: () throws(DeskError) -> Int64
    private var lastToken: Int64?

    /// `currentToken`: the desk's change token.
    init(feed: (any DeskChangeFeed)?, currentToken: @escaping () throws(DeskError) -> Int64) {
        self.feed = feed
        self.currentToken = currentToken
        lastToken = try? currentToken()
    }

    convenience init(store: any DeskStore) {
        self.init(feed: store.openChangeFeed(), currentToken: { () throws(DeskError) -> Int64 in try store.changeToken() })
    }

    /// The descriptor to wait on beside the terminal; nil: changes are found by `tick()`.
    var descriptor: Int32? { feed?.descriptor }

    /// The descriptor was readable: whether the desk changed (once for a whole burst).
    func notified() -> Bool { feed?.drainChanges() ?? false }

    /// At each idle wake-up (cheap: no query): whether a feed that had lost its connection
    /// listens again, in which case the client refreshes once for what it missed meanwhile.
    func listensAgain() -> Bool {
        guard let feed, feed.descriptor == nil, feed.resume() else { return false }
        lastToken = try? currentToken()
        return true
    }

    /// Once a second while idle: whether the desk changed since the last look, for a client
    /// without a listening feed (a listening one reads no token). Throws only when the desk
    /// cannot be reached (the client says so); anything else, e.g. a busy desk, is looked at
    /// again at the next tick.
    func tick() throws(DeskError) -> Bool {
        if feed?.descriptor != nil { return false }
        let token: Int64
        do {
            token = try currentToken()
        } catch .deskUnreachable(let location, let reason) {
            throw .deskUnreachable(location: location, reason: reason)
        } catch {
            return false
        }
        guard token != lastToken else { return false }
        lastToken = token
        return true
    }
}
