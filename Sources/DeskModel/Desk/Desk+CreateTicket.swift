import Foundation

/// Opening a ticket: who may open it for whom, the plan's kinds, follow-ups, the duplicate
/// guard, numbering and triage.
extension Desk {
    public func createTicket(_ new: NewTicket, by viewer: Viewer, allowDuplicate: Bool) throws(DeskError) -> Ticket {
        try createTicket(new, by: viewer, allowDuplicate: allowDuplicate, clearingDraft: nil)
    }

    /// `clearingDraft` deletes the draft the ticket was typed in, in the same transaction.
    public func createTicket(
        _ new: NewTicket, by viewer: Viewer, allowDuplicate: Bool, clearingDraft draft: DraftSlot?
    ) throws(DeskError) -> Ticket {
        try createTicket(new, by: viewer, allowDuplicate: allowDuplicate, clearingDraft: draft, attaching: [])
    }

    /// Creates the ticket with files attached to it, in one transaction: a file refused (too
    /// large, over the customer's quota) creates nothing.
    public func createTicket(
        _ new: NewTicket, by viewer: Viewer, allowDuplicate: Bool, clearingDraft draft: DraftSlot?, attaching files: [NewAttachment]
    ) throws(DeskError) -> Ticket {
        var named: [(name: String, file: NewAttachment)] = []
        for file in files { named.append((try Self.attachmentName(file.name), file)) }
        let subject = try Self.checkedSubject(of: new)
        let now = self.now
        return try write { rows in
            try Self.insertTicket(
                rows, new, subject: subject, by: viewer, allowDuplicate: allowDuplicate, clearingDraft: draft, attaching: named, at: now)
        }
    }

