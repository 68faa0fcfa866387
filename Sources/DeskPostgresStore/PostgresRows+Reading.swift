import DeskModel
import DeskPostgres
import Foundation

/// Reading one ticket's history, files and people, as the SQLite backend does
/// (`SQLiteRows+Reading`, `SQLiteDeskStore+History`, `+Outline`): the same orders, the same
/// outline, and internal notes never sent to a reader who may not see them.
extension PostgresRows: TicketReadingRows {
    func history(
        ticketID: TicketID, visibility: TicketVisibility, bodies: HistoryBodies
    ) throws -> (messages: [Message], unloadedBodies: BodyLengths) {
        guard case .nearEnds(let count) = bodies else {
            let messages = try db.query(
                """
                SELECT \(PostgresRowDecoding.messageColumns) FROM message
                WHERE ticket_id = $1\(Self.visibleKinds(visibility)) ORDER BY created_at, id
                """,
                [.int(ticketID)]
            ).map(PostgresRowDecoding.message)
            return (messages, [:])
        }
        var (messages, lengths) = try historyOutline(ticketID: ticketID, visibility: visibility)
        let bodied = messages.indices.filter { messages[$0].kind != .systemEvent }
        let wanted = bodied.count <= 2 * count ? bodied : Array(bodied.prefix(count) + bodied.suffix(count))
        let read = try messageBodies(ticketID: ticketID, ids: wanted.map { messages[$0].id }, visibility: visibility)
        var unloadedIDs: [MessageID] = [], unloadedLengths: [Int] = []
        unloadedIDs.reserveCapacity(bodied.count - wanted.count)
        unloadedLengths.reserveCapacity(bodied.count - wanted.count)
        for index in bodied {
            if let body = read[messages[index].id] {
                messages[index].body = body
            } else {
                unloadedIDs.append(messages[index].id)
                unloadedLengths.append(lengths[index])
            }
        }
        return (messages, BodyLengths(ids: unloadedIDs, lengths: unloadedLengths))
    }

    /// Every message the reader may see in time order with an empty body (events keep theirs),
    /// and each body's length in characters. The outline's columns all come from the
    /// `message_outline` index; the few events' texts are a second, small read, so that the
    /// long list never needs the table's rows for the bodies it leaves out.
    private func historyOutline(
        ticketID: TicketID, visibility: TicketVisibility
    ) throws -> (messages: [Message], bodyLengths: [Int]) {
        let outline = try db.query(
            """
            SELECT id, kind, author_id, created_at, in_reply_to_id, body_length FROM message
            WHERE ticket_id = $1\(Self.visibleKinds(visibility)) ORDER BY created_at, id
            """,
            [.int(ticketID)])
        var events: [MessageID: (body: String, event: String?)] = [:]
        for row in try db.query(
            "SELECT id, body, event FROM message WHERE ticket_id = $1 AND kind = 'systemEvent'", [.int(ticketID)]) {
            events[try row.decode(at: 0)] = (try row.decode(at: 1), try row.decode(at: 2))
        }
        var messages: [Message] = []
        var lengths: [Int] = []
        messages.reserveCapacity(outline.count)
        lengths.reserveCapacity(outline.count)
        for row in outline {
            let id: MessageID = try row.decode(at: 0)
            // Anything unknown reads as an event, as `PostgresRowDecoding.message` does.
            let kind = MessageKind(rawValue: try row.decode(at: 1)) ?? .systemEvent
            let event = kind == .systemEvent ? events[id] : nil
            messages.append(Message(
                id: id, ticketID: ticketID, kind: kind, authorID: try row.decode(at: 2),
                body: event?.body ?? "", createdAt: try row.decode(at: 3), inReplyToID: try row.decode(at: 4),
                event: event?.event.flatMap(SystemEvent.init(payload:))))
            lengths.append(try row.decode(at: 5))
        }
        return (messages, lengths)
    }

    func messageBodies(ticketID: TicketID, ids: [MessageID], visibility: TicketVisibility) throws -> [MessageID: String] {
        guard !ids.isEmpty else { return [:] }
        var bodies: [MessageID: String] = [:]
        for row in try db.query(
            """
            SELECT id, body FROM message
            WHERE id = ANY($2::bigint[]) AND ticket_id = $1\(Self.visibleKinds(visibility))
            """,
            [.int(ticketID), PostgresRowDecoding.idArray(ids)]) {
            bodies[try row.decode(at: 0)] = try row.decode(at: 1)
        }
        return bodies
    }

    /// The condition on `message` that leaves out what `visibility` may not see.
    private static func visibleKinds(_ visibility: TicketVisibility) -> String {
        visibility.seesInternalNotes ? "" : " AND kind <> 'internalNote'"
    }

    func attachments(ticketID: TicketID, visibility: TicketVisibility) throws -> [Attachment] {
        try db.query(
            """
            SELECT \(PostgresRowDecoding.attachmentColumns("a."))
            FROM attachment a LEFT JOIN message m ON m.id = a.message_id
            WHERE a.ticket_id = $1 AND (m.id IS NULL OR $2 OR m.kind <> 'internalNote')
            ORDER BY a.created_at, a.id
            """,
            [.int(ticketID), .bool(visibility.seesInternalNotes)]
        ).map(PostgresRowDecoding.attachment)
    }

    func watchers(ticketID: TicketID) throws -> [User] {
        try db.query(
            """
            SELECT \(PostgresRowDecoding.userColumns("u.")) FROM watcher w JOIN "user" u ON u.id = w.user_id
            WHERE w.ticket_id = $1 ORDER BY u.handle
            """,
            [.int(ticketID)]
        ).map(PostgresRowDecoding.user)
    }

    func ticketNumber(id: TicketID) throws -> Int64? {
        try db.query("SELECT number FROM ticket WHERE id = $1", [.int(id)]).first?.decode(at: 0)
    }

    func importSources(ticketID: TicketID) throws -> (ticket: String?, messages: [MessageID: String]) {
        var root: String?
        var sources: [MessageID: String] = [:]
        for row in try db.query("SELECT external_id, message_id FROM import_source WHERE ticket_id = $1", [.int(ticketID)]) {
            let externalID: String = try row.decode(at: 0)
            if let message: MessageID = try row.decode(at: 1) { sources[message] = externalID } else { root = externalID }
        }
        return (root, sources)
    }

    func attachmentBytes(id: AttachmentID) throws -> Data? {
        try db.query("SELECT data FROM attachment WHERE id = $1", [.int(id)]).first?.decode(at: 0)
    }
}
