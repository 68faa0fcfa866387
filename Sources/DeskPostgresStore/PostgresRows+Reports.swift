import DeskModel
import DeskPostgres

/// The report's aggregates (`ReportRows`), as SQLite's `SQLiteRows+Reports`: index ranges of
/// the list indexes, of `(status, updated_at, id)` for closures, and of one agent's tickets.
extension PostgresRows: ReportRows {
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
        let (restriction, parameters) = period(from, to, organisationID)
        return try perDay("""
            SELECT (t.created_at - $1) / 86400, count(*) FROM ticket t
            WHERE t.created_at >= $1 AND t.created_at < $2\(restriction) GROUP BY 1
            """, parameters)
    }

    func reportClosedPerDay(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [Int: Int] {
        let (restriction, parameters) = period(from, to, organisationID)
        return try perDay("""
            SELECT (t.updated_at - $1) / 86400, count(*) FROM ticket t
            WHERE t.status = 'closed' AND t.updated_at >= $1 AND t.updated_at < $2\(restriction) GROUP BY 1
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

    private func timings(_ sql: String, _ parameters: [PostgresValue]) throws -> [ReportTiming] {
        try db.query(sql, parameters).compactMap { row in
            guard let end = try row.decode(Int64?.self, at: 3) else { return nil }
            return ReportTiming(
                tier: try row.decode(String?.self, at: 0).flatMap(SupportTier.init(rawValue:)),
                urgency: Urgency(rawValue: try row.decode(String.self, at: 1)) ?? .none,
                start: try row.decode(Int64.self, at: 2), end: end)
        }
    }

    func reportFirstResponses(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [ReportTiming] {
        let (restriction, parameters) = period(from, to, organisationID)
        return try timings("""
            SELECT o.tier, t.urgency, t.created_at, \(ReportSQL.firstStaffReply(ticket: "t"))
            FROM ticket t LEFT JOIN organisation o ON o.id = t.organisation_id
            WHERE t.created_at >= $1 AND t.created_at < $2\(restriction)
            """, parameters)
    }

    func reportResolutions(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [ReportTiming] {
        let (restriction, parameters) = period(from, to, organisationID)
        return try timings("""
            SELECT o.tier, t.urgency, t.created_at, t.updated_at
            FROM ticket t LEFT JOIN organisation o ON o.id = t.organisation_id
            WHERE t.status = 'closed' AND t.updated_at >= $1 AND t.updated_at < $2\(restriction)
            """, parameters)
    }

    func reportBusiestOrganisations(from: Int64, to: Int64, limit: Int) throws -> [(name: String, opened: Int, open: Int)] {
        try db.query("""
            SELECT o.name, busy.opened, (SELECT count(*) FROM ticket x WHERE x.organisation_id = o.id AND NOT x.is_closed)
            FROM (SELECT t.organisation_id AS id, count(*) AS opened FROM ticket t
                  WHERE t.created_at >= $1 AND t.created_at < $2 AND t.organisation_id IS NOT NULL
                  GROUP BY t.organisation_id) busy
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
