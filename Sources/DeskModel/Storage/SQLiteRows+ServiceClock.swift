import Foundation
import GRDB

extension SQLiteRows: ServiceClockRows {
    func serviceClockStart(ticketID: TicketID) throws -> ServiceClockStart? {
        try Row.fetchOne(db.cachedStatement(sql: ServiceLevelSQL.clockStart(placeholder: "?")), arguments: [ticketID]).map { row in
            ServiceClockStart(
                ticketID: row["id"], createdAt: Date(deskSeconds: row["created_at"]),
                urgency: Urgency(rawValue: row["urgency"]) ?? .none, status: TicketStatus(rawValue: row["status"]) ?? .open,
                tier: (row["tier"] as String?).flatMap(SupportTier.init(rawValue:)), answered: row["answered"])
        }
    }

    func openTicketClocks(organisationID: OrganisationID) throws -> [TicketClockRow] {
        try Row.fetchAll(db, sql: ServiceLevelSQL.openTicketClocks(placeholder: "?"), arguments: [organisationID]).map { row in
            TicketClockRow(
                ticketID: row["id"], createdAt: Date(deskSeconds: row["created_at"]), urgency: Urgency(rawValue: row["urgency"]) ?? .none,
                due: TicketDue(
                    firstResponseDue: (row["first_response_due"] as Int64?).map(Date.init(deskSeconds:)),
                    resolutionDue: (row["resolution_due"] as Int64?).map(Date.init(deskSeconds:)),
                    firstResponseLeft: row["first_response_left"], resolutionLeft: row["resolution_left"]))
        }
    }

    func updateTicketDues(_ updates: [TicketDueUpdate]) throws {
        // One prepared statement for all: SQLite writes a row in microseconds.
        let statement = try db.cachedStatement(sql: """
            UPDATE ticket SET first_response_due = ?, resolution_due = ?, first_response_left = ?, resolution_left = ?, due_at = ?,
                triage_key = ?
            WHERE id = ?
            """)
        for update in updates {
            let due = update.due
            try statement.execute(arguments: [
                due.firstResponseDue?.deskSeconds, due.resolutionDue?.deskSeconds, due.firstResponseLeft, due.resolutionLeft,
                due.dueAtSeconds, update.triageKey, update.ticketID,
            ])
        }
    }

    func setOrganisationTier(_ id: OrganisationID, tier: SupportTier, closedTriageShift triageShift: Int64) throws {
        try db.execute(sql: "UPDATE organisation SET tier = ? WHERE id = ?", arguments: [tier.rawValue, id])
        try db.execute(
            sql: "UPDATE ticket SET triage_key = triage_key + ? WHERE organisation_id = ? AND status = 'closed'",
            arguments: [triageShift, id])
    }
}
