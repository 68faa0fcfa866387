import DeskModel
import DeskPostgres
import Foundation

extension PostgresRows {
    /// Inside a write transaction, the tickets a rule reads are locked until the commit, so that
    /// its check still holds when it writes (READ COMMITTED would let another writer change them).
    var ticketLock: String { forWrite ? " FOR UPDATE OF t" : "" }
}

extension PostgresRows: TicketRows {
    func ticket(number: Int64, visibility: TicketVisibility) throws -> Ticket? {
        let query = PostgresQueryFragment("SELECT \(PostgresTicketRow.columns) FROM ticket t WHERE t.number = ? AND ", [.int(number)])
            + PostgresListVisibility.predicate(visibility) + PostgresQueryFragment(ticketLock)
        return try db.query(query).first.map { try PostgresTicketRow.decode($0, readingPublicTime: visibility.readsPublicUpdateTime) }
    }

    func activeTickets(requesterID: UserID, limit: Int) throws -> [Ticket] {
        try db.query(
            """
            SELECT \(PostgresTicketRow.columns) FROM ticket t WHERE t.requester_id = $1 AND NOT t.is_closed
            ORDER BY t.created_at DESC, t.id DESC LIMIT $2
            """,
            [.int(requesterID), .int(Int64(limit))]
        ).map { try PostgresTicketRow.decode($0) }
    }

    /// From the desk's counter, locked until the creating transaction ends (`PostgresSchema+TicketNumbers`).
    func reserveTicketNumber() throws -> Int64 {
        try db.query(PostgresSchema.nextTicketNumberSQL)[0].decode(Int64.self, at: 0)
    }

    func insertTicket(_ ticket: TicketInsert) throws -> TicketID {
        let time = PostgresValue.int(ticket.createdAt.deskSeconds)
        return try db.query(
            """
            INSERT INTO ticket (number, subject, description, kind, product, category, subcategory,
                urgency, status, requester_id, organisation_id, assignee_id, contact, follow_up_of_id,
                created_at, updated_at, triage_key, public_updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $15)
            RETURNING id
            """,
            [
                .int(ticket.number), .text(ticket.subject), .text(ticket.description), .text(ticket.kind.rawValue),
                .text(ticket.product), .text(ticket.category), .text(ticket.subcategory), .text(ticket.urgency.rawValue),
                .text(ticket.status.rawValue), .int(ticket.requesterID), .optional(ticket.organisationID, PostgresValue.int),
                .optional(ticket.assigneeID, PostgresValue.int), .text(ticket.contact.rawValue),
                .optional(ticket.followUpOfID, PostgresValue.int), time, .int(ticket.triageKey),
            ])[0].decode(Int64.self, at: 0)
    }

    func touchTicket(_ id: TicketID, at time: Date, seenByCustomers: Bool) throws {
        let publicTime = seenByCustomers ? ", public_updated_at = greatest(public_updated_at, $1)" : ""
        try db.execute("UPDATE ticket SET updated_at = greatest(updated_at, $1)\(publicTime) WHERE id = $2", [.int(time.deskSeconds), .int(id)])
    }

    func addWatcher(ticketID: TicketID, userID: UserID) throws {
        try db.execute("INSERT INTO watcher (ticket_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", [.int(ticketID), .int(userID)])
    }

    func deleteDraft(_ slot: DraftSlot, userID: UserID) throws {
        try db.execute("DELETE FROM draft WHERE user_id = $1 AND slot = $2", [.int(userID), .text(slot.key)])
    }
}

extension PostgresRows: AttachmentRows {
    func attachmentBytes(uploadedBy userID: UserID) throws -> Int64 {
        try db.query("SELECT COALESCE(SUM(size), 0)::bigint FROM attachment WHERE uploader_id = $1", [.int(userID)])[0]
            .decode(Int64.self, at: 0)
    }

    func insertAttachment(_ attachment: AttachmentInsert) throws -> AttachmentID {
        try db.query(
            """
            INSERT INTO attachment (ticket_id, message_id, name, media_type, size, sha256, uploader_id, created_at, data)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
            """,
            [
                .int(attachment.ticketID), .optional(attachment.messageID, PostgresValue.int), .text(attachment.name),
                .text(attachment.mediaType), .int(Int64(attachment.data.count)), .text(attachment.sha256),
                .int(attachment.uploaderID), .int(attachment.createdAt.deskSeconds), .bytes(attachment.data),
            ])[0].decode(Int64.self, at: 0)
    }
}

