import Foundation
import GRDB

extension SQLiteRows: WorkflowRows {
    func hasMessage(id: MessageID, ticketID: TicketID, visibility: TicketVisibility) throws -> Bool {
        let visibleKinds = visibility.seesInternalNotes ? "" : " AND kind != 'internalNote'"
        return try Row.fetchOne(
            db, sql: "SELECT 1 FROM message WHERE id = ? AND ticket_id = ?\(visibleKinds)", arguments: [id, ticketID]) != nil
    }

    func insertMessage(_ message: MessageInsert) throws -> MessageID {
        try db.execute(
            sql: """
                INSERT INTO message(ticket_id, kind, author_id, body, created_at, in_reply_to_id, event)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                message.ticketID, message.kind.rawValue, message.authorID, message.body, message.createdAt.deskSeconds,
                message.inReplyToID, message.event?.payload,
            ])
        return db.lastInsertedRowID
    }

    func updateStatus(ticketID: TicketID, to status: TicketStatus) throws {
        try db.execute(sql: "UPDATE ticket SET status = ? WHERE id = ?", arguments: [status.rawValue, ticketID])
    }

    func updateStatus(ticketID: TicketID, to status: TicketStatus, touchingAt time: Date, seenByCustomers: Bool) throws {
        let publicTime = seenByCustomers ? ", public_updated_at = MAX(public_updated_at, :time)" : ""
        try db.execute(
            sql: "UPDATE ticket SET status = :status, updated_at = MAX(updated_at, :time)\(publicTime) WHERE id = :id",
            arguments: ["status": status.rawValue, "time": time.deskSeconds, "id": ticketID])
    }

    func updateAssignee(ticketID: TicketID, to assigneeID: UserID?, touchingAt time: Date) throws {
        try db.execute(
            sql: "UPDATE ticket SET assignee_id = ?, updated_at = MAX(updated_at, ?), public_updated_at = MAX(public_updated_at, ?) WHERE id = ?",
            arguments: [assigneeID, time.deskSeconds, time.deskSeconds, ticketID])
    }

    func removeWatcher(ticketID: TicketID, userID: UserID) throws {
        try db.execute(sql: "DELETE FROM watcher WHERE ticket_id = ? AND user_id = ?", arguments: [ticketID, userID])
    }

    func attachmentData(id: AttachmentID, visibility: TicketVisibility) throws -> Data? {
        let tickets = VisibilitySQL.predicate(visibility)
        let notes = visibility.seesInternalNotes ? "" : " AND (m.id IS NULL OR m.kind != 'internalNote')"
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT a.data FROM attachment a JOIN ticket t ON t.id = a.ticket_id
                LEFT JOIN message m ON m.id = a.message_id
                WHERE a.id = ? AND \(tickets.sql)\(notes)
                """,
            arguments: [id] + tickets.arguments)
        return row.map { ($0["data"] as Data?) ?? Data() }
    }

    func hasTickets(status: TicketStatus, publicUpdateAtOrBefore time: Date) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM ticket WHERE status = ? AND public_updated_at <= ?)",
            arguments: [status.rawValue, time.deskSeconds]) ?? false
    }

    func tickets(status: TicketStatus, publicUpdateAtOrBefore time: Date) throws -> [Ticket] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM ticket WHERE status = ? AND public_updated_at <= ? ORDER BY number",
            arguments: [status.rawValue, time.deskSeconds]
        ).map(RowDecoding.ticket)
    }

    func savepoint<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        try db.inSavepoint {
            result = try body()
            return .commit
        }
        guard let result else { preconditionFailure("a committed savepoint ran its body") }
        return result
    }
}
