import Foundation
import GRDB

/// Recording which tickets a user opened (Recent).
extension SQLiteDeskStore {
    /// Never waits for another process's write: Recent is a convenience, and reading a ticket
    /// must not stall behind an import. A view made while the desk is busy is not recorded.
    public func recordViewed(number: Int64, viewer: Viewer) throws(DeskError) {
        let now = self.now
        do {
            try recordViewed(number: number, viewer: viewer, at: now)
        } catch .databaseBusy {
            return
        }
    }

    private func recordViewed(number: Int64, viewer: Viewer, at now: Date) throws(DeskError) {
        try write(waitsForWriters: false) { db in
            let ticket = try Self.visibleTicket(db, number: number, viewer: viewer)
            // `sequence` orders views within the same second.
            let sequence = (try Int64.fetchOne(
                db, sql: "SELECT MAX(sequence) FROM recent_view WHERE user_id = ?", arguments: [viewer.id]) ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO recent_view(user_id, ticket_id, viewed_at, sequence) VALUES (?, ?, ?, ?)
                    ON CONFLICT(user_id, ticket_id) DO UPDATE SET viewed_at = excluded.viewed_at, sequence = excluded.sequence
                    """,
                arguments: [viewer.id, ticket.id, now.deskSeconds, sequence])
            // Keep the record bounded: Recent is a short memory, not a log.
            try db.execute(
                sql: """
                    DELETE FROM recent_view WHERE user_id = ? AND ticket_id NOT IN (
                        SELECT ticket_id FROM recent_view WHERE user_id = ? ORDER BY sequence DESC LIMIT ?)
                    """,
                arguments: [viewer.id, viewer.id, Self.recentLimit])
        }
    }

    static let recentLimit = 100
}
