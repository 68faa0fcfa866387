import DeskPostgres
import DeskPostgresStore

/// Rows written straight into a PostgreSQL desk, for tests of the schema itself (the rules
/// and the row layer come later and have tests of their own).
enum DeskRows {
    static let now: Int64 = 1_764_000_000

    @discardableResult
    static func user(_ db: PostgresConnection, handle: String, role: String = "agent") throws -> Int64 {
        try db.query(
            """
            INSERT INTO "user" (handle, name, email, role, case_access)
            VALUES ($1, $1, $1 || '@example.com', $2, 'own') RETURNING id
            """,
            [.text(handle), .text(role)])[0].decode(Int64.self, column: "id")
    }

    /// A ticket numbered by `deskterm_next_ticket_number()` unless `number` is given.
    @discardableResult
    static func ticket(
        _ db: PostgresConnection, requester: Int64, number: Int64? = nil, subject: String = "Printer offline",
        description: String = "It stopped this morning.", status: String = "new", assignee: Int64? = nil
    ) throws -> (id: Int64, number: Int64) {
        let number = try number ?? db.query(PostgresSchema.nextTicketNumberSQL)[0].decode(Int64.self, at: 0)
        let id = try db.query(
            """
            INSERT INTO ticket (number, subject, description, kind, product, category, subcategory, urgency,
                                status, requester_id, assignee_id, contact, created_at, updated_at, triage_key,
                                public_updated_at)
            VALUES ($1, $2, $3, 'incident', 'Printing', '', '', 'low', $4, $5, $6, 'portal', $7, $7, $7, $7)
            RETURNING id
            """,
            [.int(number), .text(subject), .text(description), .text(status), .int(requester),
             .optional(assignee, PostgresValue.int), .int(now)])[0].decode(Int64.self, column: "id")
        return (id, number)
    }

    @discardableResult
    static func message(_ db: PostgresConnection, ticket: Int64, author: Int64, body: String) throws -> Int64 {
        try db.query(
            "INSERT INTO message (ticket_id, kind, author_id, body, created_at) VALUES ($1, 'reply', $2, $3, $4) RETURNING id",
            [.int(ticket), .int(author), .text(body), .int(now)])[0].decode(Int64.self, column: "id")
    }

    /// `ticket_count` as a dictionary.
    static func counts(_ db: PostgresConnection) throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        for row in try db.query("SELECT key, n FROM ticket_count") {
            counts[try row.decode(String.self, column: "key")] = try row.decode(Int64.self, column: "n")
        }
        return counts
    }

    /// The same three counts, counted from the rows.
    static func countedFromRows(_ db: PostgresConnection) throws -> [String: Int64] {
        let row = try db.query("""
            SELECT count(*) AS all_count,
                   count(*) FILTER (WHERE NOT is_closed) AS open_count,
                   count(*) FILTER (WHERE NOT is_closed AND assignee_id IS NULL) AS unassigned_open_count
            FROM ticket
            """)[0]
        return [
            "all": try row.decode(Int64.self, column: "all_count"),
            "open": try row.decode(Int64.self, column: "open_count"),
            "unassignedOpen": try row.decode(Int64.self, column: "unassigned_open_count"),
        ]
    }
}
