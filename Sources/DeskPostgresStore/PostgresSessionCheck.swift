import DeskPostgres
import Foundation

/// Whether a connection keeps its server session, which LISTEN needs. A connection straight to
/// the server does; one through a pooler in transaction mode (pgbouncer's `pool_mode =
/// transaction`) does not: its LISTEN is registered on a server connection that is then handed
/// to other clients, and the notifications never come back to it.
enum PostgresSessionCheck {
    /// How long a notification sent through another connection may take to arrive.
    static let probeWait: Duration = .milliseconds(500)

    /// True straight to the server (libpq's backend pid is the server's own, no round trip
    /// beyond one query). Behind a pooler, whose pid is its own: true when a notification on a
    /// private channel, sent from another connection to `address`, reaches `db`, which a session
    /// pool delivers and a transaction pool does not.
    static func keepsSession(_ db: PostgresConnection, address: PostgresAddress, options: PostgresOptions) throws -> Bool {
        let serverPID = try db.query("SELECT pg_backend_pid()")[0].decode(Int64.self, at: 0)
        if serverPID == Int64(db.backendPID) { return true }
        let channel = "deskterm_session_check_\(UInt64.random(in: 0...UInt64.max))"
        try db.listen(channel)
        try PostgresConnection(address: address, options: options).notify(channel)
        let deadline = ContinuousClock.now + probeWait
        while case let left = deadline - ContinuousClock.now, left > .zero {
            let arrived = try db.waitForNotifications(timeout: left)
            if arrived.contains(where: { $0.channel == channel }) {
                try db.unlisten(channel)
                return true
            }
        }
        return false
    }
}
