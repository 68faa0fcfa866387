import Foundation
import GRDB

/// When a ticket is unread for a viewer, in SQL over `ticket t` with the viewer's
/// `ticket_read r` LEFT JOINed (`r.user_id = viewer AND r.ticket_id = t.id`).
///
/// A ticket is unread when the viewer marked it so, or when someone else made a change the
/// viewer may see after the last message the client showed them:
/// - a change is a message: a public reply, a system event (status, assignment, auto-close)
///   and, for staff only, an internal note. Customers never see notes, so a note never makes
///   a ticket unread for them or changes their counts (that would tell them one exists).
///   Watcher changes write no message and mark nothing.
/// - "someone else": any author but the viewer (events of the desk itself included).
/// - tickets never opened are candidates only where the viewer is involved (requester,
///   assignee, watcher), so a large desk is never "all unread"; a ticket someone else
///   requested is itself news to its assignee and watchers.
/// - only changes of the last `horizonDays` count, so a large desk's old history is never
///   "unread" and every query reads recent rows only.
package enum UnreadSQL {
    static let horizonDays: Int64 = 30
    static let countCap = UnreadCount.cap

    package static func horizon(now: Date) -> Int64 { now.deskSeconds - horizonDays * 86_400 }

    static let readJoin = "LEFT JOIN ticket_read r ON r.user_id = ? AND r.ticket_id = t.id"

    static func predicate(_ viewer: Viewer, horizon: Int64) -> (sql: String, arguments: StatementArguments) {
        predicate(ListReader(viewer), horizon: horizon)
    }

    static func predicate(_ reader: ListReader, horizon: Int64) -> (sql: String, arguments: StatementArguments) {
        predicate(userID: reader.userID, seesInternalNotes: reader.visibility.seesInternalNotes, horizon: horizon)
    }

    static func predicate(userID me: UserID, seesInternalNotes: Bool, horizon: Int64) -> (sql: String, arguments: StatementArguments) {
        let visibleKinds = seesInternalNotes ? "" : " AND m.kind != 'internalNote'"
        let sql = """
            (r.marked_unread = 1 OR (
                (r.ticket_id IS NOT NULL OR t.requester_id = ? OR t.assignee_id = ?
                    OR EXISTS (SELECT 1 FROM watcher w WHERE w.ticket_id = t.id AND w.user_id = ?))
                AND (
                    (r.ticket_id IS NULL AND t.requester_id != ? AND t.created_at > ?)
                    OR EXISTS (SELECT 1 FROM message m WHERE m.ticket_id = t.id
                        AND m.created_at >= max(? + 1, coalesce(r.seen_at, 0))
                        AND (r.ticket_id IS NULL OR (m.created_at, m.id) > (r.seen_at, r.seen_message_id))
                        AND (m.author_id IS NULL OR m.author_id != ?)\(visibleKinds)))))
            """
        return (sql, [me, me, me, me, horizon, horizon, me])
    }
}

public enum UnreadCount {
    /// Unread counts stop here: a tab shows `99+` rather than a count that costs a scan.
    public static let cap = 100
}
