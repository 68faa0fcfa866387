import DeskModel
import DeskPostgres
import Foundation

/// Text read for searches the rules match in Swift: customers' searches and snippets
/// (SQLite's `SQLiteRows+SearchTexts`).
extension PostgresRows {
    func ticketTexts(ids: [TicketID]) throws -> [TicketText] {
        guard !ids.isEmpty else { return [] }
        return try db.query(
            "SELECT id, subject, description, created_at FROM ticket WHERE id = ANY($1::bigint[])",
            [PostgresRowDecoding.idArray(ids)]
        ).map { row in
            TicketText(
                ticketID: try row.decode(Int64.self, column: "id"), subject: try row.decode(String.self, column: "subject"),
                description: try row.decode(String.self, column: "description"),
                createdAt: try row.decode(Date.self, column: "created_at"))
        }
    }

    func visitPublicMessages(ticketIDs: [TicketID], _ visit: (TicketID, String, Date) throws -> Bool) throws {
        guard !ticketIDs.isEmpty else { return }
        let messages = try db.query(
            """
            SELECT ticket_id, body, created_at FROM message
            WHERE ticket_id = ANY($1::bigint[]) AND kind != 'internalNote'
            """,
            [PostgresRowDecoding.idArray(ticketIDs)])
        for row in messages {
            let at = try row.decode(Date.self, column: "created_at")
            guard try visit(try row.decode(Int64.self, column: "ticket_id"), try row.decode(String.self, column: "body"), at) else { return }
        }
    }

    func visitSearchableTexts(
        ticketIDs: [TicketID], visibility: TicketVisibility, messageLimit: Int, _ visit: (TicketID, [String]) throws -> Void
    ) throws {
        guard !ticketIDs.isEmpty else { return }
        let kinds = visibility.seesInternalNotes ? "('reply', 'internalNote')" : "('reply')"
        // Each ticket's newest messages through a LATERAL read, so a long thread costs `messageLimit` rows.
        let statement = PostgresQueryFragment("""
            SELECT t.id, t.description, b.body FROM ticket t
            LEFT JOIN LATERAL (SELECT m.id, m.body FROM message m WHERE m.ticket_id = t.id AND m.kind IN \(kinds)
                               ORDER BY m.id DESC LIMIT \(max(messageLimit, 0))) b ON true
            WHERE t.id = ANY(?::bigint[]) AND 
            """, [PostgresRowDecoding.idArray(ticketIDs)])
            + PostgresListVisibility.predicate(visibility)
            + PostgresQueryFragment(" ORDER BY t.id, b.id DESC")
        var current: (id: TicketID, texts: [String])?
        for row in try db.query(statement) {
            let id = try row.decode(Int64.self, column: "id")
            if current?.id != id {
                if let done = current { try visit(done.id, done.texts) }
                current = (id, [try row.decode(String.self, column: "description")])
            }
            if let body = try row.decode(String?.self, column: "body") { current?.texts.append(body) }
        }
        if let done = current { try visit(done.id, done.texts) }
    }
}
