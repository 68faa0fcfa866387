import DeskModel
import DeskPostgres
import Foundation

/// Turns PostgreSQL rows into domain values, as `RowDecoding` does for SQLite: each decoder
/// reads the columns its `…Columns` list names, in that order (never `*`: `search_words` and
/// other derived columns would come along). Enum columns holding an unknown value decode to
/// the same safe defaults as on SQLite. Times are bigint seconds, which `Date` reads as such.
enum PostgresRowDecoding {
    /// The columns `user` reads; `prefix` qualifies them (`"u."`) in a join.
    static func userColumns(_ prefix: String = "") -> String {
        ["id", "handle", "name", "email", "role", "organisation_id", "case_access"].map { prefix + $0 }.joined(separator: ", ")
    }

    static func user(_ row: PostgresRow) throws -> User {
        User(
            id: try row.decode(at: 0), handle: try row.decode(at: 1), name: try row.decode(at: 2),
            email: try row.decode(at: 3),
            role: Role(rawValue: try row.decode(at: 4)) ?? .customer,
            organisationID: try row.decode(at: 5),
            caseAccess: CaseAccess(rawValue: try row.decode(at: 6)) ?? .own)
    }

    static let organisationColumns = "id, name, plan, tier"

    static func organisation(_ row: PostgresRow) throws -> Organisation {
        Organisation(
            id: try row.decode(at: 0), name: try row.decode(at: 1),
            plan: Plan(rawValue: try row.decode(at: 2)) ?? .free,
            tier: SupportTier(rawValue: try row.decode(at: 3)) ?? .standard)
    }

    static let messageColumns = "id, ticket_id, kind, author_id, body, created_at, in_reply_to_id, event"

    static func message(_ row: PostgresRow) throws -> Message {
        Message(
            id: try row.decode(at: 0), ticketID: try row.decode(at: 1),
            kind: MessageKind(rawValue: try row.decode(at: 2)) ?? .systemEvent,
            authorID: try row.decode(at: 3), body: try row.decode(at: 4),
            createdAt: try row.decode(at: 5), inReplyToID: try row.decode(at: 6),
            event: try row.decode(String?.self, at: 7).flatMap(SystemEvent.init(payload:)))
    }

    /// The columns `attachment` reads (without the bytes), qualified by `prefix`.
    static func attachmentColumns(_ prefix: String = "") -> String {
        ["id", "ticket_id", "message_id", "name", "media_type", "size", "sha256", "uploader_id", "created_at"]
            .map { prefix + $0 }.joined(separator: ", ")
    }

    static func attachment(_ row: PostgresRow) throws -> Attachment {
        Attachment(
            id: try row.decode(at: 0), ticketID: try row.decode(at: 1), messageID: try row.decode(at: 2),
            name: try row.decode(at: 3), mediaType: try row.decode(at: 4), size: try row.decode(at: 5),
            sha256: try row.decode(at: 6), uploaderID: try row.decode(at: 7), createdAt: try row.decode(at: 8))
    }

    /// A list of ids as one parameter (`= ANY($n::bigint[])`): one statement whatever the count.
    static func idArray(_ ids: [Int64]) -> PostgresValue {
        .text("{" + ids.map(String.init).joined(separator: ",") + "}")
    }
}
