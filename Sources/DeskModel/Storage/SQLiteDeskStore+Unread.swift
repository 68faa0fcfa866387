import Foundation
import GRDB

/// Unread markers and counts (`UnreadSQL`), and what the client has shown each user.
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
