import DeskModel
import DeskPostgres
import Foundation

/// A case list's row (`TicketSummary`) read from PostgreSQL: the columns a query over `ticket t`
/// joined with requester `r`, organisation `o` and assignee `a` selects, and their decoding.
enum PostgresTicketSummaryRow {
    /// The columns `decode` reads, with the update time the viewer may read as `updated_at`.
    static func columns(seenBy visibility: TicketVisibility) -> String {
        let updated = PublicUpdateTimeSchema.updatedColumn(seenBy: visibility)
        return """
            t.id, t.number, t.subject, t.kind, t.status, t.urgency, t.created_at, t.\(updated) AS updated_at,
            t.triage_key, r.handle AS requester_handle, r.name AS requester_name,
            o.name AS organisation_name, a.handle AS assignee_handle, t.due_at
            """
    }

    /// The joins `columns` reads, after `FROM … ticket t`.
    static let joins = """
        JOIN "user" r ON r.id = t.requester_id
        LEFT JOIN organisation o ON o.id = t.organisation_id
        LEFT JOIN "user" a ON a.id = t.assignee_id
        """

    static func decode(_ row: PostgresRow, sortValue: Int64) throws -> TicketSummary {
        TicketSummary(
            id: try row.decode(Int64.self, column: "id"), number: try row.decode(Int64.self, column: "number"),
            subject: try row.decode(String.self, column: "subject"),
            kind: TicketKind(rawValue: try row.decode(String.self, column: "kind")) ?? .question,
            status: TicketStatus(rawValue: try row.decode(String.self, column: "status")) ?? .open,
            urgency: Urgency(rawValue: try row.decode(String.self, column: "urgency")) ?? .none,
            requesterHandle: try row.decode(String.self, column: "requester_handle"),
            requesterName: try row.decode(String.self, column: "requester_name"),
            organisationName: try row.decode(String?.self, column: "organisation_name"),
            assigneeHandle: try row.decode(String?.self, column: "assignee_handle"),
            createdAt: try row.decode(Date.self, column: "created_at"),
            updatedAt: try row.decode(Date.self, column: "updated_at"),
            triageKey: try row.decode(Int64.self, column: "triage_key"), sortValue: sortValue
        ).withDue(seconds: try row.decode(Int64.self, column: "due_at"))
    }
}
