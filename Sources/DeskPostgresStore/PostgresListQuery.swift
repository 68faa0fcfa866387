import DeskModel
import DeskPostgres

/// One page or count of a case view in PostgreSQL, as SQLite's `ListQuery` builds it: a union
/// of branches, each a condition a list index (`PostgresSchema.listIndexes`, ending in `id`)
/// serves in order, each read at most one page past the keyset cursor `(sort column, id)`;
/// the union is then ordered and cut. The request's filter is ANDed into every branch.
struct PostgresListQuery {
    struct Branch {
        var from: String
        var condition: PostgresQueryFragment
        /// The column the order reads in this branch.
        var sortColumn: String
    }

    let query: TicketListQuery
    var restriction: PostgresQueryFragment = .always

    init(_ query: TicketListQuery, restriction: PostgresQueryFragment = .always) {
        self.query = query
        self.restriction = restriction
    }

    private var request: PageRequest { query.page }
    private var visibility: TicketVisibility { query.reader.visibility }

    func branches() -> [Branch] {
        viewBranches().map { branch in
            var narrowed = branch
            narrowed.condition = branch.condition.and(restriction)
            return narrowed
        }
    }

    /// Each part of the view (`CaseView.branches(for:)`) as a condition an index serves.
    private func viewBranches() -> [Branch] {
        let key = request.order.key
        let column = "t." + Self.column(for: key, seenBy: visibility)
        func ticketBranch(_ sql: String, _ values: [PostgresValue] = []) -> Branch {
            Branch(from: "ticket t", condition: PostgresQueryFragment(sql, values), sortColumn: column)
        }
        return query.branches.map { part in
            var branch: Branch
            switch part.source {
            case .everyTicket: branch = ticketBranch("true")
            case .assigned(let userID): branch = ticketBranch("t.assignee_id = ?", [.int(userID)])
            case .unassigned: branch = ticketBranch("t.assignee_id IS NULL")
            case .requested(let userID): branch = ticketBranch("t.requester_id = ?", [.int(userID)])
            case .organisation(let organisationID): branch = ticketBranch("t.organisation_id = ?", [.int(organisationID)])
            case .watched(let userID):
                branch = Branch(
                    from: "watcher w JOIN ticket t ON t.id = w.ticket_id",
                    condition: PostgresQueryFragment("w.user_id = ?", [.int(userID)]), sortColumn: column)
            case .recentlyViewed(let userID):
                // Recent is per user and bounded, so any order is cheap here.
                branch = Branch(
                    from: "recent_view rv JOIN ticket t ON t.id = rv.ticket_id",
                    condition: PostgresQueryFragment("rv.user_id = ?", [.int(userID)])
                        .and(PostgresListVisibility.predicate(visibility)),
                    sortColumn: key == .created ? "rv.sequence" : column)
            }
            if part.openOnly { branch.condition = branch.condition.and(PostgresQueryFragment("NOT t.is_closed")) }
            return branch
        }
    }

    /// The ticket column of the key as the viewer may read it (customers: the public update time).
    static func column(for key: SortKey, seenBy visibility: TicketVisibility) -> String {
        switch key {
        case .created: "created_at"
        case .updated: PublicUpdateTimeSchema.updatedColumn(seenBy: visibility)
        case .triage: "triage_key"
        case .due: "due_at"
        }
    }

    /// The page's statement. Rows come back in *read* order (reversed display order when
    /// reading backward), one more than the limit when more follow.
    func page() -> PostgresQueryFragment {
        // Reading backward is reading forward in the opposite order.
        let descending = request.order.isDescending != (request.direction == .backward)
        let direction = descending ? "DESC" : "ASC"
        let comparison = (descending ? "<" : ">") + (request.inclusive ? "=" : "")
        let fetchLimit = request.limit + 1
        var union = PostgresQueryFragment("")
        for (index, branch) in branches().enumerated() {
            var condition = branch.condition
            if let cursor = request.cursor {
                condition = condition.and(PostgresQueryFragment(
                    "(\(branch.sortColumn), t.id) \(comparison) (?, ?)", [.int(cursor.sortValue), .int(cursor.ticketID)]))
            }
            if index > 0 { union.sql += "\nUNION\n" }
            union = union + PostgresQueryFragment("(SELECT t.id AS id, \(branch.sortColumn) AS k FROM \(branch.from) WHERE ")
                + condition
                + PostgresQueryFragment(" ORDER BY \(branch.sortColumn) \(direction), t.id \(direction) LIMIT \(fetchLimit))")
        }
        return PostgresQueryFragment("""
            SELECT \(PostgresTicketSummaryRow.columns(seenBy: visibility)), p.k AS k
            FROM (SELECT u.id, u.k FROM (
            """)
            + union
            + PostgresQueryFragment("""
                ) u ORDER BY u.k \(direction), u.id \(direction) LIMIT \(fetchLimit)) p
                JOIN ticket t ON t.id = p.id
                \(PostgresTicketSummaryRow.joins)
                ORDER BY p.k \(direction), t.id \(direction)
                """)
    }

    /// The ids of the view's tickets, each once (a union over the branches).
    func ids() -> PostgresQueryFragment {
        var union = PostgresQueryFragment("")
        for (index, branch) in branches().enumerated() {
            if index > 0 { union.sql += " UNION " }
            union = union + PostgresQueryFragment("SELECT t.id FROM \(branch.from) WHERE ") + branch.condition
        }
        return union
    }

    /// The number of tickets in the view, up to `cap` when one is given. Without a filter, the
    /// agents' big views read the trigger-kept counters (`ticket_count`) instead of counting.
    func count(upTo cap: Int?) -> PostgresQueryFragment {
        if restriction.isAlways, let counted = counterCount() { return counted }
        guard !query.branches.isEmpty else { return PostgresQueryFragment("SELECT 0::bigint") }
        let limit = cap.map { " LIMIT \($0)" } ?? ""
        return PostgresQueryFragment("SELECT count(*) FROM (") + ids() + PostgresQueryFragment("\(limit)) c")
    }

    private func counterCount() -> PostgresQueryFragment? {
        switch query.branches {
        case [ViewBranch(.everyTicket)]: return PostgresQueryFragment("SELECT n FROM ticket_count WHERE key = 'all'")
        case [ViewBranch(.everyTicket, openOnly: true)]: return PostgresQueryFragment("SELECT n FROM ticket_count WHERE key = 'open'")
        default: break
        }
        guard query.branches.count == 2, case .assigned(let userID) = query.branches[0].source,
              query.branches == [ViewBranch(.assigned(to: userID), openOnly: true), ViewBranch(.unassigned, openOnly: true)]
        else { return nil }
        return PostgresQueryFragment("""
            SELECT (SELECT n FROM ticket_count WHERE key = 'unassignedOpen')
                 + (SELECT count(*) FROM ticket t WHERE t.assignee_id = ? AND NOT t.is_closed)
            """, [.int(userID)])
    }
}
