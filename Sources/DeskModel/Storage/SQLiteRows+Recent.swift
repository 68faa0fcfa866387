import Foundation
import GRDB

extension SQLiteRows: RecentRows {
    func recordRecentView(userID: UserID, ticketID: TicketID, at time: Date) throws {
        // `sequence` orders views within the same second.
        let sequence = (try Int64.fetchOne(
            db, sql: "SELECT MAX(sequence) FROM recent_view WHERE user_id = ?", arguments: [userID]) ?? 0) + 1
        try db.execute(
            sql: """
                INSERT INTO recent_view(user_id, ticket_id, viewed_at, sequence) VALUES (?, ?, ?, ?)
                ON CONFLICT(user_id, ticket_id) DO UPDATE SET viewed_at = excluded.viewed_at, sequence = excluded.sequence
                """,
            arguments: [userID, ticketID, time.deskSeconds, sequence])
    }

    func trimRecentViews(userID: UserID, keeping limit: Int) throws {
        try db.execute(
            sql: """
                DELETE FROM recent_view WHERE user_id = ? AND ticket_id NOT IN (
                    SELECT ticket_id FROM recent_view WHERE user_id = ? ORDER BY sequence DESC LIMIT ?)
                """,
            arguments: [userID, userID, limit])
    }
}
