import Foundation
import GRDB

extension SQLiteRows: TicketRows {
    func ticket(number: Int64, visibility: TicketVisibility) throws -> Ticket? {
        let predicate = VisibilitySQL.predicate(visibility)
        let row = try Row.fetchOne(
            db, sql: "SELECT t.* FROM ticket t WHERE t.number = ? AND \(predicate.sql)",
            arguments: [number] + predicate.arguments)
        return row.map { RowDecoding.ticket($0, readingPublicTime: visibility.readsPublicUpdateTime) }
    }

    func activeTickets(requesterID: UserID, limit: Int) throws -> [Ticket] {
        try Row.fetchAll(
            db,
            sql: "SELECT * FROM ticket WHERE requester_id = ? AND is_closed = 0 ORDER BY created_at DESC, id DESC LIMIT ?",
            arguments: [requesterID, limit]
        ).map(RowDecoding.ticket)
    }

    /// The write transaction holds SQLite's one write lock: nobody else can take the number.
    func reserveTicketNumber() throws -> Int64 {
        (try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(number) FROM ticket")) ?? 0) + 1
    }

    func insertTicket(_ ticket: TicketInsert) throws -> TicketID {
        let time = ticket.createdAt.deskSeconds
        // Cached: compiling this insert compiles the ticket's triggers too, and imports run it per thread.
        try db.cachedStatement(
            sql: """
                INSERT INTO ticket(number, subject, description, kind, product, category, subcategory,
                    urgency, status, requester_id, organisation_id, assignee_id, contact, follow_up_of_id,
                    created_at, updated_at, triage_key, public_updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                ticket.number, ticket.subject, ticket.description, ticket.kind.rawValue, ticket.product,
                ticket.category, ticket.subcategory, ticket.urgency.rawValue, ticket.status.rawValue,
                ticket.requesterID, ticket.organisationID, ticket.assigneeID, ticket.contact.rawValue,
                ticket.followUpOfID, time, time, ticket.triageKey, time,
            ])
        return db.lastInsertedRowID
    }

    func touchTicket(_ id: TicketID, at time: Date, seenByCustomers: Bool) throws {
        let publicTime = seenByCustomers ? ", public_updated_at = MAX(public_updated_at, ?)" : ""
        let arguments: StatementArguments = seenByCustomers ? [time.deskSeconds, time.deskSeconds, id] : [time.deskSeconds, id]
        try db.execute(sql: "UPDATE ticket SET updated_at = MAX(updated_at, ?)\(publicTime) WHERE id = ?", arguments: arguments)
    }

    func addWatcher(ticketID: TicketID, userID: UserID) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO watcher(ticket_id, user_id) VALUES (?, ?)", arguments: [ticketID, userID])
    }

    func deleteDraft(_ slot: DraftSlot, userID: UserID) throws {
        try SQLiteDeskStore.deleteDraft(db, slot, userID: userID)
    }
}
