import Foundation
import GRDB

extension SQLiteRows: TicketReadingRows {
    func history(
        ticketID: TicketID, visibility: TicketVisibility, bodies: HistoryBodies
    ) throws -> (messages: [Message], unloadedBodies: BodyLengths) {
        try SQLiteDeskStore.history(db, ticketID: ticketID, viewer: Self.historyReader(visibility), bodies: bodies)
    }

    func messageBodies(ticketID: TicketID, ids: [MessageID], visibility: TicketVisibility) throws -> [MessageID: String] {
        try SQLiteDeskStore.messageBodies(db, ticketID: ticketID, ids: ids, viewer: Self.historyReader(visibility))
    }

    /// The history readers (`SQLiteDeskStore.history`, `.historyOutline`, `.messageBodies`,
    /// tuned elsewhere) read one thing from their viewer: whether it sees internal notes. This
    /// is a reader that sees what `visibility` sees of a history and nothing else.
    private static func historyReader(_ visibility: TicketVisibility) -> Viewer {
        Viewer(user: User(id: 0, handle: "", name: "", email: "", role: visibility.seesInternalNotes ? .agent : .customer))
    }

    func attachments(ticketID: TicketID, visibility: TicketVisibility) throws -> [Attachment] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT a.id, a.ticket_id, a.message_id, a.name, a.media_type, a.size, a.sha256,
                    a.uploader_id, a.created_at
                FROM attachment a LEFT JOIN message m ON m.id = a.message_id
                WHERE a.ticket_id = ? AND (m.id IS NULL OR ? OR m.kind != 'internalNote')
                ORDER BY a.created_at, a.id
                """,
            arguments: [ticketID, visibility.seesInternalNotes]
        ).map(RowDecoding.attachment)
    }

    func watchers(ticketID: TicketID) throws -> [User] {
        try Row.fetchAll(
            db,
            sql: "SELECT u.* FROM watcher w JOIN user u ON u.id = w.user_id WHERE w.ticket_id = ? ORDER BY u.handle",
            arguments: [ticketID]
        ).map { RowDecoding.user($0) }
    }

    func ticketNumber(id: TicketID) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT number FROM ticket WHERE id = ?", arguments: [id])
    }

    func importSources(ticketID: TicketID) throws -> (ticket: String?, messages: [MessageID: String]) {
        var root: String?
        var sources: [MessageID: String] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT external_id, message_id FROM import_source WHERE ticket_id = ?", arguments: [ticketID]) {
            if let message: MessageID = row["message_id"] { sources[message] = row["external_id"] } else { root = row["external_id"] }
        }
        return (root, sources)
    }

    func attachmentBytes(id: AttachmentID) throws -> Data? {
        try Data.fetchOne(db, sql: "SELECT data FROM attachment WHERE id = ?", arguments: [id])
    }
}
