import Foundation

@testable import DeskModel

/// A backend whose server can be cut off: while `reachable` is false every transaction fails
/// as a lost connection does on a real server (`DeskError.deskUnreachable`), without touching
/// the desk under it; set it back and the same desk answers again.
final class UnreachableStorage: DeskStorage, @unchecked Sendable {
    static let reason = "server closed the connection unexpectedly"
    let inner: any DeskStorage
    private let lock = NSLock()
    private var isReachable = true

    init(_ inner: any DeskStorage) { self.inner = inner }

    var reachable: Bool {
        get { lock.withLock { isReachable } }
        set { lock.withLock { isReachable = newValue } }
    }

    var location: String { inner.location }

    var lostConnection: DeskError { .deskUnreachable(location: location, reason: Self.reason) }

    func writeRows<T>(_ options: StorageWrite, _ body: (any DeskRows) throws -> T) throws(DeskError) -> T {
        guard reachable else { throw lostConnection }
        return try inner.writeRows(options, body)
    }

    func readRows<T>(_ body: (any DeskRows) throws -> T) throws(DeskError) -> T {
        guard reachable else { throw lostConnection }
        return try inner.readRows(body)
    }

    func changeToken() throws(DeskError) -> Int64 {
        guard reachable else { throw lostConnection }
        return try inner.changeToken()
    }
}
