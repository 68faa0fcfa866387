import DeskModel
import DeskPostgres
import Foundation

extension PostgresRows: ServiceClockRows {
    func serviceClockStart(ticketID: TicketID) throws -> ServiceClockStart? {
        try db.query(ServiceLevelSQL.clockStart(placeholder: "$1"), [.int(ticketID)]).first.map { row in
            ServiceClockStart(
                ticketID: try row.decode(Int64.self, at: 0), createdAt: try row.decode(Date.self, at: 1),
                urgency: Urgency(rawValue: try row.decode(String.self, at: 2)) ?? .none,
                status: TicketStatus(rawValue: try row.decode(String.self, at: 3)) ?? .open,
                tier: try row.decode(String?.self, at: 4).flatMap(SupportTier.init(rawValue:)), answered: try row.decode(Bool.self, at: 5))
        }
    }

    func openTicketClocks(organisationID: OrganisationID) throws -> [TicketClockRow] {
        // Locked in a write: no other change moves these clocks between the read and the update.
        let lock = forWrite ? " FOR UPDATE" : ""
        return try db.query(ServiceLevelSQL.openTicketClocks(placeholder: "$1") + lock, [.int(organisationID)]).map { row in
            TicketClockRow(
                ticketID: try row.decode(Int64.self, at: 0), createdAt: try row.decode(Date.self, at: 1),
                urgency: Urgency(rawValue: try row.decode(String.self, at: 2)) ?? .none,
                due: TicketDue(
                    firstResponseDue: try row.decode(Date?.self, at: 3), resolutionDue: try row.decode(Date?.self, at: 4),
                    firstResponseLeft: try row.decode(Int?.self, at: 5), resolutionLeft: try row.decode(Int?.self, at: 6)))
        }
    }

    /// Rows per statement: 7 parameters each stay well under PostgreSQL's 65,535.
    static let dueBatchSize = 4_000

    func updateTicketDues(_ updates: [TicketDueUpdate]) throws {
        var start = 0
        while start < updates.count {
            let batch = updates[start..<min(start + Self.dueBatchSize, updates.count)]
            var rows: [String] = []
            var parameters: [PostgresValue] = []
            rows.reserveCapacity(batch.count)
            parameters.reserveCapacity(batch.count * 7)
            for update in batch {
                let base = parameters.count
                rows.append("($\(base + 1)::bigint, $\(base + 2)::bigint, $\(base + 3)::bigint, $\(base + 4)::bigint, "
                    + "$\(base + 5)::bigint, $\(base + 6)::bigint, $\(base + 7)::bigint)")
                let due = update.due
                parameters += [
                    .int(update.ticketID), .optional(due.firstResponseDue?.deskSeconds, PostgresValue.int),
                    .optional(due.resolutionDue?.deskSeconds, PostgresValue.int),
                    .optional(due.firstResponseLeft.map(Int64.init), PostgresValue.int),
                    .optional(due.resolutionLeft.map(Int64.init), PostgresValue.int), .int(due.dueAtSeconds), .int(update.triageKey),
                ]
            }
            try db.execute(
                """
                UPDATE ticket t SET first_response_due = v.first_due, resolution_due = v.resolution_due,
                    first_response_left = v.first_left, resolution_left = v.resolution_left, due_at = v.due_at, triage_key = v.triage_key
                FROM (VALUES \(rows.joined(separator: ", ")))
                    AS v (id, first_due, resolution_due, first_left, resolution_left, due_at, triage_key)
                WHERE t.id = v.id
                """,
                parameters)
            start += batch.count
        }
    }

    func setOrganisationTier(_ id: OrganisationID, tier: SupportTier, closedTriageShift triageShift: Int64) throws {
        try db.execute("UPDATE organisation SET tier = $1 WHERE id = $2", [.text(tier.rawValue), .int(id)])
        try db.execute(
            "UPDATE ticket SET triage_key = triage_key + $1 WHERE organisation_id = $2 AND status = 'closed'", [.int(triageShift), .int(id)])
    }
}
