import GRDB

/// The report's aggregates (`ReportRows`): each an index range of the list indexes, the
/// `(status, updated_at)` index of closures, or one agent's `(assignee_id, is_closed, …)` range.
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
        let (restriction, arguments) = period(from, to, organisationID)
        return try perDay("""
            SELECT (t.created_at - ?1) / 86400, COUNT(*) FROM ticket t
            WHERE t.created_at >= ?1 AND t.created_at < ?2\(restriction) GROUP BY 1
            """, arguments)
    }

    func reportClosedPerDay(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [Int: Int] {
        let (restriction, arguments) = period(from, to, organisationID)
        return try perDay("""
            SELECT (t.updated_at - ?1) / 86400, COUNT(*) FROM ticket t
            WHERE t.status = 'closed' AND t.updated_at >= ?1 AND t.updated_at < ?2\(restriction) GROUP BY 1
            """, arguments)
    }

    func reportBacklog(organisationID: OrganisationID?) throws -> [(status: TicketStatus, urgency: Urgency, count: Int)] {
        let restriction = organisationID == nil ? "" : " AND t.organisation_id = ?"
        let arguments: StatementArguments = organisationID.map { [$0] } ?? []
        return try Row.fetchAll(db, sql: """
            SELECT t.status, t.urgency, COUNT(*) FROM ticket t WHERE t.is_closed = 0\(restriction) GROUP BY t.status, t.urgency
            """, arguments: arguments).compactMap { row in
            guard let status = TicketStatus(rawValue: row[0]), let urgency = Urgency(rawValue: row[1]) else { return nil }
            return (status, urgency, row[2])
        }
    }

    private func timings(_ sql: String, _ arguments: StatementArguments) throws -> [ReportTiming] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
            guard let end: Int64 = row[3] else { return nil }
            return ReportTiming(
                tier: (row[0] as String?).flatMap(SupportTier.init(rawValue:)), urgency: Urgency(rawValue: row[1]) ?? .none,
                start: row[2], end: end)
        }
    }

    func reportFirstResponses(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [ReportTiming] {
        let (restriction, arguments) = period(from, to, organisationID)
        return try timings("""
            SELECT o.tier, t.urgency, t.created_at, \(ReportSQL.firstStaffReply(ticket: "t"))
            FROM ticket t LEFT JOIN organisation o ON o.id = t.organisation_id
            WHERE t.created_at >= ?1 AND t.created_at < ?2\(restriction)
            """, arguments)
    }

    func reportResolutions(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [ReportTiming] {
        let (restriction, arguments) = period(from, to, organisationID)
        return try timings("""
            SELECT o.tier, t.urgency, t.created_at, t.updated_at
            FROM ticket t LEFT JOIN organisation o ON o.id = t.organisation_id
            WHERE t.status = 'closed' AND t.updated_at >= ?1 AND t.updated_at < ?2\(restriction)
            """, arguments)
    }

    func reportBusiestOrganisations(from: Int64, to: Int64, limit: Int) throws -> [(name: String, opened: Int, open: Int)] {
        try Row.fetchAll(db, sql: """
            SELECT o.name, busy.opened, (SELECT COUNT(*) FROM ticket x WHERE x.organisation_id = o.id AND x.is_closed = 0)
            FROM (SELECT t.organisation_id AS id, COUNT(*) AS opened FROM ticket t
                  WHERE t.created_at >= ?1 AND t.created_at < ?2 AND t.organisation_id IS NOT NULL
                  GROUP BY t.organisation_id) busy
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
