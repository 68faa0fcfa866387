import DeskModel
import DeskPostgres

/// The report's aggregates (`ReportRows`), as SQLite's `SQLiteRows+Reports`: the kept per-day
/// counts (`report_day`), ranges of the report's covering indexes, and of one agent's tickets.
extension PostgresRows: ReportRowsByKind {
    /// `$1` and `$2` are the period; `$3` the organisation when one is given.
    private func period(_ from: Int64, _ to: Int64, _ organisationID: OrganisationID?) -> (restriction: String, parameters: [PostgresValue]) {
        guard let organisationID else { return ("", [.int(from), .int(to)]) }
        return (" AND t.organisation_id = $3", [.int(from), .int(to), .int(organisationID)])
    }

    private func perDay(_ sql: String, _ parameters: [PostgresValue]) throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for row in try db.query(sql, parameters) { counts[try row.decode(Int.self, at: 0)] = try row.decode(Int.self, at: 1) }
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
        let (restriction, parameters) = period(from, to, organisationID)
        return try perDay("""
            SELECT t.day - $1 / 86400, sum(t.\(column))::bigint FROM report_day t
            WHERE t.day >= $1 / 86400 AND t.day < ($2 + 86399) / 86400\(restriction) GROUP BY t.day HAVING sum(t.\(column)) <> 0
            """, parameters)
    }

    func reportBacklog(organisationID: OrganisationID?) throws -> [(status: TicketStatus, urgency: Urgency, count: Int)] {
        let restriction = organisationID == nil ? "" : " AND t.organisation_id = $1"
        let parameters: [PostgresValue] = organisationID.map { [.int($0)] } ?? []
        return try db.query("""
            SELECT t.status, t.urgency, count(*) FROM ticket t WHERE NOT t.is_closed\(restriction) GROUP BY t.status, t.urgency
            """, parameters).compactMap { row in
            guard let status = TicketStatus(rawValue: try row.decode(String.self, at: 0)),
                  let urgency = Urgency(rawValue: try row.decode(String.self, at: 1)) else { return nil }
            return (status, urgency, try row.decode(Int.self, at: 2))
        }
    }

    /// Organisations' tiers by id, so the timings read one index and join nothing.
    private func tiers() throws -> [Int64: SupportTier] {
        var tiers: [Int64: SupportTier] = [:]
        for row in try db.query("SELECT id, tier FROM organisation") {
            tiers[try row.decode(Int64.self, at: 0)] = SupportTier(rawValue: try row.decode(String.self, at: 1))
        }
        return tiers
    }

    /// Rows of (organisation id, urgency, start, end).
    private func timings(_ sql: String, _ parameters: [PostgresValue]) throws -> [ReportTiming] {
        let tiers = try tiers()
        return try db.query(sql, parameters).map { row in
            ReportTiming(
                tier: try row.decode(Int64?.self, at: 0).flatMap { tiers[$0] },
                urgency: Urgency(rawValue: try row.decode(String.self, at: 1)) ?? .none,
                start: try row.decode(Int64.self, at: 2), end: try row.decode(Int64.self, at: 3))
        }
    }

    func reportFirstResponses(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [ReportTiming] {
        let (restriction, parameters) = period(from, to, organisationID)
        return try timings("""
            SELECT t.organisation_id, t.urgency, t.created_at, t.first_response_at FROM ticket t
            WHERE t.created_at >= $1 AND t.created_at < $2 AND t.first_response_at IS NOT NULL\(restriction)
            """, parameters)
    }

    func reportResolutions(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [ReportTiming] {
        let (restriction, parameters) = period(from, to, organisationID)
        return try timings("""
            SELECT t.organisation_id, t.urgency, t.created_at, t.updated_at FROM ticket t
            WHERE t.status = 'closed' AND t.updated_at >= $1 AND t.updated_at < $2\(restriction)
            """, parameters)
    }

    func reportBusiestOrganisations(from: Int64, to: Int64, limit: Int) throws -> [(name: String, opened: Int, open: Int)] {
        try db.query("""
            SELECT o.name, busy.opened, (SELECT count(*) FROM ticket x WHERE x.organisation_id = o.id AND NOT x.is_closed)
            FROM (SELECT d.organisation_id AS id, sum(d.opened)::bigint AS opened FROM report_day d
                  WHERE d.day >= $1 / 86400 AND d.day < ($2 + 86399) / 86400 AND d.organisation_id <> 0
                  GROUP BY d.organisation_id HAVING sum(d.opened) > 0) busy
            JOIN organisation o ON o.id = busy.id
            ORDER BY busy.opened DESC, lower(o.name), o.name LIMIT $3
            """, [.int(from), .int(to), .int(Int64(limit))]).map { row in
            (try row.decode(String.self, at: 0), try row.decode(Int.self, at: 1), try row.decode(Int.self, at: 2))
        }
    }

    func reportAgentLoad(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [(handle: String, open: Int, closed: Int)] {
        let (restriction, parameters) = period(from, to, organisationID)
        return try db.query("""
            SELECT u.handle,
                (SELECT count(*) FROM ticket t WHERE t.assignee_id = u.id AND NOT t.is_closed\(restriction)),
                (SELECT count(*) FROM ticket t WHERE t.assignee_id = u.id AND t.is_closed
                    AND t.updated_at >= $1 AND t.updated_at < $2\(restriction))
            FROM "user" u WHERE u.role <> 'customer' ORDER BY u.handle
            """, parameters).map { row in
            (try row.decode(String.self, at: 0), try row.decode(Int.self, at: 1), try row.decode(Int.self, at: 2))
        }
    }
}
