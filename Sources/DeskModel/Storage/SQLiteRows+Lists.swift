import Foundation
import GRDB

/// Pages, counts and unread marks of case views: `TicketListQuery` compiled to SQL (`ListQuery`,
/// `FilterSQL`, `UnreadSQL`).
extension SQLiteRows: TicketQueryRows {
    func ticketPage(_ query: TicketListQuery) throws -> (rows: [TicketSummary], hasMore: Bool) {
        let request = query.page
        let sql = try listQuery(query).sql()
        var rows = try Row.fetchAll(db, sql: sql.sql, arguments: sql.arguments).map {
            RowDecoding.summary($0, sortValue: $0["k"])
        }
        let hasMore = rows.count > request.limit
        if hasMore { rows.removeLast() }
        if request.direction == .backward { rows.reverse() }
        return (rows, hasMore)
    }

    /// The view's query with the request's filter compiled against the desk's names and now.
    func listQuery(_ query: TicketListQuery) throws -> ListQuery {
        var list = ListQuery(query)
        list.restriction = try FilterSQL.compile(
            query.page.filter, reader: query.reader, now: query.now, db: db, orderColumn: list.orderColumn)
        return list
    }

    func ticketCount(_ query: TicketListQuery, upTo cap: Int?) throws -> Int {
        let list = try listQuery(query)
        // Without a filter the count may read a counter; a filter may leave none to read, so
        // its count stops at the cap.
        guard let cap, !list.restriction.isEmpty else {
            let all = list.countSQL()
            let count = try Int.fetchOne(db, sql: all.sql, arguments: all.arguments) ?? 0
            return cap.map { min($0, count) } ?? count
        }
        var arguments: StatementArguments = []
        let union = list.branches().map { branch -> String in
            arguments += branch.arguments
            return "SELECT t.id FROM \(branch.from) WHERE \(branch.condition)"
        }.joined(separator: " UNION ")
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(union) LIMIT \(cap))", arguments: arguments) ?? 0
    }

    func unreadTickets(among ids: [TicketID], reader: ListReader, now: Date) throws -> Set<TicketID> {
        guard !ids.isEmpty else { return [] }
        let unread = UnreadSQL.predicate(reader, horizon: UnreadSQL.horizon(now: now))
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        let found = try TicketID.fetchAll(
            db,
            sql: """
                SELECT t.id FROM json_each(?) j CROSS JOIN ticket t ON t.id = j.value \(UnreadSQL.readJoin)
                WHERE \(unread.sql)
                """,
            arguments: [list, reader.userID] + unread.arguments)
        return Set(found)
    }

    func unreadCounts(_ views: [(view: CaseView, branches: [ViewBranch])], reader: ListReader, now: Date) throws -> [CaseView: Int] {
        let candidates = Self.unreadCandidatesSQL(reader: reader, now: now)
        let ids = try TicketID.fetchAll(db, sql: candidates.sql, arguments: candidates.arguments)
        var counts: [CaseView: Int] = [:]
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        for (view, parts) in views {
            guard !ids.isEmpty else {
                counts[view] = 0
                continue
            }
            // Each unread ticket is looked up in the view's branches by id: the unread
            // tickets are few, the views may hold a million.
            var arguments: StatementArguments = [list]
            let branches = ListQuery(TicketListQuery(branches: parts, reader: reader, page: PageRequest(view: view), now: now))
                .branches()
            let membership = branches.map { branch in
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

    /// Unread tickets the reader may see, found among the few that can be: those they are
    /// involved in or opened, changed within the horizon (read through the list indexes; the
    /// CROSS JOIN keeps SQLite from driving the query by the ticket table instead).
    static func unreadCandidatesSQL(reader: ListReader, now: Date) -> (sql: String, arguments: StatementArguments) {
        let horizon = UnreadSQL.horizon(now: now)
        let me = reader.userID
        let unread = UnreadSQL.predicate(reader, horizon: horizon)
        let visibility = VisibilitySQL.predicate(reader.visibility)
        // Customers' candidates by the time of what they see: a note makes none of theirs.
        let updated = PublicUpdateTimeSchema.updatedColumn(seenBy: reader.visibility)
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
