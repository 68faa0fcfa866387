import Foundation

/// Service levels: the targets and calendar (admins), each ticket's clock kept in the same
/// transaction as the change that moves it (`ServiceClock`), and what agents read of it.
extension Desk {
    public func serviceLevels() throws(DeskError) -> ServiceLevels {
        try read { rows in try Self.serviceLevels(rows) }
    }

    /// Stores new targets or calendar (admins). Tickets already running keep their due times;
    /// the new values apply from their next change of urgency and to new tickets.
    public func updateServiceLevels(_ levels: ServiceLevels, by viewer: Viewer) throws(DeskError) {
        guard viewer.role == .admin else { throw .notAllowed("only admins change the service levels") }
        if let problem = levels.calendar.problem { throw .invalidInput(problem) }
        for (_, row) in levels.targets {
            for (_, target) in row where target.firstResponse < 0 || target.resolution < 0 || target.firstResponse > target.resolution {
                throw .invalidInput("a target needs 0 or more hours, and a first response no later than the resolution")
            }
        }
        try write { rows in try rows.setDeskSettingValue(levels.document, key: ServiceLevels.settingKey) }
    }

    /// The ticket's due times, for staff; customers are not shown the desk's internal targets.
    public func ticketDue(number: Int64, viewer: Viewer) throws(DeskError) -> TicketDue? {
        guard viewer.isStaff else { return nil }
        return try read { rows in
            let ticket = try Self.visibleTicket(rows, number: number, viewer: viewer)
            return try rows.ticketDue(ticketID: ticket.id)
        }
    }

    /// How many tickets have breached a target, and how many more are due within `soon` (staff);
    /// `mine` counts only the viewer's.
    public func dueCounts(viewer: Viewer, mine: Bool, soon: TimeInterval = 3600) throws(DeskError) -> DueCounts {
        guard viewer.isStaff else { throw .notAllowed("only agents see service-level counts") }
        let now = self.now
        return try read { rows in
            let assignee = mine ? viewer.id : nil
            let breached = try rows.countDue(atOrBefore: now, assigneeID: assignee)
            let dueSoon = try rows.countDue(atOrBefore: now + soon, assigneeID: assignee) - breached
            return DueCounts(breached: breached, dueSoon: dueSoon)
        }
    }

    static func serviceLevels(_ rows: any DeskRows) throws -> ServiceLevels {
        ServiceLevels(document: try rows.deskSettingValue(key: ServiceLevels.settingKey))
    }

    static func tier(_ rows: any DeskRows, of ticket: Ticket) throws -> SupportTier? {
        try ticket.organisationID.flatMap { id in try rows.organisation(id: id) }?.tier
    }

    /// A new ticket's clock, started at its arrival `now`, and the triage key it gives.
    static func startedServiceClock(_ rows: any DeskRows, tier: SupportTier?, urgency: Urgency, at now: Date) throws -> (due: TicketDue, triageKey: Int64) {
        let levels = try serviceLevels(rows)
        let due = ServiceClock.started(at: now, target: levels.target(tier: tier, urgency: urgency), calendar: levels.calendar)
        return (due, Triage.key(createdAt: now, urgency: urgency, tier: tier, due: due))
    }

    /// Stores `due` and the triage key that follows it; returns the key.
    @discardableResult
    static func storeDue(_ rows: any DeskRows, ticket: Ticket, tier: SupportTier?, _ due: TicketDue) throws -> Int64 {
        let triage = Triage.key(createdAt: ticket.createdAt, urgency: ticket.urgency, tier: tier, due: due)
        try rows.updateTicketDue(ticketID: ticket.id, due, triageKey: triage)
        return triage
    }

    /// The clock after a status change: the due times to store (nil when unchanged) and the
    /// ticket's triage key.
    static func serviceClock(_ rows: any DeskRows, ticket: Ticket, to: TicketStatus, at now: Date) throws -> (due: TicketDue?, triageKey: Int64) {
        guard ticket.status != to else { return (nil, ticket.triageKey) }
        let levels = try serviceLevels(rows)
        let due = try rows.ticketDue(ticketID: ticket.id)
        let moved = ServiceClock.moved(due, from: ticket.status, to: to, at: now, calendar: levels.calendar)
        guard moved != due else { return (nil, ticket.triageKey) }
        return (moved, Triage.key(createdAt: ticket.createdAt, urgency: ticket.urgency, tier: try tier(rows, of: ticket), due: moved))
    }

    /// Stops, restarts or ends the clock with a status change already stored.
    static func moveServiceClock(_ rows: any DeskRows, ticket: Ticket, to: TicketStatus, at now: Date) throws {
        let clock = try serviceClock(rows, ticket: ticket, to: to, at: now)
        if let due = clock.due { try rows.updateTicketDue(ticketID: ticket.id, due, triageKey: clock.triageKey) }
    }

    /// An agent's public reply: the first response is given.
    static func recordFirstResponse(_ rows: any DeskRows, ticket: Ticket) throws {
        let due = try rows.ticketDue(ticketID: ticket.id)
        guard due.firstResponseDue != nil || due.firstResponseLeft != nil else { return }
        try storeDue(rows, ticket: ticket, tier: try tier(rows, of: ticket), ServiceClock.responded(due))
    }

    /// The clock of `ticket` (as stored) for its edited urgency: moved by the difference of
    /// the targets. Returns the due times to store (nil when unchanged) and the triage key.
    static func retargetedServiceClock(
        _ rows: any DeskRows, ticket: Ticket, edited: Ticket, tier: SupportTier?
    ) throws -> (due: TicketDue?, triageKey: Int64) {
        let due = try rows.ticketDue(ticketID: ticket.id)
        var moved = due
        if edited.urgency != ticket.urgency {
            let levels = try serviceLevels(rows)
            moved = ServiceClock.retargeted(
                due, from: levels.target(tier: tier, urgency: ticket.urgency), to: levels.target(tier: tier, urgency: edited.urgency),
                calendar: levels.calendar)
        }
        let triage = Triage.key(createdAt: ticket.createdAt, urgency: edited.urgency, tier: tier, due: moved)
        return (moved == due ? nil : moved, triage)
    }
}

/// Breached tickets and tickets due within the hour, for agents.
public struct DueCounts: Equatable, Codable, Sendable {
    public var breached: Int
    public var dueSoon: Int

    public init(breached: Int, dueSoon: Int) {
        self.breached = breached
        self.dueSoon = dueSoon
    }
}
