import DeskModel
import DeskPostgres
import Foundation

/// A whole ticket read from PostgreSQL: the columns a query over `ticket t` selects (named, so
/// that the generated search column never comes along) and their decoding. Enum columns holding
/// an unknown value decode to the same defaults as SQLite's `RowDecoding`.
enum PostgresTicketRow {
    static let columns = """
        t.id, t.number, t.subject, t.description, t.kind, t.product, t.category, t.subcategory, t.urgency,
        t.status, t.requester_id, t.organisation_id, t.assignee_id, t.contact, t.follow_up_of_id,
        t.created_at, t.updated_at, t.triage_key, t.public_updated_at
        """

    /// `readingPublicTime`: the update time is the public one (a customer's reading).
    static func decode(_ row: PostgresRow, readingPublicTime: Bool = false) throws -> Ticket {
        let updated = try row.decode(Date.self, column: readingPublicTime ? "public_updated_at" : "updated_at")
        return Ticket(
            id: try row.decode(Int64.self, column: "id"), number: try row.decode(Int64.self, column: "number"),
            subject: try row.decode(String.self, column: "subject"),
            description: try row.decode(String.self, column: "description"),
            kind: TicketKind(rawValue: try row.decode(String.self, column: "kind")) ?? .question,
            product: try row.decode(String.self, column: "product"),
            category: try row.decode(String.self, column: "category"),
            subcategory: try row.decode(String.self, column: "subcategory"),
            urgency: Urgency(rawValue: try row.decode(String.self, column: "urgency")) ?? .none,
            status: TicketStatus(rawValue: try row.decode(String.self, column: "status")) ?? .open,
            requesterID: try row.decode(Int64.self, column: "requester_id"),
            organisationID: try row.decode(Int64?.self, column: "organisation_id"),
            assigneeID: try row.decode(Int64?.self, column: "assignee_id"),
            contact: ContactPreference(rawValue: try row.decode(String.self, column: "contact")) ?? .portal,
            followUpOfID: try row.decode(Int64?.self, column: "follow_up_of_id"),
            createdAt: try row.decode(Date.self, column: "created_at"),
            updatedAt: updated,
            triageKey: try row.decode(Int64.self, column: "triage_key"))
    }
}
