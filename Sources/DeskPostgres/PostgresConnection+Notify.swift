import CLibPQ
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A NOTIFY received on a channel this connection listens to.
public struct PostgresNotification: Equatable, Sendable {
    public let channel: String
    public let payload: String
    /// The server process of the connection that sent it.
    public let senderPID: Int32

    public init(channel: String, payload: String, senderPID: Int32) {
        self.channel = channel
        self.payload = payload
        self.senderPID = senderPID
    }
}

extension PostgresConnection {
    /// The connection's socket: readable when notifications (or anything else) arrived, so a
    /// caller can poll it beside the terminal and then call `pendingNotifications()`.
    public var socketDescriptor: Int32 { PQsocket(handle) }

    public func listen(_ channel: String) throws {
        try executeScript("LISTEN \(quoteIdentifier(channel))")
    }

    public func unlisten(_ channel: String) throws {
        try executeScript("UNLISTEN \(quoteIdentifier(channel))")
    }

    /// Sends `payload` to every connection listening on `channel` (at COMMIT when in a transaction).
    public func notify(_ channel: String, payload: String = "") throws {
        try execute("SELECT pg_notify($1, $2)", [.text(channel), .text(payload)])
    }

    /// The notifications that arrived so far, without waiting.
    public func pendingNotifications() throws -> [PostgresNotification] {
        try finishPendingCommit()
        guard PQconsumeInput(handle) == 1 else { throw connectionError() }
        var notifications: [PostgresNotification] = []
        while let notice = PQnotifies(handle) {
            notifications.append(
                PostgresNotification(
                    channel: String(cString: notice.pointee.relname),
                    payload: String(cString: notice.pointee.extra),
                    senderPID: notice.pointee.be_pid))
            PQfreemem(notice)
        }
        return notifications
    }

    /// Waits up to `timeout` for the socket to become readable, then returns what arrived
    /// (possibly nothing, on timeout).
    public func waitForNotifications(timeout: Duration) throws -> [PostgresNotification] {
        let already = try pendingNotifications()
        if !already.isEmpty { return already }
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        var descriptor = pollfd(fd: socketDescriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, milliseconds)
        return try pendingNotifications()
    }
}
