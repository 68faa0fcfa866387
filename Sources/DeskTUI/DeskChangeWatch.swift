import DeskModel
import Foundation

/// How the client learns that another process changed the desk. With a change feed
/// (`DeskChangeFeed`, PostgreSQL's NOTIFY) the loop waits on the feed's descriptor beside the
/// terminal and refreshes as soon as it is readable, asking the desk nothing while idle.
/// Without one (SQLite), or while the feed's connection is lost, it compares the change token
/// once a second, and meanwhile asks the feed to listen again.
///
/// A flood of notifications (a bulk write elsewhere) refreshes at most once per `refreshFloor`:
/// the first change after a quiet moment refreshes at once, and the changes that come within
/// the floor are owed one refresh at its end (`owedRefreshIsDue`), so no change waits longer
/// than the floor.
final class DeskChangeWatch {
    private let feed: (any DeskChangeFeed)?
    private let currentToken: () throws(DeskError) -> Int64
    private var lastToken: Int64?
    private let now: () -> Date
    private var lastRefresh: Date?
    private var refreshOwed = false

    /// The shortest time between two refreshes for notifications, in milliseconds: under the
    /// 200 ms in which a change must reach every client.
    static let refreshFloor = 150

    /// `currentToken`: the desk's change token.
    init(feed: (any DeskChangeFeed)?, currentToken: @escaping () throws(DeskError) -> Int64, now: @escaping () -> Date = Date.init) {
        self.feed = feed
        self.currentToken = currentToken
        self.now = now
        lastToken = try? currentToken()
    }

    convenience init(store: any DeskStore) {
        self.init(feed: store.openChangeFeed(), currentToken: { () throws(DeskError) -> Int64 in try store.changeToken() })
    }

    /// The descriptor to wait on beside the terminal; nil: changes are found by `tick()`.
    var descriptor: Int32? { feed?.descriptor }

    /// The descriptor was readable: whether to refresh now (once for a whole burst, and not
    /// again within the floor: a change then is owed a refresh at its end).
    func notified() -> Bool {
        guard feed?.drainChanges() == true else { return false }
        if let since = millisecondsSinceRefresh, since < Self.refreshFloor {
            refreshOwed = true
            return false
        }
        lastRefresh = now()
        return true
    }

    /// At every turn of the loop: whether the refresh owed to changes that came within the
    /// floor is due now.
    func owedRefreshIsDue() -> Bool {
        guard refreshOwed, let since = millisecondsSinceRefresh, since >= Self.refreshFloor else { return false }
        refreshOwed = false
        lastRefresh = now()
        return true
    }

    /// Whole milliseconds (rounded) since the last refresh for notifications.
    private var millisecondsSinceRefresh: Int? {
        lastRefresh.map { Int((now().timeIntervalSince($0) * 1000).rounded()) }
    }

    /// How long the loop may wait for input: `longest`, or less when an owed refresh falls due sooner.
    func waitMilliseconds(upTo longest: Int32) -> Int32 {
        guard refreshOwed, let since = millisecondsSinceRefresh else { return longest }
        return min(longest, Int32(max(1, Self.refreshFloor - since)))
    }

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
