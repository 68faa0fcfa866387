import Foundation
import GRDB

extension SQLiteRows: ServiceLevelRows {
    func setDeskSettingValue(_ value: String, key: String) throws {
        try db.execute(
            sql: "INSERT INTO desk_setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    func ticketDue(ticketID: TicketID) throws -> TicketDue {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT first_response_due, resolution_due, first_response_left, resolution_left FROM ticket WHERE id = ?",
            arguments: [ticketID]) else { return .none }
        return TicketDue(
            firstResponseDue: (row["first_response_due"] as Int64?).map(Date.init(deskSeconds:)),
            resolutionDue: (row["resolution_due"] as Int64?).map(Date.init(deskSeconds:)),
            firstResponseLeft: row["first_response_left"], resolutionLeft: row["resolution_left"])
    }

    func updateTicketDue(ticketID: TicketID, _ due: TicketDue, triageKey: Int64) throws {
        // Cached: an import runs it once per ticket, and compiling an update of `ticket` compiles its triggers.
        try db.cachedStatement(
            sql: """
                UPDATE ticket SET first_response_due = ?, resolution_due = ?, first_response_left = ?, resolution_left = ?, due_at = ?,
                    triage_key = ?
                WHERE id = ?
                """
        ).execute(
            arguments: [
                due.firstResponseDue?.deskSeconds, due.resolutionDue?.deskSeconds, due.firstResponseLeft, due.resolutionLeft,
                due.dueAtSeconds, triageKey, ticketID,
            ])
    }

    func updateStatus(ticketID: TicketID, to status: TicketStatus, touchingAt time: Date?, due: TicketDue, triageKey: Int64) throws {
        let times = time == nil ? "" : ", updated_at = MAX(updated_at, :time), public_updated_at = MAX(public_updated_at, :time)"
        try db.execute(
            sql: """
                UPDATE ticket SET status = :status, first_response_due = :first, resolution_due = :resolution,
                    first_response_left = :firstLeft, resolution_left = :resolutionLeft, due_at = :dueAt, triage_key = :triage\(times)
                WHERE id = :id
                """,
            arguments: [
                "status": status.rawValue, "first": due.firstResponseDue?.deskSeconds, "resolution": due.resolutionDue?.deskSeconds,
                "firstLeft": due.firstResponseLeft, "resolutionLeft": due.resolutionLeft, "dueAt": due.dueAtSeconds,
                "triage": triageKey, "time": time?.deskSeconds, "id": ticketID,
            ])
    }

    func openTicketsForServiceClock() throws -> [ServiceClockStart] {
        try Row.fetchAll(db, sql: ServiceLevelSQL.openTickets).map { row in
            ServiceClockStart(
                ticketID: row["id"], createdAt: Date(deskSeconds: row["created_at"]),
                urgency: Urgency(rawValue: row["urgency"]) ?? .none, status: TicketStatus(rawValue: row["status"]) ?? .open,
                tier: (row["tier"] as String?).flatMap(SupportTier.init(rawValue:)), answered: row["answered"])
        }
    }

    func countDue(atOrBefore time: Date, assigneeID: UserID?) throws -> Int {
        if let assigneeID {
            return try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM ticket WHERE assignee_id = ? AND due_at <= ?", arguments: [assigneeID, time.deskSeconds]) ?? 0
        }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket WHERE due_at <= ?", arguments: [time.deskSeconds]) ?? 0
    }
}
