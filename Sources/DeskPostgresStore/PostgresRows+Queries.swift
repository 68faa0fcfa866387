import DeskModel
import DeskPostgres
import Foundation

/// Pages, counts and unread marks of case views: `TicketListQuery` compiled to PostgreSQL
/// (`PostgresListQuery`, `PostgresFilterSQL`, `PostgresUnreadSQL`), with the same orders, ties
/// and limits as SQLite's `SQLiteRows+Lists`.
extension PostgresRows: TicketQueryRows {
    func ticketPage(_ query: TicketListQuery) throws -> (rows: [TicketSummary], hasMore: Bool) {
        let request = query.page
        guard !query.branches.isEmpty, request.limit > 0 else { return ([], false) }
        let list = try listQuery(query)
        var rows = try db.query(list.page()).map { row in
            try PostgresTicketSummaryRow.decode(row, sortValue: try row.decode(Int64.self, column: "k"))
        }
        let hasMore = rows.count > request.limit
        if hasMore { rows.removeLast() }
        if request.direction == .backward { rows.reverse() }
        return (rows, hasMore)
    }

    /// The view's query with the request's filter compiled against the desk's names and now.
    func listQuery(_ query: TicketListQuery) throws -> PostgresListQuery {
        PostgresListQuery(
            query, restriction: try PostgresFilterSQL.compile(query.page.filter, reader: query.reader, now: query.now, db: db))
    }

    func ticketCount(_ query: TicketListQuery, upTo cap: Int?) throws -> Int {
        let count = try db.query(try listQuery(query).count(upTo: cap)).first?.decode(Int.self, at: 0) ?? 0
        return cap.map { min($0, count) } ?? count
    }

    func unreadTickets(among ids: [TicketID], reader: ListReader, now: Date) throws -> Set<TicketID> {
        guard !ids.isEmpty else { return [] }
        let statement = PostgresQueryFragment("SELECT t.id FROM ticket t ")
            + PostgresUnreadSQL.readJoin(reader)
            + PostgresQueryFragment(" WHERE t.id = ANY(?::bigint[]) AND ", [PostgresRowDecoding.idArray(ids)])
            + PostgresUnreadSQL.predicate(reader, horizon: UnreadSQL.horizon(now: now))
        return Set(try db.query(statement).map { try $0.decode(Int64.self, at: 0) })
    }

    func unreadCounts(_ views: [(view: CaseView, branches: [ViewBranch])], reader: ListReader, now: Date) throws -> [CaseView: Int] {
        let ids = try db.query(PostgresUnreadSQL.candidates(reader, now: now)).map { try $0.decode(Int64.self, at: 0) }
        var counts: [CaseView: Int] = [:]
        for (view, parts) in views {
            let branches = PostgresListQuery(
                TicketListQuery(branches: parts, reader: reader, page: PageRequest(view: view), now: now)
            ).branches()
            guard !ids.isEmpty, !branches.isEmpty else {
                counts[view] = 0
                continue
            }
            // Each unread ticket is looked up in the view's branches by id: the unread tickets
            // are few, the views may hold a million.
            var statement = PostgresQueryFragment(
                "SELECT count(*) FROM (SELECT c.id FROM unnest(?::bigint[]) AS c(id) WHERE ", [PostgresRowDecoding.idArray(ids)])
            for (index, branch) in branches.enumerated() {
                statement = statement + PostgresQueryFragment((index > 0 ? " OR " : "") + "EXISTS (SELECT 1 FROM \(branch.from) WHERE ")
                    + branch.condition + PostgresQueryFragment(" AND t.id = c.id)")
            }
            statement = statement + PostgresQueryFragment(" LIMIT \(UnreadCount.cap)) u")
            counts[view] = try db.query(statement).first?.decode(Int.self, at: 0) ?? 0
        }
        return counts
    }
}
