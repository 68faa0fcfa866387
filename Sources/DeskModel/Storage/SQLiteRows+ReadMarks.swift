import Foundation
import GRDB

extension SQLiteRows: ReadMarkRows {
    func ticketIsUnread(_ ticketID: TicketID, userID: UserID, visibility: TicketVisibility, now: Date) throws -> Bool {
        let unread = UnreadSQL.predicate(
            userID: userID, seesInternalNotes: visibility.seesInternalNotes, horizon: UnreadSQL.horizon(now: now))
        return try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM ticket t \(UnreadSQL.readJoin) WHERE t.id = ? AND \(unread.sql))",
            arguments: [userID, ticketID] + unread.arguments) ?? false
    }

    func messagePosition(id: MessageID, ticketID: TicketID) throws -> MessagePosition? {
        try Row.fetchOne(
            db, sql: "SELECT created_at, id FROM message WHERE id = ? AND ticket_id = ?", arguments: [id, ticketID]
        ).map { row in MessagePosition(createdAt: Date(deskSeconds: row[0]), id: row[1]) }
    }

    func markTicketRead(_ ticketID: TicketID, userID: UserID, through seen: MessagePosition?) throws {
        // (0, 0) stands for "no message": every message comes after it.
        try db.execute(
            sql: """
                INSERT INTO ticket_read(user_id, ticket_id, seen_at, seen_message_id, marked_unread) VALUES (?, ?, ?, ?, 0)
                ON CONFLICT(user_id, ticket_id) DO UPDATE SET
                    seen_at = excluded.seen_at, seen_message_id = excluded.seen_message_id, marked_unread = 0
                """,
            arguments: [userID, ticketID, seen?.createdAt.deskSeconds ?? 0, seen?.id ?? 0])
    }

    func markTicketUnread(_ ticketID: TicketID, userID: UserID) throws {
        try db.execute(
            sql: """
                INSERT INTO ticket_read(user_id, ticket_id, seen_at, seen_message_id, marked_unread) VALUES (?, ?, 0, 0, 1)
                ON CONFLICT(user_id, ticket_id) DO UPDATE SET marked_unread = 1
                """,
            arguments: [userID, ticketID])
    }
}
