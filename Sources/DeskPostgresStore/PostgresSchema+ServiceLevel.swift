import DeskModel
import DeskPostgres
import Foundation

/// Service levels (#13), as SQLite's `v16-sla`: the due-time columns, the due-soon list
/// indexes (ending in `id`, as every list index here), and the clocks of the open tickets
/// started by `ServiceClockBackfill`, the rule both backends share, in the same transaction.
extension PostgresSchema {
    static let serviceLevelStep = PostgresMigrationStep(name: "pg10-sla", sql: """
        ALTER TABLE ticket
            ADD COLUMN first_response_due bigint,
            ADD COLUMN resolution_due bigint,
            ADD COLUMN first_response_left bigint,
            ADD COLUMN resolution_left bigint,
            ADD COLUMN due_at bigint NOT NULL DEFAULT \(TicketDue.neverSeconds);
        """, afterScript: { db in
            try ServiceClockBackfill.run(PostgresRows(db: db, forWrite: true), now: Date())
            for prefix in ServiceLevelSchema.listIndexPrefixes {
                let columns = prefix + ["due_at"]
                try db.execute(
                    "CREATE INDEX ticket_list_\(columns.joined(separator: "_")) ON ticket (\((columns + ["id"]).joined(separator: ", ")))")
            }
        })
}

extension PostgresRows: ServiceLevelRows {
    func setDeskSettingValue(_ value: String, key: String) throws {
        try db.execute(
            "INSERT INTO desk_setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [.text(key), .text(value)])
    }

    func ticketDue(ticketID: TicketID) throws -> TicketDue {
        guard let row = try db.query(
            "SELECT first_response_due, resolution_due, first_response_left, resolution_left FROM ticket WHERE id = $1",
            [.int(ticketID)]).first else { return .none }
        return TicketDue(
            firstResponseDue: try row.decode(Date?.self, at: 0),
            resolutionDue: try row.decode(Date?.self, at: 1),
            firstResponseLeft: try row.decode(Int?.self, at: 2), resolutionLeft: try row.decode(Int?.self, at: 3))
    }

    func updateTicketDue(ticketID: TicketID, _ due: TicketDue, triageKey: Int64) throws {
        try db.execute(
            """
            UPDATE ticket SET first_response_due = $1, resolution_due = $2, first_response_left = $3, resolution_left = $4, due_at = $5,
                triage_key = $7
            WHERE id = $6
            """,
            [
                .optional(due.firstResponseDue?.deskSeconds, PostgresValue.int), .optional(due.resolutionDue?.deskSeconds, PostgresValue.int),
                .optional(due.firstResponseLeft.map(Int64.init), PostgresValue.int), .optional(due.resolutionLeft.map(Int64.init), PostgresValue.int),
                .int(due.dueAtSeconds), .int(ticketID), .int(triageKey),
            ])
    }

    func updateStatus(ticketID: TicketID, to status: TicketStatus, touchingAt time: Date?, due: TicketDue, triageKey: Int64) throws {
        let times = time == nil ? "" : ", updated_at = greatest(updated_at, $9), public_updated_at = greatest(public_updated_at, $9)"
        var parameters: [PostgresValue] = [
            .text(status.rawValue), .optional(due.firstResponseDue?.deskSeconds, PostgresValue.int),
            .optional(due.resolutionDue?.deskSeconds, PostgresValue.int), .optional(due.firstResponseLeft.map(Int64.init), PostgresValue.int),
            .optional(due.resolutionLeft.map(Int64.init), PostgresValue.int), .int(due.dueAtSeconds), .int(triageKey), .int(ticketID),
        ]
        if let time { parameters.append(.int(time.deskSeconds)) }
        try db.execute(
            """
            UPDATE ticket SET status = $1, first_response_due = $2, resolution_due = $3, first_response_left = $4, resolution_left = $5,
                due_at = $6, triage_key = $7\(times)
            WHERE id = $8
            """,
            parameters)
    }

    func openTicketsForServiceClock() throws -> [ServiceClockStart] {
        try db.query(ServiceLevelSQL.openTickets).map { row in
            ServiceClockStart(
                ticketID: try row.decode(Int64.self, at: 0), createdAt: try row.decode(Date.self, at: 1),
                urgency: Urgency(rawValue: try row.decode(String.self, at: 2)) ?? .none,
                status: TicketStatus(rawValue: try row.decode(String.self, at: 3)) ?? .open,
                tier: try row.decode(String?.self, at: 4).flatMap(SupportTier.init(rawValue:)), answered: try row.decode(Bool.self, at: 5))
        }
    }

    func countDue(atOrBefore time: Date, assigneeID: UserID?) throws -> Int {
        if let assigneeID {
            return try db.query("SELECT count(*) FROM ticket WHERE assignee_id = $1 AND due_at <= $2", [.int(assigneeID), .int(time.deskSeconds)])[0]
                .decode(Int.self, at: 0)
        }
        return try db.query("SELECT count(*) FROM ticket WHERE due_at <= $1", [.int(time.deskSeconds)])[0].decode(Int.self, at: 0)
    }
}
