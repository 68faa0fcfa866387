import Foundation

/// What an organisation's new support tier does to its tickets' clocks. The working time a
/// ticket has already used stays used: each target moves by the difference between the new
/// tier's target and the old one's (for the ticket's urgency), as an urgency edit does
/// (`ServiceClock.retargeted`). A running clock's due times move by that many working
/// minutes; a stopped clock (waiting on the customer) keeps its minutes left plus the
/// difference; a first response already given stays given; closed tickets have no clock.
public enum TierChange {
    public static func moved(
        _ clock: TicketClockRow, from old: SupportTier, to new: SupportTier, levels: ServiceLevels
    ) -> TicketDueUpdate {
        let due = ServiceClock.retargeted(
            clock.due, from: levels.target(tier: old, urgency: clock.urgency), to: levels.target(tier: new, urgency: clock.urgency),
            calendar: levels.calendar)
        return TicketDueUpdate(
            ticketID: clock.ticketID, due: due, triageKey: Triage.key(createdAt: clock.createdAt, urgency: clock.urgency, tier: new, due: due))
    }

    /// How far a closed ticket's triage key (the base key) moves.
    public static func closedTriageShift(from old: SupportTier, to new: SupportTier) -> Int64 {
        Triage.tierHeadStart(old) - Triage.tierHeadStart(new)
    }
}

/// An organisation's tier change: how many open tickets' clocks moved.
public struct TierChangeOutcome: Equatable, Sendable {
    public var organisation: Organisation
    public var previousTier: SupportTier
    public var ticketsMoved: Int

    public init(organisation: Organisation, previousTier: SupportTier, ticketsMoved: Int) {
        self.organisation = organisation
        self.previousTier = previousTier
        self.ticketsMoved = ticketsMoved
    }
}