    /// The ticket's trimmed subject, once every field is within its limits.
    static func checkedSubject(of new: NewTicket) throws(DeskError) -> String {
        let subject = new.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !subject.isEmpty else { throw .refused(.model("A ticket needs a subject")) }
        guard !new.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .refused(.model("A ticket needs a description"))
        }
        try FieldLimits.check(subject, as: .subject)
        try FieldLimits.check(new.description, as: .description)
        try FieldLimits.check(new.product, as: .product)
        try FieldLimits.check(new.category, as: .category)
        try FieldLimits.check(new.subcategory, as: .subcategory)
        return subject
    }

    /// The rules and rows of a new ticket, inside the caller's transaction (the mailgate's
    /// too). `subject` is trimmed and every field has passed its limit; `named` files passed
    /// `attachmentName`.
    static func insertTicket(
        _ rows: any DeskRows, _ new: NewTicket, subject: String, by viewer: Viewer, allowDuplicate: Bool,
        clearingDraft draft: DraftSlot?, attaching named: [(name: String, file: NewAttachment)], at now: Date,
        answeringMail receivedMessageID: String? = nil
    ) throws -> Ticket {
        let requester: User
        if let handle = new.requesterHandle {
            guard let found = try rows.user(handle: handle) else { throw DeskError.userNotFound(handle: handle) }
            requester = found
        } else {
            requester = viewer.user
        }
        guard Permissions.canOpenTicket(viewer, forRequester: requester) else {
            throw DeskError.forbidden(.model("customers open tickets for themselves only", context: "not allowed"))
        }
        let organisation = try Self.filingAccount(rows, new.organisationName, requester: requester)
        guard Permissions.kindAllowed(new.kind, plan: organisation?.plan) else {
            throw DeskError.incidentNotInPlan(organisation: organisation?.name ?? "This organisation")
        }

        var followUpOfID: TicketID?
        var assignee: User?
        if let number = new.followUpOfNumber {
            let original = try Self.visibleTicket(rows, number: number, viewer: viewer)
            guard original.status.isClosed else { throw DeskError.followUpOfOpenTicket(number: number) }
            followUpOfID = original.id
            assignee = FollowUpRules.assignee(try original.assigneeID.flatMap { id in try rows.user(id: id) })
        }
        let watchers = try Self.namedWatchers(rows, new.watcherHandles, viewer: viewer, requester: requester, organisation: organisation?.id)

        if !allowDuplicate, let duplicate = try Self.duplicateCandidate(rows, subject: subject, requesterID: requester.id) {
            throw DeskError.possibleDuplicate(ofNumber: duplicate.number, subject: duplicate.subject)
        }

        let clock = try Self.startedServiceClock(rows, tier: organisation?.tier, urgency: new.urgency, at: now.wholeSeconds)
        let created = TicketInsert(
            number: try Self.nextTicketNumber(rows), subject: subject, description: new.description, kind: new.kind,
            product: new.product, category: new.category, subcategory: new.subcategory, urgency: new.urgency,
            status: .new, requesterID: requester.id, organisationID: organisation?.id, assigneeID: assignee?.id,
            contact: new.contact, followUpOfID: followUpOfID, createdAt: now.wholeSeconds,
            triageKey: clock.triageKey)
        let id = try rows.insertTicket(created)
        try rows.updateTicketDue(ticketID: id, clock.due, triageKey: clock.triageKey)
        // The requester's organisation contacts see it through the organisation rule; the
        // requester sees it as theirs. A staff member opening on behalf of a customer watches it.
        if viewer.isStaff && requester.id != viewer.id {
            try rows.addWatcher(ticketID: id, userID: viewer.id)
        }
        for watcher in watchers {
            try rows.addWatcher(ticketID: id, userID: watcher.id)
        }
        if let draft { try rows.deleteDraft(draft, userID: viewer.id) }
        for (name, file) in named {
            _ = try Self.addAttachment(
                rows, number: created.number, name: name, mediaType: file.mediaType, data: file.data, by: viewer, at: now,
                messageID: nil)
        }
        let ticket = Ticket(
            id: id, number: created.number, subject: subject, description: new.description, kind: new.kind,
            product: new.product, category: new.category, subcategory: new.subcategory,
            urgency: new.urgency, status: .new, requesterID: requester.id,
            organisationID: organisation?.id, assigneeID: assignee?.id, contact: new.contact,
            followUpOfID: followUpOfID, createdAt: created.createdAt, updatedAt: created.createdAt,
            triageKey: created.triageKey)
        try Self.queueNotifications(rows, .created(ticket), author: viewer.user, at: now, answeringMail: receivedMessageID)
        return ticket
    }

    /// The users behind the handles named as watchers, each checked against the naming rule.
    static func namedWatchers(
        _ rows: any DeskRows, _ handles: [String], viewer: Viewer, requester: User, organisation: OrganisationID?
    ) throws -> [User] {
        var users: [User] = []
        for handle in handles where handle != requester.handle && !users.contains(where: { $0.handle == handle }) {
            // A customer must not learn which handles exist: unknown and not allowed read the same.
            let refusal = viewer.isStaff
                ? DeskError.refused(.model("{handle} cannot watch this ticket: only staff and the requester's organisation may", ["handle": .text(handle)]))
                : DeskError.forbidden(.model("customers may name only colleagues of their organisation as watchers", context: "not allowed"))
            guard let user = try rows.user(handle: handle) else {
                throw viewer.isStaff ? DeskError.userNotFound(handle: handle) : refusal
            }
            guard Permissions.canNameWatcher(user, viewer: viewer, requester: requester, organisation: organisation) else { throw refusal }
            users.append(user)
        }
        return users
    }

    /// Active tickets of one requester are few, so comparing subjects in Swift is cheap.
    static func duplicateCandidate(_ rows: any DeskRows, subject: String, requesterID: UserID) throws -> Ticket? {
        DuplicateGuard.firstMatch(subject, among: try rows.activeTickets(requesterID: requesterID, limit: 200))
    }
}

extension Date {
    /// The time as the desk stores it: whole seconds (every time column's unit).
    var wholeSeconds: Date { Date(deskSeconds: deskSeconds) }
}
