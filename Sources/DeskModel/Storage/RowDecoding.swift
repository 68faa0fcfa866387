import Foundation
import GRDB

/// Turns rows into domain values. Enum columns that hold an unknown value (a newer desk, bad
/// data) decode to a safe default rather than crashing the reader.
enum RowDecoding {
    static func organisation(_ row: Row) -> Organisation {
        Organisation(
            id: row["id"], name: row["name"],
            plan: Plan(rawValue: row["plan"]) ?? .free,
            tier: SupportTier(rawValue: row["tier"]) ?? .standard)
    }

    static func user(_ row: Row, prefix: String = "") -> User {
        User(
            id: row[prefix + "id"], handle: row[prefix + "handle"], name: row[prefix + "name"],
            email: row[prefix + "email"],
            role: Role(rawValue: row[prefix + "role"]) ?? .customer,
            organisationID: row[prefix + "organisation_id"],
            caseAccess: CaseAccess(rawValue: row[prefix + "case_access"]) ?? .own)
    }

    static func ticket(_ row: Row) -> Ticket {
        Ticket(
            id: row["id"], number: row["number"], subject: row["subject"],
            description: row["description"],
            kind: TicketKind(rawValue: row["kind"]) ?? .question,
            product: row["product"], category: row["category"], subcategory: row["subcategory"],
            urgency: Urgency(rawValue: row["urgency"]) ?? .none,
            status: TicketStatus(rawValue: row["status"]) ?? .open,
            requesterID: row["requester_id"], organisationID: row["organisation_id"],
            assigneeID: row["assignee_id"],
            contact: ContactPreference(rawValue: row["contact"]) ?? .portal,
            followUpOfID: row["follow_up_of_id"],
            createdAt: Date(deskSeconds: row["created_at"]),
            updatedAt: Date(deskSeconds: row["updated_at"]),
            triageKey: row["triage_key"])
    }

    static func message(_ row: Row) -> Message {
        Message(
            id: row["id"], ticketID: row["ticket_id"],
            kind: MessageKind(rawValue: row["kind"]) ?? .systemEvent,
            authorID: row["author_id"], body: row["body"],
            createdAt: Date(deskSeconds: row["created_at"]),
            inReplyToID: row["in_reply_to_id"],
            event: (row["event"] as String?).flatMap(SystemEvent.init(payload:)))
    }

    /// The columns `message(positional:)` reads, in its order.
    static let messageColumns = "id, ticket_id, kind, author_id, body, created_at, in_reply_to_id, event"

    static func message(positional row: Row) -> Message {
        Message(
            id: row[0], ticketID: row[1],
            kind: MessageKind(rawValue: row[2]) ?? .systemEvent,
            authorID: row[3], body: row[4],
            createdAt: Date(deskSeconds: row[5]),
            inReplyToID: row[6],
            event: (row[7] as String?).flatMap(SystemEvent.init(payload:)))
    }

    static func attachment(_ row: Row) -> Attachment {
        Attachment(
            id: row["id"], ticketID: row["ticket_id"], messageID: row["message_id"],
            name: row["name"], mediaType: row["media_type"], size: row["size"],
            sha256: row["sha256"], uploaderID: row["uploader_id"],
            createdAt: Date(deskSeconds: row["created_at"]))
    }

    /// The columns `summary` reads, for a query over `ticket t` joined with requester `r`,
    /// organisation `o` and assignee `a`, plus the page's sort value `k`.
    static let summaryColumns = """
        t.id, t.number, t.subject, t.kind, t.status, t.urgency, t.created_at, t.updated_at,
        t.triage_key, r.handle AS requester_handle, r.name AS requester_name,
        o.name AS organisation_name, a.handle AS assignee_handle, t.due_at
        """

    static func summary(_ row: Row, sortValue: Int64) -> TicketSummary {
        TicketSummary(
            id: row["id"], number: row["number"], subject: row["subject"],
            kind: TicketKind(rawValue: row["kind"]) ?? .question,
            status: TicketStatus(rawValue: row["status"]) ?? .open,
            urgency: Urgency(rawValue: row["urgency"]) ?? .none,
            requesterHandle: row["requester_handle"], requesterName: row["requester_name"],
            organisationName: row["organisation_name"], assigneeHandle: row["assignee_handle"],
            createdAt: Date(deskSeconds: row["created_at"]),
            updatedAt: Date(deskSeconds: row["updated_at"]),
            triageKey: row["triage_key"], sortValue: sortValue
        ).withDue(seconds: row["due_at"])
    }
}