extension PostgresRows: WorkflowRows {
    func hasMessage(id: MessageID, ticketID: TicketID, visibility: TicketVisibility) throws -> Bool {
        let visibleKinds = visibility.seesInternalNotes ? "" : " AND kind <> 'internalNote'"
        return try !db.query("SELECT 1 FROM message WHERE id = $1 AND ticket_id = $2\(visibleKinds)", [.int(id), .int(ticketID)]).isEmpty
    }

    func insertMessage(_ message: MessageInsert) throws -> MessageID {
        try db.query(
            """
            INSERT INTO message (ticket_id, kind, author_id, body, created_at, in_reply_to_id, event)
            VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
            """,
            [
                .int(message.ticketID), .text(message.kind.rawValue), .optional(message.authorID, PostgresValue.int),
                .text(message.body), .int(message.createdAt.deskSeconds), .optional(message.inReplyToID, PostgresValue.int),
                .optional(message.event?.payload, PostgresValue.text),
            ])[0].decode(Int64.self, at: 0)
    }

    func updateStatus(ticketID: TicketID, to status: TicketStatus) throws {
        try db.execute("UPDATE ticket SET status = $1 WHERE id = $2", [.text(status.rawValue), .int(ticketID)])
    }

    func updateStatus(ticketID: TicketID, to status: TicketStatus, touchingAt time: Date, seenByCustomers: Bool) throws {
        let publicTime = seenByCustomers ? ", public_updated_at = greatest(public_updated_at, $2)" : ""
        try db.execute(
            "UPDATE ticket SET status = $1, updated_at = greatest(updated_at, $2)\(publicTime) WHERE id = $3",
            [.text(status.rawValue), .int(time.deskSeconds), .int(ticketID)])
    }

    func updateAssignee(ticketID: TicketID, to assigneeID: UserID?, touchingAt time: Date) throws {
        try db.execute(
            """
            UPDATE ticket SET assignee_id = $1, updated_at = greatest(updated_at, $2), public_updated_at = greatest(public_updated_at, $2)
            WHERE id = $3
            """,
            [.optional(assigneeID, PostgresValue.int), .int(time.deskSeconds), .int(ticketID)])
    }

    func removeWatcher(ticketID: TicketID, userID: UserID) throws {
        try db.execute("DELETE FROM watcher WHERE ticket_id = $1 AND user_id = $2", [.int(ticketID), .int(userID)])
    }

    func attachmentData(id: AttachmentID, visibility: TicketVisibility) throws -> Data? {
        let notes = visibility.seesInternalNotes ? "" : " AND (m.id IS NULL OR m.kind <> 'internalNote')"
        let query = PostgresQueryFragment(
            """
            SELECT a.data FROM attachment a JOIN ticket t ON t.id = a.ticket_id
            LEFT JOIN message m ON m.id = a.message_id
            WHERE a.id = ?\(notes) AND 
            """, [.int(id)]) + PostgresListVisibility.predicate(visibility)
        return try db.query(query).first.map { try $0.decode(Data?.self, at: 0) ?? Data() }
    }

    func hasTickets(status: TicketStatus, publicUpdateAtOrBefore time: Date) throws -> Bool {
        try db.query(
            "SELECT EXISTS (SELECT 1 FROM ticket WHERE status = $1 AND public_updated_at <= $2)",
            [.text(status.rawValue), .int(time.deskSeconds)])[0].decode(Bool.self, at: 0)
    }

    /// Locked in a write transaction: auto-close must not close a ticket a reply just reopened.
    func tickets(status: TicketStatus, publicUpdateAtOrBefore time: Date) throws -> [Ticket] {
        try db.query(
            """
            SELECT \(PostgresTicketRow.columns) FROM ticket t WHERE t.status = $1 AND t.public_updated_at <= $2
            ORDER BY t.number\(ticketLock)
            """,
            [.text(status.rawValue), .int(time.deskSeconds)]
        ).map { try PostgresTicketRow.decode($0) }
    }

    /// A SAVEPOINT of one name: PostgreSQL refers to the newest of that name, so nesting works.
    func savepoint<T>(_ body: () throws -> T) throws -> T {
        try db.execute("SAVEPOINT deskterm_rows")
        let value: T
        do {
            value = try body()
        } catch {
            // Undoes the body's writes (and clears an aborted transaction) so the enclosing one goes on.
            try db.execute("ROLLBACK TO SAVEPOINT deskterm_rows")
            try db.execute("RELEASE SAVEPOINT deskterm_rows")
            throw error
        }
        try db.execute("RELEASE SAVEPOINT deskterm_rows")
        return value
    }
}
