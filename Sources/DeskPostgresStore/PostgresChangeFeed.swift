import DeskModel
import DeskPostgres
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The desk's changes as they happen (`DeskChangeFeed`): one connection of its own, never a
/// pooled one, that LISTENs on the channel `deskterm_announce_change()` notifies. The client
/// polls its socket beside the terminal, so an idle client sends the server nothing.
///
/// The payload (the desk's change counter) is ignored: a notification only says "reload", and
/// what is reloaded goes through the rules. When the connection is lost, `descriptor` turns nil
/// and `resume()` connects again on a thread of its own, so a server that does not answer never
/// freezes the screen.
///
/// An address that keeps no session (a pooler in transaction mode, `PostgresSessionCheck`)
/// cannot listen at all: the feed then never listens, quietly, and the client keeps to the
/// change token, as on SQLite.
public final class PostgresChangeFeed: DeskChangeFeed {
    private let address: PostgresAddress
    private var connection: PostgresConnection?
    private let attempt = ListenAttempt()
    /// The address keeps no session: nothing listens, and nothing is tried again.
    public private(set) var cannotListen = false
    /// Seconds between two attempts to listen again.
    static let retryInterval: TimeInterval = 2
    /// How long one attempt may wait for the server.
    static let connectTimeoutSeconds = 5

    /// Starts listening at once; a feed that cannot connect starts lost and tries again on `resume()`.
    public init(address: PostgresAddress) {
        self.address = address
        switch Self.listen(address) {
        case .listening(let db): connection = db
        case .noSession: cannotListen = true
        case .unreachable: break
        }
    }

    public var descriptor: Int32? {
        guard let connection else { return nil }
        return connection.socketDescriptor
    }

    public func drainChanges() -> Bool {
        guard let connection else { return false }
        var changed = false
        // A server that ends the connection sends its reason, then closes: the first read takes
        // the reason, the next finds the end. So read while the socket stays readable (a few
        // rounds: notifications that keep coming are read on the next wake-up).
        for _ in 0..<Self.drainRounds {
            do {
                changed = try !connection.pendingNotifications().isEmpty || changed
            } catch {
                lose()
                return changed
            }
            guard connection.isConnected else {
                lose()
                return changed
            }
            guard Self.isReadable(connection.socketDescriptor) else { break }
        }
        return changed
    }

    private static let drainRounds = 4

    private static func isReadable(_ descriptor: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) > 0
    }

    public func resume() -> Bool {
        if connection != nil { return true }
        if cannotListen { return false }
        switch attempt.takeResult() {
        case .listening(let db):
            connection = db
            return true
        case .noSession:
            cannotListen = true
            return false
        case .unreachable, nil:
            attempt.startIfDue(retryInterval: Self.retryInterval) { [address] in Self.listen(address) }
            return false
        }
    }

    /// Forgets the connection (closing it): until `resume()` succeeds, the client checks the token.
    private func lose() {
        connection = nil
    }

    /// What one attempt to listen found.
    enum ListenResult: @unchecked Sendable {
        case listening(PostgresConnection)
        /// Connected, but through a pool that keeps no session: LISTEN would hear nothing.
        case noSession
        case unreachable
    }

    private static func listen(_ address: PostgresAddress) -> ListenResult {
        let options = PostgresOptions(connectTimeoutSeconds: connectTimeoutSeconds, applicationName: "deskterm-changes")
        do {
            let db = try PostgresConnection(address: address, options: options)
            guard try PostgresSessionCheck.keepsSession(db, address: address, options: options) else { return .noSession }
            try db.listen(PostgresSchema.changeChannel)
            return .listening(db)
        } catch {
            return .unreachable
        }
    }
}

/// One background attempt at a time to open a listening connection, and its result, handed to
/// the feed's thread under a lock (a connection belongs to one thread at a time).
private final class ListenAttempt: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false
    private var lastStart: Date?
    private var result: PostgresChangeFeed.ListenResult?

    func takeResult() -> PostgresChangeFeed.ListenResult? {
        lock.withLock {
            defer { result = nil }
            return result
        }
    }

    func startIfDue(retryInterval: TimeInterval, _ connect: @escaping @Sendable () -> PostgresChangeFeed.ListenResult) {
        let due = lock.withLock {
            guard !running, lastStart.map({ Date().timeIntervalSince($0) >= retryInterval }) ?? true else { return false }
            running = true
            lastStart = Date()
            return true
        }
        guard due else { return }
        Thread.detachNewThread { [self] in
            let outcome = connect()
            lock.withLock {
                result = outcome
                running = false
            }
        }
    }
}

extension PostgresDeskStorage {
    /// A feed of its own per client (`PostgresChangeFeed`), on the listening address if one was
    /// given, else on the desk's.
    public func openChangeFeed() -> (any DeskChangeFeed)? {
        guard let feedAddress = try? PostgresAddress((listenAddress ?? address).connectionText) else { return nil }
        return PostgresChangeFeed(address: feedAddress)
    }
}
