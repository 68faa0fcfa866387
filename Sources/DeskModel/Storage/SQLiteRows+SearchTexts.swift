import Foundation
import GRDB

/// Text read for searches the rules match in Swift: customers' searches and snippets.
extension SQLiteRows {
    func ticketTexts(ids: [TicketID]) throws -> [TicketText] {
        guard !ids.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        return try Row.fetchAll(
            db, sql: "SELECT id, subject, description, created_at FROM ticket WHERE id IN (\(placeholders))",
            arguments: StatementArguments(ids)
        ).map { row in
            TicketText(ticketID: row["id"], subject: row["subject"], description: row["description"],
                       createdAt: Date(deskSeconds: row["created_at"]))
        }
    }

    func visitPublicMessages(ticketIDs: [TicketID], _ visit: (TicketID, String, Date) throws -> Bool) throws {
        guard !ticketIDs.isEmpty else { return }
        let placeholders = Array(repeating: "?", count: ticketIDs.count).joined(separator: ", ")
        let messages = try Row.fetchCursor(
            db,
            sql: """
                SELECT ticket_id, body, created_at FROM message
                WHERE ticket_id IN (\(placeholders)) AND kind != 'internalNote'
                """,
            arguments: StatementArguments(ticketIDs))
        while let row = try messages.next() {
            guard try visit(row["ticket_id"], row["body"], Date(deskSeconds: row["created_at"])) else { return }
        }
    }

    func visitSearchableTexts(
        ticketIDs: [TicketID], visibility: TicketVisibility, messageLimit: Int, _ visit: (TicketID, [String]) throws -> Void
    ) throws {
        guard !ticketIDs.isEmpty else { return }
        let predicate = VisibilitySQL.predicate(visibility)
        let placeholders = Array(repeating: "?", count: ticketIDs.count).joined(separator: ", ")
        let tickets = try Row.fetchAll(
            db, sql: "SELECT t.id, t.description FROM ticket t WHERE t.id IN (\(placeholders)) AND \(predicate.sql)",
            arguments: StatementArguments(ticketIDs) + predicate.arguments)
        let kinds = visibility.seesInternalNotes ? "('reply', 'internalNote')" : "('reply')"
        for ticket in tickets {
            let id: TicketID = ticket["id"]
            let bodies = try String.fetchAll(
                db, sql: "SELECT body FROM message WHERE ticket_id = ? AND kind IN \(kinds) ORDER BY id DESC LIMIT \(messageLimit)",
                arguments: [id])
            try visit(id, [ticket["description"] as String] + bodies)
        }
    }
}
