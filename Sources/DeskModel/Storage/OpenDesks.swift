import Foundation
import GRDB

/// One SQLite connection pool per desk file per process. A second pool on the same file is
/// safe only while every connection goes through the same SQLite library, and nothing is
/// gained by it; one pool per file makes "open the desk once per process" hold by
/// construction, whichever front end asks.
final class SharedDesk: @unchecked Sendable {
    /// The path the pool was opened with, to tell a reused inode number from the same file.
    let path: String
    let pool: DatabasePool
    let fullText: FullTextSwitch
    /// What the pool's connections wait for a lock, to restore after a write that does not wait.
    let busyTimeoutMilliseconds: Int

    init(path: String, pool: DatabasePool, fullText: FullTextSwitch, busyTimeout: TimeInterval) {
        self.path = path
        self.pool = pool
        self.fullText = fullText
        self.busyTimeoutMilliseconds = Int(busyTimeout * 1000)
    }
}

enum OpenDesks {
    private final class WeakDesk {
        weak var desk: SharedDesk?
        init(_ desk: SharedDesk) { self.desk = desk }
    }

    private static let lock = NSRecursiveLock()
    nonisolated(unsafe) private static var desks: [DeskFile.FileIdentity: WeakDesk] = [:]

    /// Runs `body` with the registry held, so two threads opening one desk get one pool.
    static func withLock<T>(_ body: () throws(DeskError) -> T) throws(DeskError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The pool this process already has on that file, if any. Call inside `withLock`.
    static func existing(_ identity: DeskFile.FileIdentity) -> SharedDesk? {
        guard let desk = desks[identity]?.desk else { return nil }
        // A desk deleted while open frees its inode number for a new file: that is not it.
        guard DeskFile.identity(desk.path) == identity else {
            desks[identity] = nil
            return nil
        }
        return desk
    }

    /// Call inside `withLock`.
    static func register(_ desk: SharedDesk, as identity: DeskFile.FileIdentity) {
        desks = desks.filter { $0.value.desk != nil }
        desks[identity] = WeakDesk(desk)
    }
}
