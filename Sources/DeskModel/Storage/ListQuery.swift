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

    let request: PageRequest
    let viewer: Viewer
    /// The request's filter, compiled (`FilterSQL`): ANDed into every branch, so each branch
    /// still reads its index in order and the keyset cursor still applies.
    var restriction: FilterSQL = .none

    /// The ticket column a page reads in index order, which a filter's time range may use.
    var orderColumn: String? {
        request.view == .recent ? nil : Self.column(for: request.order.key, seenBy: viewer)
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

    private func viewBranches() -> [Branch] {
        let me = viewer.id
        let key = request.order.key
        let column = Self.column(for: key, seenBy: viewer)
        func ticketBranch(_ condition: String, _ arguments: StatementArguments) -> Branch {
            Branch(from: "ticket t", condition: condition, arguments: arguments, sortColumn: "t.\(column)")
        }
        if request.view == .recent {
            // Recent is per user and bounded (`recentLimit`), so any order is cheap here.
            let visibility = VisibilitySQL.predicate(viewer)
            let sortColumn = key == .created ? "rv.sequence" : "t.\(column)"
            return [Branch(
                from: "recent_view rv JOIN ticket t ON t.id = rv.ticket_id",
                condition: "rv.user_id = ? AND \(visibility.sql)",
                arguments: [me] + visibility.arguments, sortColumn: sortColumn)]
        }
        if viewer.isStaff {
            switch request.view {
            case .all: return [ticketBranch("1", [])]
            case .open: return [ticketBranch("t.is_closed = 0", [])]
            case .mine: return [ticketBranch("t.assignee_id = ?", [me])]
            case .active:
                return [
                    ticketBranch("t.assignee_id = ? AND t.is_closed = 0", [me]),
                    ticketBranch("t.assignee_id IS NULL AND t.is_closed = 0", []),
                ]
            case .recent: return []
            }
        }
        // Customers: every branch is inside what they may see (VisibilitySQL), by construction.
        let requested = ticketBranch("t.requester_id = ?", [me])
        let watched = Branch(
            from: "watcher w JOIN ticket t ON t.id = w.ticket_id", condition: "w.user_id = ?",
            arguments: [me], sortColumn: "t.\(column)")
        var organisation: Branch?
        if viewer.user.caseAccess == .organisation, let org = viewer.user.organisationID {
            organisation = ticketBranch("t.organisation_id = ?", [org])
        }
        func notClosed(_ branch: Branch) -> Branch {
            var copy = branch
            copy.condition += " AND t.is_closed = 0"
            return copy
        }
        switch request.view {
        case .mine: return [requested]
        case .active: return [notClosed(requested), notClosed(watched)]
        case .open: return ([requested, watched] + [organisation].compactMap { $0 }).map(notClosed)
        case .all: return [requested, watched] + [organisation].compactMap { $0 }
        case .recent: return []
        }
    }

    static func column(for key: SortKey) -> String {
        switch key {
        case .created: "created_at"
        case .updated: "updated_at"
        case .triage: "triage_key"
        }
    }

    /// The column of the key as the viewer may read it: customers order by the public update
    /// time (`PublicUpdateTimeSchema`).
    static func column(for key: SortKey, seenBy viewer: Viewer) -> String {
        key == .updated ? PublicUpdateTimeSchema.updatedColumn(seenBy: viewer) : column(for: key)
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
            SELECT \(RowDecoding.summaryColumns(seenBy: viewer)), p.k AS k
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
        if viewer.isStaff && restriction.isEmpty {
            switch request.view {
            case .all: return ("SELECT n FROM ticket_count WHERE key = 'all'", [])
            case .open: return ("SELECT n FROM ticket_count WHERE key = 'open'", [])
            case .active:
                return ("""
                    SELECT (SELECT n FROM ticket_count WHERE key = 'unassignedOpen')
                         + (SELECT COUNT(*) FROM ticket t WHERE t.assignee_id = ? AND t.is_closed = 0)
                    """, [viewer.id])
            case .mine, .recent: break
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

extension SQLiteDeskStore {
    public func page(_ request: PageRequest, viewer: Viewer) throws(DeskError) -> TicketPage {
        guard request.limit > 0 else { throw .invalidInput("A page needs at least one row") }
        return try read { db in
            let query = try listQuery(db, request, viewer: viewer).sql()
            var rows = try Row.fetchAll(db, sql: query.sql, arguments: query.arguments).map {
                RowDecoding.summary($0, sortValue: $0["k"])
            }
            let hasMore = rows.count > request.limit
            if hasMore { rows.removeLast() }
            if request.direction == .backward { rows.reverse() }
            let unread = try Self.unreadIDs(db, among: rows.map(\.id), viewer: viewer, now: now)
            return TicketPage(rows: rows, hasMore: hasMore, unreadIDs: unread)
        }
    }

    /// The view's query with the request's filter compiled against the desk's names and now.
    func listQuery(_ db: Database, _ request: PageRequest, viewer: Viewer) throws -> ListQuery {
        var query = ListQuery(request: request, viewer: viewer)
        query.restriction = try FilterSQL.compile(request.filter, viewer: viewer, now: now, db: db, orderColumn: query.orderColumn)
        return query
    }

    public func counts(viewer: Viewer) throws(DeskError) -> [CaseView: Int] {
        try read { db in
            var counts: [CaseView: Int] = [:]
            for view in CaseView.allCases {
                let query = ListQuery(request: PageRequest(view: view), viewer: viewer).countSQL()
                counts[view] = try Int.fetchOne(db, sql: query.sql, arguments: query.arguments) ?? 0
            }
            return counts
        }
    }
}
