import GRDB

/// The report's aggregates (`ReportRows`): the kept per-day counts (`report_day`), ranges of
/// the report's covering indexes (`ReportSchema`), or one agent's `(assignee_id, is_closed, …)` range.
extension SQLiteRows: ReportRows {
    /// `?1` and `?2` are the period; `?3` the organisation when one is given.
    private func period(_ from: Int64, _ to: Int64, _ organisationID: OrganisationID?) -> (restriction: String, arguments: StatementArguments) {
        guard let organisationID else { return ("", [from, to]) }
        return (" AND t.organisation_id = ?3", [from, to, organisationID])
    }

    private func perDay(_ sql: String, _ arguments: StatementArguments) throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) { counts[row[0]] = row[1] }
        return counts
    }

    func reportOpenedPerDay(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [Int: Int] {
        try keptPerDay("opened", from: from, to: to, organisationID: organisationID)
    }

    func reportClosedPerDay(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [Int: Int] {
        try keptPerDay("closed", from: from, to: to, organisationID: organisationID)
    }

    /// From the kept per-day counts (`report_day`); `from` is the start of a UTC day.
    private func keptPerDay(_ column: String, from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [Int: Int] {
        let (restriction, arguments) = period(from, to, organisationID)
        return try perDay("""
            SELECT day - ?1 / 86400, SUM(\(column)) FROM report_day t
            WHERE day >= ?1 / 86400 AND day < (?2 + 86399) / 86400\(restriction) GROUP BY day HAVING SUM(\(column)) != 0
            """, arguments)
    }

    func reportBacklog(organisationID: OrganisationID?) throws -> [(status: TicketStatus, urgency: Urgency, count: Int)] {
        let restriction = organisationID == nil ? "" : " AND t.organisation_id = ?"
        let arguments: StatementArguments = organisationID.map { [$0] } ?? []
        return try Row.fetchAll(db, sql: """
            SELECT t.status, t.urgency, COUNT(*) FROM ticket t INDEXED BY ticket_report_backlog
            WHERE t.is_closed = 0\(restriction) GROUP BY t.status, t.urgency
            """, arguments: arguments).compactMap { row in
            guard let status = TicketStatus(rawValue: row[0]), let urgency = Urgency(rawValue: row[1]) else { return nil }
            return (status, urgency, row[2])
        }
    }

    /// Organisations' tiers by id, so the timings read one index and join nothing.
    private func tiers() throws -> [Int64: SupportTier] {
        var tiers: [Int64: SupportTier] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, tier FROM organisation") {
            tiers[row[0]] = SupportTier(rawValue: row[1])
        }
        return tiers
    }

    /// Rows of (organisation id, urgency, start, end), read by cursor: a year of a large desk
    /// is a million of them.
    private func timings(_ sql: String, _ arguments: StatementArguments) throws -> [ReportTiming] {
        let tiers = try tiers()
        var timings: [ReportTiming] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let organisationID: Int64? = row[0]
            timings.append(ReportTiming(
                tier: organisationID.flatMap { tiers[$0] }, urgency: Urgency(rawValue: row[1]) ?? .none, start: row[2], end: row[3]))
        }
        return timings
    }

    func reportFirstResponses(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [ReportTiming] {
        let (restriction, arguments) = period(from, to, organisationID)
        return try timings("""
            SELECT t.organisation_id, t.urgency, t.created_at, t.first_response_at FROM ticket t INDEXED BY ticket_report_opened
            WHERE t.created_at >= ?1 AND t.created_at < ?2 AND t.first_response_at IS NOT NULL\(restriction)
            """, arguments)
    }

    func reportResolutions(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [ReportTiming] {
        let (restriction, arguments) = period(from, to, organisationID)
        return try timings("""
            SELECT t.organisation_id, t.urgency, t.created_at, t.updated_at FROM ticket t INDEXED BY ticket_report_closed
            WHERE t.status = 'closed' AND t.updated_at >= ?1 AND t.updated_at < ?2\(restriction)
            """, arguments)
    }

    func reportBusiestOrganisations(from: Int64, to: Int64, limit: Int) throws -> [(name: String, opened: Int, open: Int)] {
        try Row.fetchAll(db, sql: """
            SELECT o.name, busy.opened, (SELECT COUNT(*) FROM ticket x WHERE x.organisation_id = o.id AND x.is_closed = 0)
            FROM (SELECT d.organisation_id AS id, SUM(d.opened) AS opened FROM report_day d
                  WHERE d.day >= ?1 / 86400 AND d.day < (?2 + 86399) / 86400 AND d.organisation_id != 0
                  GROUP BY d.organisation_id HAVING SUM(d.opened) > 0) busy
            JOIN organisation o ON o.id = busy.id
            ORDER BY busy.opened DESC, o.name LIMIT ?3
            """, arguments: [from, to, limit]).map { row in (row[0], row[1], row[2]) }
    }

    func reportAgentLoad(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [(handle: String, open: Int, closed: Int)] {
        let restriction = organisationID == nil ? "" : " AND t.organisation_id = ?3"
        let arguments: StatementArguments = organisationID.map { [from, to, $0] } ?? [from, to]
        return try Row.fetchAll(db, sql: """
            SELECT u.handle,
                (SELECT COUNT(*) FROM ticket t WHERE t.assignee_id = u.id AND t.is_closed = 0\(restriction)),
                (SELECT COUNT(*) FROM ticket t WHERE t.assignee_id = u.id AND t.is_closed = 1
                    AND t.updated_at >= ?1 AND t.updated_at < ?2\(restriction))
            FROM user u WHERE u.role != 'customer' ORDER BY u.handle
            """, arguments: arguments).map { row in (row[0], row[1], row[2]) }
    }
}
