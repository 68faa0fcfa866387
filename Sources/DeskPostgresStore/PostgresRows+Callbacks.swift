import DeskModel
import DeskPostgres
import Foundation

/// Call-back requests in PostgreSQL (`pg13-callback`), the same rows as SQLite's.
extension PostgresRows: CallbackRows {
    static let callbackColumns = """
        c.id, t.number, t.subject, r.handle, c.phone, c.window_start, c.window_end, c.time_zone, c.note, c.state,
        k.handle, c.outcome, c.created_at, c.updated_at
        """

    static let callbackJoins = """
        FROM callback_request c JOIN ticket t ON t.id = c.ticket_id JOIN "user" r ON r.id = c.requester_id
        LEFT JOIN "user" k ON k.id = c.taker_id
        """

    func insertCallback(_ callback: StoredCallback) throws -> CallbackID {
        try db.query(
            """
            INSERT INTO callback_request (ticket_id, requester_id, phone, window_start, window_end, time_zone, note, state,
                taker_id, outcome, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id
            """,
            [
                .int(callback.ticketID), .int(callback.requesterID), .text(callback.phone), .int(Int64(callback.window.start)),
                .int(Int64(callback.window.end)), .text(callback.window.timeZone), .text(callback.note), .text(callback.state.rawValue),
                .optional(callback.takerID, PostgresValue.int), .optional(callback.outcome?.rawValue, PostgresValue.text),
                .int(callback.createdAt.deskSeconds), .int(callback.updatedAt.deskSeconds),
            ])[0].decode(Int64.self, at: 0)
    }

    func updateCallback(id: CallbackID, _ callback: StoredCallback) throws {
        _ = try db.execute(
            """
            UPDATE callback_request SET window_start = $1, window_end = $2, time_zone = $3, state = $4, taker_id = $5,
                outcome = $6, updated_at = $7
            WHERE id = $8
            """,
            [
                .int(Int64(callback.window.start)), .int(Int64(callback.window.end)), .text(callback.window.timeZone),
                .text(callback.state.rawValue), .optional(callback.takerID, PostgresValue.int),
                .optional(callback.outcome?.rawValue, PostgresValue.text), .int(callback.updatedAt.deskSeconds), .int(id),
            ])
    }

    func latestCallback(ticketID: TicketID) throws -> (id: CallbackID, stored: StoredCallback)? {
        guard let row = try db.query(
            """
            SELECT id, ticket_id, requester_id, phone, window_start, window_end, time_zone, note, state, taker_id, outcome,
                created_at, updated_at
            FROM callback_request WHERE ticket_id = $1 ORDER BY id DESC LIMIT 1
            """,
            [.int(ticketID)]
        ).first else { return nil }
        let stored = StoredCallback(
            ticketID: try row.decode(at: 1), requesterID: try row.decode(at: 2), phone: try row.decode(at: 3),
            window: CallbackWindow(start: try row.decode(at: 4), end: try row.decode(at: 5), timeZone: try row.decode(at: 6)),
            note: try row.decode(at: 7), state: CallbackState(rawValue: try row.decode(at: 8)) ?? .done,
            takerID: try row.decode(Int64?.self, at: 9),
            outcome: try row.decode(String?.self, at: 10).flatMap(CallbackOutcome.init(rawValue:)),
            createdAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(Int64.self, at: 11))),
            updatedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(Int64.self, at: 12))))
        return (try row.decode(Int64.self, at: 0), stored)
    }

    func callbacks(states: Set<CallbackState>, requesterID: UserID?, visibility: TicketVisibility, limit: Int) throws -> [CallbackRequest] {
        guard !states.isEmpty else { return [] }
        let names = states.map(\.rawValue).sorted()
        var condition = PostgresQueryFragment(
            "c.state IN (\(PostgresQueryFragment.placeholders(names.count)))", names.map(PostgresValue.text))
        if let requesterID { condition = condition.and(PostgresQueryFragment("c.requester_id = ?", [.int(requesterID)])) }
        condition = condition.and(PostgresListVisibility.predicate(visibility))
        let statement = PostgresQueryFragment("SELECT \(Self.callbackColumns) \(Self.callbackJoins) WHERE ") + condition
            + PostgresQueryFragment(" ORDER BY c.id LIMIT ?", [.int(Int64(limit))])
        return try db.query(statement).map(Self.callback)
    }

    func openCallbackStates(among ticketIDs: [TicketID], requesterID: UserID?) throws -> [TicketID: CallbackState] {
        guard !ticketIDs.isEmpty else { return [:] }
        var values = ticketIDs.map(PostgresValue.int)
        let ids = values.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
        var requester = ""
        if let requesterID {
            values.append(.int(requesterID))
            requester = " AND requester_id = $\(values.count)"
        }
        var states: [TicketID: CallbackState] = [:]
        for row in try db.query(
            "SELECT ticket_id, state FROM callback_request WHERE ticket_id IN (\(ids)) AND state <> 'done'\(requester)", values) {
            states[try row.decode(Int64.self, at: 0)] = CallbackState(rawValue: try row.decode(String.self, at: 1))
        }
        return states
    }

    func callback(id: CallbackID) throws -> CallbackRequest? {
        try db.query("SELECT \(Self.callbackColumns) \(Self.callbackJoins) WHERE c.id = $1", [.int(id)]).first.map(Self.callback)
    }

    static func callback(_ row: PostgresRow) throws -> CallbackRequest {
        CallbackRequest(
            id: try row.decode(at: 0), ticketNumber: try row.decode(at: 1), ticketSubject: try row.decode(at: 2),
            requesterHandle: try row.decode(at: 3), phone: try row.decode(at: 4),
            window: CallbackWindow(start: try row.decode(at: 5), end: try row.decode(at: 6), timeZone: try row.decode(at: 7)),
            note: try row.decode(at: 8), state: CallbackState(rawValue: try row.decode(at: 9)) ?? .done,
            takerHandle: try row.decode(String?.self, at: 10),
            outcome: try row.decode(String?.self, at: 11).flatMap(CallbackOutcome.init(rawValue:)),
            createdAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(Int64.self, at: 12))),
            updatedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(Int64.self, at: 13))))
    }
}
