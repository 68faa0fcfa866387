/// Who may do what (DESIGN.md section 1 and 2). Pure: the store asks these questions after
/// reading a ticket through a viewer-scoped query, and writes the same visibility rule in SQL
/// (`VisibilitySQL`) for lists and search; tests check that the two agree.
public enum Permissions {
    public static func side(of viewer: Viewer) -> ActorSide {
        viewer.isStaff ? .desk : .requester
    }

    /// Staff see every ticket. A customer sees what they requested or watch, and with
    /// organisation access every ticket of their organisation; never another organisation's.
    public static func canSee(_ viewer: Viewer, ticket: Ticket, isWatcher: Bool) -> Bool {
        if viewer.isStaff { return true }
        if ticket.requesterID == viewer.id || isWatcher { return true }
        guard let organisation = ticket.organisationID else { return false }
        return viewer.wholeOrganisations.contains(organisation)
    }

    public static func canSeeMessage(_ viewer: Viewer, _ message: Message) -> Bool {
        viewer.isStaff || message.kind != .internalNote
    }

    public static func canAddInternalNote(_ viewer: Viewer) -> Bool { viewer.isStaff }

    public static func canAssign(_ viewer: Viewer) -> Bool { viewer.isStaff }

    /// Only staff can hold a ticket.
    public static func canBeAssignee(_ user: User) -> Bool { user.role.isStaff }

    /// Staff run the whole workflow; a customer may only close a ticket of their own
    /// (theirs as requester, or their organisation's when they are its support contact).
    public static func canApply(_ action: WorkflowAction, viewer: Viewer, ticket: Ticket) -> Bool {
        switch action {
        case .autoClose:
            return false
        case .reply:
            return true
        case .take, .askCustomer, .proposeSolution:
            return viewer.isStaff
        case .close:
            if viewer.isStaff { return true }
            if ticket.requesterID == viewer.id { return true }
            return ticket.organisationID.map(viewer.wholeOrganisations.contains) ?? false
        }
    }

    /// A watcher must be able to see the ticket by the organisation rule: staff, or a customer
    /// of the ticket's organisation. This is what keeps "never another organisation's ticket"
    /// true even for watched tickets.
    public static func canWatch(_ user: User, ticket: Ticket) -> Bool {
        canWatch(Viewer(user: user), ticket: ticket)
    }

    /// The same rule over every account of the person (`Viewer.memberships`).
    public static func canWatch(_ person: Viewer, ticket: Ticket) -> Bool {
        if person.isStaff { return true }
        if ticket.requesterID == person.id { return true }
        return person.isMember(of: ticket.organisationID)
    }

    /// Customers manage only their own watching; staff manage anyone's.
    public static func canManageWatcher(_ viewer: Viewer, watcher: User) -> Bool {
        viewer.isStaff || watcher.id == viewer.id
    }

    /// Customers open tickets for themselves; staff open them on behalf of any customer.
    public static func canOpenTicket(_ viewer: Viewer, forRequester requester: User) -> Bool {
        if viewer.isStaff { return true }
        return requester.id == viewer.id
    }

    /// Members of a free plan cannot open incidents (they may still ask questions).
    public static func kindAllowed(_ kind: TicketKind, plan: Plan?) -> Bool {
        !(kind == .incident && plan == .free)
    }
}
