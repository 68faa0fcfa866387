import Foundation
import GRDB

/// Call-back requests in SQLite (`CallbackSchema`).
extension SQLiteRows: CallbackRows {
    func insertCallback(_ callback: StoredCallback) throws -> CallbackID {
        try db.execute(
            sql: """
                INSERT INTO callback_request(ticket_id, requester_id, phone, window_start, window_end, time_zone, note, state,
                    taker_id, outcome, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                callback.ticketID, callback.requesterID, callback.phone, callback.window.start, callback.window.end,
                callback.window.timeZone, callback.note, callback.state.rawValue, callback.takerID, callback.outcome?.rawValue,
                callback.createdAt.deskSeconds, callback.updatedAt.deskSeconds,
            ])
        return db.lastInsertedRowID
    }

    func updateCallback(id: CallbackID, _ callback: StoredCallback) throws {
        try db.execute(
            sql: """
                UPDATE callback_request SET window_start = ?, window_end = ?, time_zone = ?, state = ?, taker_id = ?, outcome = ?,
                    updated_at = ?
                WHERE id = ?
                """,
            arguments: [
                callback.window.start, callback.window.end, callback.window.timeZone, callback.state.rawValue, callback.takerID,
                callback.outcome?.rawValue, callback.updatedAt.deskSeconds, id,
            ])
    }

    func latestCallback(ticketID: TicketID) throws -> (id: CallbackID, stored: StoredCallback)? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT * FROM callback_request WHERE ticket_id = ? ORDER BY id DESC LIMIT 1", arguments: [ticketID])
        else { return nil }
        let stored = StoredCallback(
            ticketID: row["ticket_id"], requesterID: row["requester_id"], phone: row["phone"],
            window: CallbackWindow(start: row["window_start"], end: row["window_end"], timeZone: row["time_zone"]),
            note: row["note"], state: CallbackState(rawValue: row["state"]) ?? .done, takerID: row["taker_id"],
            outcome: (row["outcome"] as String?).flatMap(CallbackOutcome.init(rawValue:)),
            createdAt: Date(deskSeconds: row["created_at"]), updatedAt: Date(deskSeconds: row["updated_at"]))
        return (row["id"], stored)
    }

    func callbacks(states: Set<CallbackState>, requesterID: UserID?, visibility: TicketVisibility, limit: Int) throws -> [CallbackRequest] {
        guard !states.isEmpty else { return [] }
        let names = states.map(\.rawValue).sorted()
        var arguments = StatementArguments(names)
        var requester = ""
        if let requesterID {
            requester = " AND c.requester_id = ?"
            arguments += [requesterID]
        }
        let visible = VisibilitySQL.predicate(visibility)
        arguments += visible.arguments
        arguments += [limit]
        return try Row.fetchAll(
            db, sql: """
                SELECT \(CallbackSchema.columns) \(CallbackSchema.joins)
                WHERE c.state IN (\(databaseQuestionMarks(count: names.count)))\(requester) AND \(visible.sql)
                ORDER BY c.id LIMIT ?
                """,
            arguments: arguments
        ).map(Self.callback)
    }

    func openCallbackStates(among ticketIDs: [TicketID], requesterID: UserID?) throws -> [TicketID: CallbackState] {
        guard !ticketIDs.isEmpty else { return [:] }
        var arguments = StatementArguments(ticketIDs)
        var requester = ""
        if let requesterID {
            requester = " AND requester_id = ?"
            arguments += [requesterID]
        }
        let rows = try Row.fetchAll(
            db, sql: """
                SELECT ticket_id, state FROM callback_request
                WHERE ticket_id IN (\(databaseQuestionMarks(count: ticketIDs.count))) AND state <> 'done'\(requester)
                """,
            arguments: arguments)
        var states: [TicketID: CallbackState] = [:]
        for row in rows { states[row["ticket_id"]] = CallbackState(rawValue: row["state"]) }
        return states
    }

    func callback(id: CallbackID) throws -> CallbackRequest? {
        try Row.fetchOne(db, sql: "SELECT \(CallbackSchema.columns) \(CallbackSchema.joins) WHERE c.id = ?", arguments: [id])
            .map(Self.callback)
    }

    static func callback(_ row: Row) -> CallbackRequest {
        CallbackRequest(
            id: row["id"], ticketNumber: row["ticket_number"], ticketSubject: row["ticket_subject"],
            requesterHandle: row["requester_handle"], phone: row["phone"],
            window: CallbackWindow(start: row["window_start"], end: row["window_end"], timeZone: row["time_zone"]),
            note: row["note"], state: CallbackState(rawValue: row["state"]) ?? .done, takerHandle: row["taker_handle"],
            outcome: (row["outcome"] as String?).flatMap(CallbackOutcome.init(rawValue:)),
            createdAt: Date(deskSeconds: row["created_at"]), updatedAt: Date(deskSeconds: row["updated_at"]))
    }
}
