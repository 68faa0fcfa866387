import DeskModel
import DeskPostgres
import Foundation

/// Messages and files read from PostgreSQL, as `RowDecoding` does for SQLite (users and
/// organisations: `PostgresDirectoryRow`): each decoder reads the columns its `…Columns` list
/// names, in that order. Enum columns holding an unknown value decode to the same safe
/// defaults as on SQLite. Times are bigint seconds, which `Date` reads as such.
enum PostgresRowDecoding {
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
