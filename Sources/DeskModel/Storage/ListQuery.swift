import GRDB

/// Builds the SQL of one page of a case view.
///
/// A view is a union of *branches*, each a condition an index serves directly (for example
/// "assigned to me and not closed" or "unassigned and not closed"). Each branch reads at most
/// `limit` rows in index order past the cursor; the union is then ordered and cut to `limit`.
/// So a page costs a few index seeks whatever the size of the desk, and OR-conditions never
/// make SQLite sort the whole table.
struct ListQuery {
    struct Branch {
        var from: String
        var condition: String
        var arguments: StatementArguments
        /// The column the order reads in this branch.
        var sortColumn: String
    }

    let query: TicketListQuery
    /// The request's filter, compiled (`FilterSQL`): ANDed into every branch, so each branch
    /// still reads its index in order and the keyset cursor still applies.
    var restriction: FilterSQL = .none

    init(_ query: TicketListQuery) { self.query = query }

    var request: PageRequest { query.page }
    private var visibility: TicketVisibility { query.reader.visibility }

    /// The ticket column a page reads in index order, which a filter's time range may use.
    var orderColumn: String? {
        query.isRecent ? nil : Self.column(for: request.order.key, seenBy: visibility)
    }

    func branches() -> [Branch] {
        guard !restriction.isEmpty else { return viewBranches() }
        return viewBranches().map { branch in
            var narrowed = branch
            narrowed.condition += " AND \(restriction.sql)"
            narrowed.arguments += restriction.arguments
            return narrowed
        }
    }

    /// Each part of the view (`CaseView.branches(for:)`) as a condition an index serves.
    private func viewBranches() -> [Branch] {
        let key = request.order.key
        let column = Self.column(for: key, seenBy: visibility)
        func ticketBranch(_ condition: String, _ arguments: StatementArguments) -> Branch {
            Branch(from: "ticket t", condition: condition, arguments: arguments, sortColumn: "t.\(column)")
        }
        return query.branches.map { part in
            var branch: Branch
            switch part.source {
            case .everyTicket:
                // Written as a condition of its own: the planner reads the open index directly.
                if part.openOnly { return ticketBranch("t.is_closed = 0", []) }
                branch = ticketBranch("1", [])
            case .assigned(let userID): branch = ticketBranch("t.assignee_id = ?", [userID])
            case .unassigned: branch = ticketBranch("t.assignee_id IS NULL", [])
            case .requested(let userID): branch = ticketBranch("t.requester_id = ?", [userID])
            case .organisation(let organisationID): branch = ticketBranch("t.organisation_id = ?", [organisationID])
            case .watched(let userID):
                branch = Branch(
                    from: "watcher w JOIN ticket t ON t.id = w.ticket_id", condition: "w.user_id = ?",
                    arguments: [userID], sortColumn: "t.\(column)")
            case .recentlyViewed(let userID):
                // Recent is per user and bounded (`recentLimit`), so any order is cheap here.
                let visible = VisibilitySQL.predicate(visibility)
                branch = Branch(
                    from: "recent_view rv JOIN ticket t ON t.id = rv.ticket_id",
                    condition: "rv.user_id = ? AND \(visible.sql)",
                    arguments: [userID] + visible.arguments, sortColumn: key == .created ? "rv.sequence" : "t.\(column)")
            }
            if part.openOnly { branch.condition += " AND t.is_closed = 0" }
            return branch
        }
    }

    static func column(for key: SortKey) -> String {
        switch key {
        case .created: "created_at"
        case .updated: "updated_at"
        case .triage: "triage_key"
        case .due: "due_at"
        }
    }

    /// The column of the key as the viewer may read it: customers order by the public update
    /// time (`PublicUpdateTimeSchema`).
    static func column(for key: SortKey, seenBy visibility: TicketVisibility) -> String {
        key == .updated ? PublicUpdateTimeSchema.updatedColumn(seenBy: visibility) : column(for: key)
    }

    /// SQL and arguments for the page. Rows come back in *read* order: reversed display order
    /// when reading backward.
    func sql() -> (sql: String, arguments: StatementArguments) {
        // Reading backward is reading forward in the opposite order.
        let descending = request.order.isDescending != (request.direction == .backward)
        let direction = descending ? "DESC" : "ASC"
        let comparison = (descending ? "<" : ">") + (request.inclusive ? "=" : "")
        var parts: [String] = []
        var arguments: StatementArguments = []
        let fetchLimit = request.limit + 1 // one extra row tells whether more exist
        for branch in branches() {
            var condition = branch.condition
            var branchArguments = branch.arguments
            if let cursor = request.cursor {
                condition += " AND (\(branch.sortColumn), t.id) \(comparison) (?, ?)"
                branchArguments += [cursor.sortValue, cursor.ticketID]
            }
            parts.append("""
                SELECT * FROM (SELECT t.id AS id, \(branch.sortColumn) AS k FROM \(branch.from)
                WHERE \(condition) ORDER BY \(branch.sortColumn) \(direction), t.id \(direction) LIMIT \(fetchLimit))
                """)
            arguments += branchArguments
        }
        let union = parts.joined(separator: "\nUNION\n")
        let sql = """
            SELECT \(RowDecoding.summaryColumns(seenBy: visibility)), p.k AS k
            FROM (SELECT * FROM (\(union)) ORDER BY k \(direction), id \(direction) LIMIT \(fetchLimit)) p
            JOIN ticket t ON t.id = p.id
            JOIN user r ON r.id = t.requester_id
            LEFT JOIN organisation o ON o.id = t.organisation_id
            LEFT JOIN user a ON a.id = t.assignee_id
            ORDER BY p.k \(direction), t.id \(direction)
            """
        return (sql, arguments)
    }

    /// The number of tickets in the view, counted over the same branches.
    func countSQL() -> (sql: String, arguments: StatementArguments) {
        // The agents' big views read trigger-kept counters (CountSchema) instead of scanning.
        if restriction.isEmpty {
            let assigned: UserID? = if case .assigned(let userID) = query.branches.first?.source { userID } else { nil }
            switch query.branches {
            case [ViewBranch(.everyTicket)]: return ("SELECT n FROM ticket_count WHERE key = 'all'", [])
            case [ViewBranch(.everyTicket, openOnly: true)]: return ("SELECT n FROM ticket_count WHERE key = 'open'", [])
            case [ViewBranch(.assigned(to: assigned ?? 0), openOnly: true), ViewBranch(.unassigned, openOnly: true)]:
                return ("""
                    SELECT (SELECT n FROM ticket_count WHERE key = 'unassignedOpen')
                         + (SELECT COUNT(*) FROM ticket t WHERE t.assignee_id = ? AND t.is_closed = 0)
                    """, [assigned])
            default: break
            }
        }
        let all = branches()
        if all.count == 1 {
            let branch = all[0]
            return ("SELECT COUNT(*) FROM \(branch.from) WHERE \(branch.condition)", branch.arguments)
        }
        var arguments: StatementArguments = []
        let union = all.map { branch -> String in
            arguments += branch.arguments
            return "SELECT t.id FROM \(branch.from) WHERE \(branch.condition)"
        }.joined(separator: " UNION ")
        return ("SELECT COUNT(*) FROM (\(union))", arguments)
    }
}
