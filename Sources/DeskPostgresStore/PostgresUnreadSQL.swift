import DeskModel
import DeskPostgres
import Foundation

/// When a ticket is unread for a reader, in PostgreSQL: SQLite's `UnreadSQL`, the same rule
/// (marked unread, or a change by someone else the reader may see, since the last message
/// shown and within `UnreadSQL.horizonDays`; never-opened tickets only where the reader is
/// involved), over `ticket t` with the reader's `ticket_read r` LEFT JOINed (`readJoin`).
enum PostgresUnreadSQL {
    /// The most unread tickets the counts look at (each tab stops at `UnreadCount.cap`), as SQLite.
    static let candidateLimit = 5_000

    static func readJoin(_ reader: ListReader) -> PostgresQueryFragment {
        PostgresQueryFragment("LEFT JOIN ticket_read r ON r.user_id = ? AND r.ticket_id = t.id", [.int(reader.userID)])
    }

    static func predicate(_ reader: ListReader, horizon: Int64) -> PostgresQueryFragment {
        let me = PostgresValue.int(reader.userID)
        let visibleKinds = reader.visibility.seesInternalNotes ? "" : " AND m.kind != 'internalNote'"
        return PostgresQueryFragment("""
            (r.marked_unread OR (
                (r.ticket_id IS NOT NULL OR t.requester_id = ? OR t.assignee_id = ?
                    OR EXISTS (SELECT 1 FROM watcher w WHERE w.ticket_id = t.id AND w.user_id = ?))
                AND (
                    (r.ticket_id IS NULL AND t.requester_id != ? AND t.created_at > ?)
                    OR EXISTS (SELECT 1 FROM message m WHERE m.ticket_id = t.id
                        AND m.created_at >= greatest(?::bigint + 1, coalesce(r.seen_at, 0))
                        AND (r.ticket_id IS NULL OR (m.created_at, m.id) > (r.seen_at, r.seen_message_id))
                        AND (m.author_id IS NULL OR m.author_id != ?)\(visibleKinds)))))
            """, [me, me, me, me, .int(horizon), .int(horizon), me])
    }

    /// Unread tickets the reader may see, found among the few that can be: those they are
    /// involved in or opened, changed within the horizon (read through the list indexes).
    static func candidates(_ reader: ListReader, now: Date) -> PostgresQueryFragment {
        let horizon = PostgresValue.int(UnreadSQL.horizon(now: now))
        let me = PostgresValue.int(reader.userID)
        // Customers' candidates by the time of what they see: a note makes none of theirs.
        let updated = PublicUpdateTimeSchema.updatedColumn(seenBy: reader.visibility)
        return PostgresQueryFragment("""
            SELECT t.id FROM (
                SELECT id FROM ticket WHERE assignee_id = ? AND \(updated) > ?
                UNION SELECT id FROM ticket WHERE requester_id = ? AND \(updated) > ?
                UNION SELECT w.ticket_id FROM watcher w JOIN ticket wt ON wt.id = w.ticket_id
                    WHERE w.user_id = ? AND wt.\(updated) > ?
                UNION SELECT rr.ticket_id FROM ticket_read rr JOIN ticket rt ON rt.id = rr.ticket_id
                    WHERE rr.user_id = ? AND (rt.\(updated) > ? OR rr.marked_unread)
            ) c JOIN ticket t ON t.id = c.id
            """, [me, horizon, me, horizon, me, horizon, me, horizon])
            + PostgresQueryFragment(" ") + readJoin(reader)
            + PostgresQueryFragment(" WHERE ")
            + PostgresListVisibility.predicate(reader.visibility).and(predicate(reader, horizon: UnreadSQL.horizon(now: now)))
            + PostgresQueryFragment(" LIMIT \(candidateLimit)")
    }
}
