import DeskModel
import DeskPostgres
import Foundation

extension PostgresRows: TicketEditRows {
    func updateTicketFields(_ ticket: Ticket, touchingAt time: Date) throws {
        // `search_words` is generated from subject and description, so it follows by itself.
        try db.execute(
            """
            UPDATE ticket SET subject = $1, description = $2, kind = $3, product = $4, category = $5, subcategory = $6,
                urgency = $7, contact = $8, triage_key = $9,
                updated_at = greatest(updated_at, $10), public_updated_at = greatest(public_updated_at, $10)
            WHERE id = $11
            """,
            [
                .text(ticket.subject), .text(ticket.description), .text(ticket.kind.rawValue), .text(ticket.product),
                .text(ticket.category), .text(ticket.subcategory), .text(ticket.urgency.rawValue),
                .text(ticket.contact.rawValue), .int(ticket.triageKey), .int(time.deskSeconds), .int(ticket.id),
            ])
    }
}
