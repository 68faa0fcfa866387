import Foundation

/// Replies and internal notes: who may write what, the reply's parent, and the status change
/// a reply brings (`Workflow`).
extension Desk {
    public func addMessage(_ new: NewMessage, by viewer: Viewer) throws(DeskError) -> Message {
        try addMessage(new, by: viewer, clearingDraft: nil)
    }

    /// `clearingDraft` deletes the draft the message was typed in, in the same transaction: a
    /// crash between the two would bring back, as a draft, text already sent.
    public func addMessage(_ new: NewMessage, by viewer: Viewer, clearingDraft draft: DraftSlot?) throws(DeskError) -> Message {
        try addMessage(new, by: viewer, clearingDraft: draft, attaching: [])
    }

    /// The message with files attached to it, in one transaction: a file refused (too large,
    /// over the customer's quota) sends nothing.
    public func addMessage(
        _ new: NewMessage, by viewer: Viewer, clearingDraft draft: DraftSlot?, attaching files: [NewAttachment]
    ) throws(DeskError) -> Message {
        let body = try Self.checkedBody(of: new)
        var named: [(name: String, file: NewAttachment)] = []
        for file in files { named.append((try Self.attachmentName(file.name), file)) }
        let now = self.now
        return try write { rows in
            let message = try Self.insertMessage(rows, new, body: body, by: viewer, at: now, clearingDraft: draft)
            // Attached to the message: a file sent with an internal note is as hidden as the note.
            for (name, file) in named {
                _ = try Self.addAttachment(
                    rows, number: new.ticketNumber, name: name, mediaType: file.mediaType, data: file.data, by: viewer, at: now,
                    messageID: message.id)
            }
            return message
        }
    }

    /// The message's trimmed body, refused when empty or too long.
    static func checkedBody(of new: NewMessage) throws(DeskError) -> String {
        let body = new.body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw .refused(.model("The message is empty")) }
        try FieldLimits.check(body, as: .messageBody)
        return body
    }

    /// The rules and rows of a new message, inside the caller's transaction.
    static func insertMessage(
        _ rows: any DeskRows, _ new: NewMessage, body: String, by viewer: Viewer, at now: Date, clearingDraft draft: DraftSlot?
    ) throws -> Message {
        let ticket = try Self.visibleTicket(rows, number: new.ticketNumber, viewer: viewer)
        if ticket.status.isClosed { throw DeskError.ticketClosed(number: ticket.number) }
        if new.isInternal && !Permissions.canAddInternalNote(viewer) {
            throw DeskError.forbidden(Notices.onlyAgentsWriteNotes)
        }
        if new.intent != .plain && !viewer.isStaff {
            throw DeskError.forbidden(.model("only agents ask for information or propose solutions", context: "not allowed"))
        }
        if new.isInternal && new.intent != .plain {
            throw DeskError.refused(.model("An internal note cannot ask the customer or propose a solution: the customer would never see it"))
        }
        if let parentID = new.inReplyToID {
            guard try rows.hasMessage(id: parentID, ticketID: ticket.id, visibility: TicketVisibility(viewer)) else {
                throw DeskError.messageNotFound(id: parentID)
            }
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
        let stored = MessageInsert(
            ticketID: ticket.id, kind: new.isInternal ? .internalNote : .reply, authorID: viewer.id, body: body,
            createdAt: now.wholeSeconds, inReplyToID: new.inReplyToID)
        let id = try rows.insertMessage(stored)
        if viewer.isStaff && !new.isInternal { try Self.recordFirstResponse(rows, ticket: ticket) }
        if newStatus != ticket.status {
            try Self.recordStatusChange(rows, ticket: ticket, to: newStatus, actor: viewer.user, at: now)
        }
        // A note is staff-only activity: customers' update time stays where it was.
        try rows.touchTicket(ticket.id, at: now, seenByCustomers: !new.isInternal)
        if let draft { try rows.deleteDraft(draft, userID: viewer.id) }
        let message = Message(
            id: id, ticketID: ticket.id, kind: stored.kind, authorID: viewer.id, body: body, createdAt: stored.createdAt,
            inReplyToID: new.inReplyToID)
        try Self.queueNotifications(rows, .message(ticket, message, statusAfter: newStatus), author: viewer.user, at: now)
        return message
    }
}
