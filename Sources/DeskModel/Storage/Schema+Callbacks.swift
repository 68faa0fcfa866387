import GRDB

/// Call-back requests (`CallbackRequest`): one row per request, the latest of a ticket found
/// by `callback_ticket`, the open ones of the agents' view by `callback_state`.
enum CallbackSchema {
    static let columns = """
        c.id, t.number AS ticket_number, t.subject AS ticket_subject, r.handle AS requester_handle, c.phone,
        c.window_start, c.window_end, c.time_zone, c.note, c.state, k.handle AS taker_handle, c.outcome,
        c.created_at, c.updated_at
        """

    static let joins = """
        FROM callback_request c JOIN ticket t ON t.id = c.ticket_id JOIN user r ON r.id = c.requester_id
        LEFT JOIN user k ON k.id = c.taker_id
        """

    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v19-callback", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE callback_request (
                    id INTEGER PRIMARY KEY,
                    ticket_id INTEGER NOT NULL REFERENCES ticket(id),
                    requester_id INTEGER NOT NULL REFERENCES user(id),
                    phone TEXT NOT NULL,
                    -- Minutes after midnight in time_zone (an IANA name).
                    window_start INTEGER NOT NULL,
                    window_end INTEGER NOT NULL,
                    time_zone TEXT NOT NULL,
                    note TEXT NOT NULL,
                    -- 'requested', 'taken' or 'done'.
                    state TEXT NOT NULL,
                    taker_id INTEGER REFERENCES user(id),
                    -- NULL, 'reached', 'no-answer' or 'rescheduled'.
                    outcome TEXT,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE INDEX callback_ticket ON callback_request(ticket_id, id);
                CREATE INDEX callback_state ON callback_request(state, id);
                """)
        }
    }
}
