import Foundation
import GRDB

/// Unread markers and counts (`UnreadSQL`), and what the client has shown each user.
extension SQLiteDeskStore {
    /// Never waits for another process and announces nothing: reading is not a change to the
    /// desk (announcing it would make every client, this one too, reload again).
    @discardableResult
    public func markRead(number: Int64, throughMessage messageID: MessageID?, viewer: Viewer) throws(DeskError) -> Bool {
        let horizon = UnreadSQL.horizon(now: now)
        do {
            return try write(announcesChange: false, waitsForWriters: false) { db in
                let ticket = try Self.visibleTicket(db, number: number, viewer: viewer)
                let unread = UnreadSQL.predicate(viewer, horizon: horizon)
                let wasUnread = try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM ticket t \(UnreadSQL.readJoin) WHERE t.id = ? AND \(unread.sql))",
                    arguments: [viewer.id, ticket.id] + unread.arguments) ?? false
                var seen: (at: Int64, id: Int64) = (0, 0)
                if let messageID, let row = try Row.fetchOne(
                    db, sql: "SELECT created_at, id FROM message WHERE id = ? AND ticket_id = ?", arguments: [messageID, ticket.id])
                {
                    seen = (row[0], row[1])
                }
                try db.execute(
                    sql: """
                        INSERT INTO ticket_read(user_id, ticket_id, seen_at, seen_message_id, marked_unread) VALUES (?, ?, ?, ?, 0)
                        ON CONFLICT(user_id, ticket_id) DO UPDATE SET
                            seen_at = excluded.seen_at, seen_message_id = excluded.seen_message_id, marked_unread = 0
                        """,
                    arguments: [viewer.id, ticket.id, seen.at, seen.id])
                return wasUnread
            }
        } catch .databaseBusy {
            // Not marked: nothing changed.
            return false
        }
    }

    public func markUnread(number: Int64, viewer: Viewer) throws(DeskError) {
        try write(announcesChange: false) { db in
            let ticket = try Self.visibleTicket(db, number: number, viewer: viewer)
            try db.execute(
                sql: """
                    INSERT INTO ticket_read(user_id, ticket_id, seen_at, seen_message_id, marked_unread) VALUES (?, ?, 0, 0, 1)
                    ON CONFLICT(user_id, ticket_id) DO UPDATE SET marked_unread = 1
                    """,
                arguments: [viewer.id, ticket.id])
        }
    }
}
