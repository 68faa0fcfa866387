import Foundation

/// Status changes and assignment: who may make which change (`Permissions`, `Workflow`), and
/// the system events that record them in the ticket's history.
extension Desk {
    public func changeStatus(number: Int64, to target: TicketStatus, by viewer: Viewer) throws(DeskError) -> Ticket {
        let now = self.now
        return try write { rows in try Self.changeStatus(rows, number: number, to: target, by: viewer, at: now) }
    }

    /// The rule-checked change inside a transaction: the single action and each ticket of a bulk one.
    static func changeStatus(_ rows: any DeskRows, number: Int64, to target: TicketStatus, by viewer: Viewer, at now: Date) throws -> Ticket {
        var ticket = try Self.visibleTicket(rows, number: number, viewer: viewer)
        if ticket.status.isClosed { throw DeskError.ticketClosed(number: ticket.number) }
        if target == ticket.status {
            throw DeskError.refused(.model("Ticket #{number} is already {status}", ["number": .number(number), "status": .phrase(target.labelPhrase(for: viewer.role, inSentence: true))]))
        }
        guard let action = Workflow.action(reaching: target) else {
            throw DeskError.refused(.model("A ticket cannot go back to new"))
        }
        guard Permissions.canApply(action, viewer: viewer, ticket: ticket) else {
            throw DeskError.forbidden(viewer.isStaff ? .model("this change", context: "not allowed")
                : .model("customers may only close their own tickets", context: "not allowed"))
        }
        let next = try Workflow.apply(action, to: ticket.status, side: Permissions.side(of: viewer), ticketNumber: number)
        if action == .take && ticket.assigneeID == nil && viewer.isStaff {
            ticket.triageKey = try Self.recordStatusChange(rows, ticket: ticket, to: next, actor: viewer.user, at: now)
            // Taking an unassigned ticket makes it yours; the assignee's write moves the update times too.
            try rows.updateAssignee(ticketID: ticket.id, to: viewer.id, touchingAt: now)
            ticket.assigneeID = viewer.id
        } else {
            // The status and the update times in one row write (a bulk change makes a thousand).
            ticket.triageKey = try Self.recordStatusChange(rows, ticket: ticket, to: next, actor: viewer.user, at: now, touching: true)
        }
        try Self.queueNotifications(rows, .statusChanged(ticket, to: next), author: viewer.user, at: now)
        ticket.status = next
        ticket.updatedAt = now.wholeSeconds
        return ticket
    }

    public func assign(number: Int64, to handle: String?, by viewer: Viewer) throws(DeskError) -> Ticket {
        let now = self.now
        return try write { rows in try Self.assign(rows, number: number, to: handle, by: viewer, at: now) }
    }

    static func assign(_ rows: any DeskRows, number: Int64, to handle: String?, by viewer: Viewer, at now: Date) throws -> Ticket {
        var ticket = try Self.visibleTicket(rows, number: number, viewer: viewer)
        guard Permissions.canAssign(viewer) else { throw DeskError.forbidden(Notices.onlyAgentsAssign) }
        if ticket.status.isClosed { throw DeskError.ticketClosed(number: ticket.number) }
        var assignee: User?
        if let handle {
            guard let user = try rows.user(handle: handle) else { throw DeskError.userNotFound(handle: handle) }
            guard Permissions.canBeAssignee(user) else {
                throw DeskError.refused(.model("{handle} is a customer; only agents can be assigned", ["handle": .text(handle)]))
            }
            assignee = user
        }
        if assignee?.id == ticket.assigneeID {
            throw DeskError.refused(handle.map { .model("Ticket #{number} is already assigned to {handle}", ["number": .number(number), "handle": .text($0)]) }
                ?? .model("Ticket #{number} is already unassigned", ["number": .number(number)]))
        }
        try rows.updateAssignee(ticketID: ticket.id, to: assignee?.id, touchingAt: now)
        try Self.addSystemEvent(
            rows, ticketID: ticket.id, actorID: viewer.id, .assigned(assignee: assignee?.handle, actor: viewer.user.handle), at: now)
        // An agent assigning a new ticket has looked at it.
        if ticket.status == .new {
            ticket.triageKey = try Self.recordStatusChange(rows, ticket: ticket, to: .open, actor: viewer.user, at: now)
            ticket.status = .open
        }
        ticket.assigneeID = assignee?.id
        ticket.updatedAt = now.wholeSeconds
        return ticket
    }

    /// The new status and the event that records who changed it from what; `touching` moves
    /// both update times to `now` in the same row write.
    /// Returns the ticket's triage key, which follows its service-level clock.
    @discardableResult
    static func recordStatusChange(
        _ rows: any DeskRows, ticket: Ticket, to status: TicketStatus, actor: User, at now: Date, touching: Bool = false
    ) throws -> Int64 {
        // The service-level clock moves in the same row write (a bulk change makes a thousand).
        let clock = try serviceClock(rows, ticket: ticket, to: status, at: now)
        if let due = clock.due {
            try rows.updateStatus(ticketID: ticket.id, to: status, touchingAt: touching ? now : nil, due: due, triageKey: clock.triageKey)
        } else if touching {
            try rows.updateStatus(ticketID: ticket.id, to: status, touchingAt: now, seenByCustomers: true)
        } else {
            try rows.updateStatus(ticketID: ticket.id, to: status)
        }
        try addSystemEvent(
            rows, ticketID: ticket.id, actorID: actor.id, .statusChanged(from: ticket.status, to: status, actor: actor.handle), at: now)
        if status.isClosed { try endCallbackOnClose(rows, ticketID: ticket.id, at: now) }
        return clock.triageKey
    }

    /// Stores the event typed, with its record text beside it for search and older readers.
    static func addSystemEvent(_ rows: any DeskRows, ticketID: TicketID, actorID: UserID?, _ event: SystemEvent, at now: Date) throws {
        _ = try rows.insertMessage(MessageInsert(
            ticketID: ticketID, kind: .systemEvent, authorID: actorID, body: event.recordText, createdAt: now.wholeSeconds,
            inReplyToID: nil, event: event))
    }
}
