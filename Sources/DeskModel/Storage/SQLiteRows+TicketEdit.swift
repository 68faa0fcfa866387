import Foundation
import GRDB

extension SQLiteRows: TicketEditRows {
    func updateTicketFields(_ ticket: Ticket, touchingAt time: Date) throws {
        // The full-text triggers follow subject and description (`Schema.ftsTriggers`).
        try db.execute(
            sql: """
                UPDATE ticket SET subject = :subject, description = :description, kind = :kind, product = :product,
                    category = :category, subcategory = :subcategory, urgency = :urgency, contact = :contact,
                    triage_key = :triageKey, updated_at = MAX(updated_at, :time), public_updated_at = MAX(public_updated_at, :time)
                WHERE id = :id
                """,
            arguments: [
                "subject": ticket.subject, "description": ticket.description, "kind": ticket.kind.rawValue,
                "product": ticket.product, "category": ticket.category, "subcategory": ticket.subcategory,
                "urgency": ticket.urgency.rawValue, "contact": ticket.contact.rawValue, "triageKey": ticket.triageKey,
                "time": time.deskSeconds, "id": ticket.id,
            ])
    }
}
