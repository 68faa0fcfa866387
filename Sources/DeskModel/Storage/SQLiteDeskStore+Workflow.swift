import Foundation
import GRDB

/// Everything that changes an existing ticket: messages, status, assignment, watchers,
/// attachments, auto-close. Each runs in one transaction and checks the rules inside it.
extension SQLiteDeskStore {
    public func addMessage(_ new: NewMessage, by viewer: Viewer) throws(DeskError) -> Message {
        try addMessage(new, by: viewer, clearingDraft: nil)
    }

    /// `clearingDraft` deletes the draft the message was typed in, in the same transaction: a
    /// crash between the two would bring back, as a draft, text already sent.
    public func addMessage(_ new: NewMessage, by viewer: Viewer, clearingDraft draft: DraftSlot?) throws(DeskError) -> Message {
        let body = new.body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw .invalidInput("The message is empty") }
        try FieldLimits.check(body, as: .messageBody)
        let now = self.now
        return try write { db in
            try Self.insertMessage(db, new, body: body, by: viewer, at: now, clearingDraft: draft)
        }
    }

    /// The rules and rows of a new message, inside the caller's transaction.
    static func insertMessage(_ db: Database, _ new: NewMessage, body: String, by viewer: Viewer, at now: Date, clearingDraft draft: DraftSlot?) throws -> Message {
        let ticket = try Self.visibleTicket(db, number: new.ticketNumber, viewer: viewer)
        if ticket.status.isClosed { throw DeskError.ticketClosed(number: ticket.number) }
        if new.isInternal && !Permissions.canAddInternalNote(viewer) {
            throw DeskError.notAllowed("only agents write internal notes")
        }
        if new.intent != .plain && !viewer.isStaff {
            throw DeskError.notAllowed("only agents ask for information or propose solutions")
        }
        if new.isInternal && new.intent != .plain {
            throw DeskError.invalidInput("An internal note cannot ask the customer or propose a solution: the customer would never see it")
        }
        if let parentID = new.inReplyToID {
            let visibleKinds = viewer.isStaff ? "" : " AND kind != 'internalNote'"
            guard try Row.fetchOne(
                db, sql: "SELECT 1 FROM message WHERE id = ? AND ticket_id = ?\(visibleKinds)",
                arguments: [parentID, ticket.id]) != nil
            else { throw DeskError.messageNotFound(id: parentID) }
        }

        var newStatus = ticket.status
        if !new.isInternal {
            let action: WorkflowAction = switch new.intent {
            case .plain: .reply
            case .askCustomer: .askCustomer
            case .proposeSolution: .proposeSolution
            }
            newStatus = try Workflow.apply(action, to: ticket.status, side: Permissions.side(of: viewer), ticketNumber: ticket.number)
        }
        let kind: MessageKind = new.isInternal ? .internalNote : .reply
        try db.execute(
            sql: "INSERT INTO message(ticket_id, kind, author_id, body, created_at, in_reply_to_id) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [ticket.id, kind.rawValue, viewer.id, body, now.deskSeconds, new.inReplyToID])
        let message = Message(
            id: db.lastInsertedRowID, ticketID: ticket.id, kind: kind, authorID: viewer.id, body: body,
            createdAt: Date(deskSeconds: now.deskSeconds), inReplyToID: new.inReplyToID)
        if newStatus != ticket.status {
            try Self.recordStatusChange(db, ticket: ticket, to: newStatus, actor: viewer.user, at: now)
        }
        try Self.touch(db, ticketID: ticket.id, at: now, seenByCustomers: !new.isInternal)
        if let draft { try Self.deleteDraft(db, draft, userID: viewer.id) }
        return message
    }

    public func changeStatus(number: Int64, to target: TicketStatus, by viewer: Viewer) throws(DeskError) -> Ticket {
        let now = self.now
        return try write { db in try Self.changeStatus(db, number: number, to: target, by: viewer, at: now) }
    }

    /// The rule-checked change inside a transaction: the single action and each ticket of a bulk one.
    static func changeStatus(_ db: Database, number: Int64, to target: TicketStatus, by viewer: Viewer, at now: Date) throws -> Ticket {
        var ticket = try Self.visibleTicket(db, number: number, viewer: viewer)
        if ticket.status.isClosed { throw DeskError.ticketClosed(number: ticket.number) }
        if target == ticket.status {
            throw DeskError.invalidInput("Ticket #\(number) is already \(target.label(for: viewer.role).lowercased())")
        }
        guard let action = Workflow.action(reaching: target) else {
            throw DeskError.invalidInput("A ticket cannot go back to new")
        }
        guard Permissions.canApply(action, viewer: viewer, ticket: ticket) else {
            throw DeskError.notAllowed(viewer.isStaff ? "this change" : "customers may only close their own tickets")
        }
        let next = try Workflow.apply(action, to: ticket.status, side: Permissions.side(of: viewer), ticketNumber: number)
        try Self.recordStatusChange(db, ticket: ticket, to: next, actor: viewer.user, at: now)
        // Taking an unassigned ticket makes it yours.
        if action == .take && ticket.assigneeID == nil && viewer.isStaff {
            try db.execute(sql: "UPDATE ticket SET assignee_id = ? WHERE id = ?", arguments: [viewer.id, ticket.id])
            ticket.assigneeID = viewer.id
        }
        try Self.touch(db, ticketID: ticket.id, at: now)
        ticket.status = next
        ticket.updatedAt = Date(deskSeconds: now.deskSeconds)
        return ticket
    }

    public func assign(number: Int64, to handle: String?, by viewer: Viewer) throws(DeskError) -> Ticket {
        let now = self.now
        return try write { db in try Self.assign(db, number: number, to: handle, by: viewer, at: now) }
    }

    static func assign(_ db: Database, number: Int64, to handle: String?, by viewer: Viewer, at now: Date) throws -> Ticket {
        var ticket = try Self.visibleTicket(db, number: number, viewer: viewer)
        guard Permissions.canAssign(viewer) else { throw DeskError.notAllowed("only agents assign tickets") }
        if ticket.status.isClosed { throw DeskError.ticketClosed(number: ticket.number) }
        var assignee: User?
        if let handle {
            guard let user = try Self.user(db, handle: handle) else { throw DeskError.userNotFound(handle: handle) }
            guard Permissions.canBeAssignee(user) else {
                throw DeskError.invalidInput("\(handle) is a customer; only agents can be assigned")
            }
            assignee = user
        }
        if assignee?.id == ticket.assigneeID {
            throw DeskError.invalidInput("Ticket #\(number) is already \(handle.map { "assigned to \($0)" } ?? "unassigned")")
        }
        // The update times move in the same statement: one row write, not two (a bulk
        // assignment makes a thousand of them).
        try db.execute(
            sql: "UPDATE ticket SET assignee_id = ?, updated_at = MAX(updated_at, ?), public_updated_at = MAX(public_updated_at, ?) WHERE id = ?",
            arguments: [assignee?.id, now.deskSeconds, now.deskSeconds, ticket.id])
        try Self.addSystemEvent(
            db, ticketID: ticket.id, actorID: viewer.id, .assigned(assignee: assignee?.handle, actor: viewer.user.handle), at: now)
        // An agent assigning a new ticket has looked at it.
        if ticket.status == .new {
            try Self.recordStatusChange(db, ticket: ticket, to: .open, actor: viewer.user, at: now)
            ticket.status = .open
        }
        ticket.assigneeID = assignee?.id
        ticket.updatedAt = Date(deskSeconds: now.deskSeconds)
        return ticket
    }

    /// Watchers never change the status or the update time.
    public func setWatching(number: Int64, handle: String, watching: Bool, by viewer: Viewer) throws(DeskError) {
        try write { db in try Self.setWatching(db, number: number, handle: handle, watching: watching, by: viewer) }
    }

    static func setWatching(_ db: Database, number: Int64, handle: String, watching: Bool, by viewer: Viewer) throws {
        let ticket = try Self.visibleTicket(db, number: number, viewer: viewer)
        guard let user = try Self.user(db, handle: handle) else {
            // A customer must not learn which handles exist.
            throw viewer.isStaff ? DeskError.userNotFound(handle: handle) : DeskError.notAllowed("customers manage only their own watching")
        }
        guard let requester = try Self.user(db, id: ticket.requesterID),
              Permissions.canManageWatcher(viewer, watcher: user, requester: requester) else {
            throw DeskError.notAllowed("customers manage only their own watching")
        }
        if watching {
            guard Permissions.canWatch(user, ticket: ticket) else {
                throw DeskError.invalidInput("\(handle) is not in the ticket's organisation and cannot watch it")
            }
            try db.execute(sql: "INSERT OR IGNORE INTO watcher(ticket_id, user_id) VALUES (?, ?)", arguments: [ticket.id, user.id])
        } else {
            try db.execute(sql: "DELETE FROM watcher WHERE ticket_id = ? AND user_id = ?", arguments: [ticket.id, user.id])
        }
    }

    public func attach(number: Int64, name: String, mediaType: String, data: Data, by viewer: Viewer) throws(DeskError) -> Attachment {
        let cleanName = try Self.attachmentName(name)
        let now = self.now
        return try write { db in
            try Self.insertAttachment(db, number: number, name: cleanName, mediaType: mediaType, data: data, by: viewer, at: now, messageID: nil)
        }
    }

    /// The rules of a new attachment (`Desk.addAttachment`), for the operations here that
    /// have not moved into `Desk` yet.
    static func attachmentName(_ name: String) throws(DeskError) -> String { try Desk.attachmentName(name) }

    static func insertAttachment(
        _ db: Database, number: Int64, name cleanName: String, mediaType: String, data: Data, by viewer: Viewer, at now: Date,
        messageID: MessageID?
    ) throws -> Attachment {
        try Desk.addAttachment(
            SQLiteRows(db: db), number: number, name: cleanName, mediaType: mediaType, data: data, by: viewer, at: now,
            messageID: messageID)
    }

    /// An attachment the viewer may not see (on a ticket they cannot see, or on an internal note
    /// for a customer) is reported exactly like one that does not exist.
    public func attachmentData(id: AttachmentID, viewer: Viewer) throws(DeskError) -> Data {
        let visibility = VisibilitySQL.predicate(viewer)
        let notes = viewer.isStaff ? "" : " AND (m.id IS NULL OR m.kind != 'internalNote')"
        return try read { db in
            guard let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT a.data FROM attachment a JOIN ticket t ON t.id = a.ticket_id
                    LEFT JOIN message m ON m.id = a.message_id
                    WHERE a.id = ? AND \(visibility.sql)\(notes)
                    """,
                arguments: [id] + visibility.arguments)
            else { throw DeskError.invalidInput("No attachment \(id)") }
            return (row["data"] as Data?) ?? Data()
        }
    }

    public func autoCloseIdleTickets() throws(DeskError) -> [Int64] {
        try autoCloseIdleTickets(waitsForWriters: true)
    }

    /// With `waitsForWriters: false` (a login), a busy desk is left for the next login or
    /// `maintain`. Only a desk with idle tickets is written to at all.
    public func autoCloseIdleTickets(waitsForWriters: Bool) throws(DeskError) -> [Int64] {
        let now = self.now
        let anyIdle = try read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM ticket WHERE status = 'pending' AND public_updated_at <= ?)",
                arguments: [Self.autoCloseCutoff(db, now: now)]) ?? false
        }
        guard anyIdle else { return [] }
        return try write(waitsForWriters: waitsForWriters) { db in
            let days = try Self.settings(db).autoCloseDays
            let cutoff = try Self.autoCloseCutoff(db, now: now)
            let idle = try Row.fetchAll(
                db, sql: "SELECT * FROM ticket WHERE status = 'pending' AND public_updated_at <= ? ORDER BY number",
                arguments: [cutoff]
            ).map(RowDecoding.ticket)
            for ticket in idle {
                let next = try Workflow.apply(.autoClose, to: ticket.status, side: .system, ticketNumber: ticket.number)
                try db.execute(sql: "UPDATE ticket SET status = ? WHERE id = ?", arguments: [next.rawValue, ticket.id])
                try Self.addSystemEvent(db, ticketID: ticket.id, actorID: nil, .autoClosed(afterDays: days), at: now)
                try Self.touch(db, ticketID: ticket.id, at: now)
            }
            return idle.map(\.number)
        }
    }

    // MARK: - Shared steps

    static func autoCloseCutoff(_ db: Database, now: Date) throws -> Int64 {
        now.deskSeconds - Int64(try settings(db).autoCloseDays) * 86_400
    }

    static func recordStatusChange(_ db: Database, ticket: Ticket, to status: TicketStatus, actor: User, at now: Date) throws {
        try db.execute(sql: "UPDATE ticket SET status = ? WHERE id = ?", arguments: [status.rawValue, ticket.id])
        try addSystemEvent(
            db, ticketID: ticket.id, actorID: actor.id, .statusChanged(from: ticket.status, to: status, actor: actor.handle), at: now)
    }

    /// Stores the event typed, with its record text beside it for search and older readers.
    static func addSystemEvent(_ db: Database, ticketID: TicketID, actorID: UserID?, _ event: SystemEvent, at now: Date) throws {
        try db.execute(
            sql: "INSERT INTO message(ticket_id, kind, author_id, body, created_at, event) VALUES (?, 'systemEvent', ?, ?, ?, ?)",
            arguments: [ticketID, actorID, event.recordText, now.deskSeconds, event.payload])
    }

    /// Moves the update time; `seenByCustomers` (a change they see) also the public one
    /// (`PublicUpdateTimeSchema`). Internal-only changes must pass false.
    static func touch(_ db: Database, ticketID: TicketID, at now: Date, seenByCustomers: Bool = true) throws {
        let publicTime = seenByCustomers ? ", public_updated_at = MAX(public_updated_at, ?)" : ""
        let arguments: StatementArguments = seenByCustomers ? [now.deskSeconds, now.deskSeconds, ticketID] : [now.deskSeconds, ticketID]
        try db.execute(sql: "UPDATE ticket SET updated_at = MAX(updated_at, ?)\(publicTime) WHERE id = ?", arguments: arguments)
    }
}
