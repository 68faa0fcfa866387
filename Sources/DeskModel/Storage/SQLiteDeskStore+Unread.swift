import Foundation
import GRDB

/// Unread markers and counts (`UnreadSQL`).
extension SQLiteDeskStore {
    /// The tickets among `ids` that are unread for the viewer: a page's rows, already read
    /// through the viewer's scope.
    static func unreadIDs(_ db: Database, among ids: [TicketID], viewer: Viewer, now: Date) throws -> Set<TicketID> {
        guard !ids.isEmpty else { return [] }
        let unread = UnreadSQL.predicate(viewer, horizon: UnreadSQL.horizon(now: now))
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        let found = try TicketID.fetchAll(
            db,
            sql: """
                SELECT t.id FROM json_each(?) j CROSS JOIN ticket t ON t.id = j.value \(UnreadSQL.readJoin)
                WHERE \(unread.sql)
                """,
            arguments: [list, viewer.id] + unread.arguments)
        return Set(found)
    }

    public func unreadCounts(viewer: Viewer) throws(DeskError) -> [CaseView: Int] {
        let now = self.now
        return try read { db in
            let ids = try Self.unreadCandidates(db, viewer: viewer, now: now)
            var counts: [CaseView: Int] = [:]
            let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
            for view in CaseView.allCases {
                guard !ids.isEmpty else {
                    counts[view] = 0
                    continue
                }
                // Each unread ticket is looked up in the view's branches by id: the unread
                // tickets are few, the views may hold a million.
                var arguments: StatementArguments = [list]
                let membership = ListQuery(request: PageRequest(view: view), viewer: viewer).branches().map { branch in
                    arguments += branch.arguments
                    return "EXISTS (SELECT 1 FROM \(branch.from) WHERE \(branch.condition) AND t.id = j.value)"
                }
                guard !membership.isEmpty else {
                    counts[view] = 0
                    continue
                }
                counts[view] = try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM (SELECT j.value FROM json_each(?) j
                            WHERE \(membership.joined(separator: " OR ")) LIMIT \(UnreadSQL.countCap))
                        """,
                    arguments: arguments) ?? 0
            }
            return counts
        }
    }

    /// Unread tickets the viewer may see, found among the few that can be: those they are
    /// involved in or opened, changed within the horizon (read through the list indexes; the
    /// CROSS JOIN keeps SQLite from driving the query by the ticket table instead).
    static func unreadCandidates(_ db: Database, viewer: Viewer, now: Date) throws -> [TicketID] {
        let query = unreadCandidatesSQL(viewer: viewer, now: now)
        return try TicketID.fetchAll(db, sql: query.sql, arguments: query.arguments)
    }

    static func unreadCandidatesSQL(viewer: Viewer, now: Date) -> (sql: String, arguments: StatementArguments) {
        let horizon = UnreadSQL.horizon(now: now)
        let me = viewer.id
        let unread = UnreadSQL.predicate(viewer, horizon: horizon)
        let visibility = VisibilitySQL.predicate(viewer)
        // Customers' candidates by the time of what they see: a note makes none of theirs.
        let updated = PublicUpdateTimeSchema.updatedColumn(seenBy: viewer)
        return (
            """
                SELECT t.id FROM (
                    SELECT id FROM ticket WHERE assignee_id = ? AND \(updated) > ?
                    UNION SELECT id FROM ticket WHERE requester_id = ? AND \(updated) > ?
                    UNION SELECT w.ticket_id FROM watcher w JOIN ticket wt ON wt.id = w.ticket_id
                        WHERE w.user_id = ? AND wt.\(updated) > ?
                    UNION SELECT rr.ticket_id FROM ticket_read rr JOIN ticket rt ON rt.id = rr.ticket_id
                        WHERE rr.user_id = ? AND (rt.\(updated) > ? OR rr.marked_unread = 1)
                ) c CROSS JOIN ticket t ON t.id = c.id \(UnreadSQL.readJoin)
                WHERE \(visibility.sql) AND \(unread.sql)
                LIMIT \(candidateLimit)
                """,
            [me, horizon, me, horizon, me, horizon, me, horizon, me] + visibility.arguments + unread.arguments)
    }

    /// The most unread tickets the counts look at (each tab stops at `UnreadSQL.countCap`).
    static let candidateLimit = 5_000
}
