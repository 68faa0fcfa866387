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

    /// A new ticket's clock starts when it arrives.
    static func startServiceClock(_ rows: any DeskRows, ticketID: TicketID, tier: SupportTier?, urgency: Urgency, at now: Date) throws {
        let levels = try serviceLevels(rows)
        try rows.updateTicketDue(
            ticketID: ticketID, ServiceClock.started(at: now, target: levels.target(tier: tier, urgency: urgency), calendar: levels.calendar))
    }

    /// Stops, restarts or ends the clock with a status change.
    static func moveServiceClock(_ rows: any DeskRows, ticketID: TicketID, from: TicketStatus, to: TicketStatus, at now: Date) throws {
        guard from != to else { return }
        let levels = try serviceLevels(rows)
        let due = try rows.ticketDue(ticketID: ticketID)
        let moved = ServiceClock.moved(due, from: from, to: to, at: now, calendar: levels.calendar)
        if moved != due { try rows.updateTicketDue(ticketID: ticketID, moved) }
    }

    /// An agent's public reply: the first response is given.
    static func recordFirstResponse(_ rows: any DeskRows, ticketID: TicketID) throws {
        let due = try rows.ticketDue(ticketID: ticketID)
        guard due.firstResponseDue != nil || due.firstResponseLeft != nil else { return }
        try rows.updateTicketDue(ticketID: ticketID, ServiceClock.responded(due))
    }

    /// A new urgency moves the targets by the difference.
    static func retargetServiceClock(_ rows: any DeskRows, ticket: Ticket, to urgency: Urgency) throws {
        let levels = try serviceLevels(rows)
        let tier = try tier(rows, of: ticket)
        let due = try rows.ticketDue(ticketID: ticket.id)
        let moved = ServiceClock.retargeted(
            due, from: levels.target(tier: tier, urgency: ticket.urgency), to: levels.target(tier: tier, urgency: urgency),
            calendar: levels.calendar)
        if moved != due { try rows.updateTicketDue(ticketID: ticket.id, moved) }
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
