import Foundation

/// Starts the clocks of a desk's open tickets when it first gets service levels (the
/// migrations `v16-sla` and `pg10-sla`), and of the tickets an import writes: each from the
/// ticket's creation, with the desk's targets; a first response already given is met; a
/// ticket waiting on the customer keeps the minutes that were left. Time a ticket waited on
/// the customer before is not known, so it counts: the rule errs towards "breached", never
/// hides one.
public enum ServiceClockBackfill {
    public static func run(_ rows: any ServiceLevelRows & DirectoryAdminRows, now: Date) throws {
        let levels = ServiceLevels(document: try rows.deskSettingValue(key: ServiceLevels.settingKey))
        for start in try rows.openTicketsForServiceClock() {
            let clock = clock(for: start, levels: levels, now: now)
            try rows.updateTicketDue(ticketID: start.ticketID, clock.due, triageKey: clock.triageKey)
        }
    }

    /// The clock of an imported ticket, after the import wrote its messages and status (one
    /// the import closed has none).
    static func restart(_ rows: any ServiceLevelRows & ServiceClockRows, ticketID: TicketID, levels: ServiceLevels, now: Date) throws {
        guard let start = try rows.serviceClockStart(ticketID: ticketID) else { return }
        let clock = clock(for: start, levels: levels, now: now)
        try rows.updateTicketDue(ticketID: ticketID, clock.due, triageKey: clock.triageKey)
    }

    public static func clock(for start: ServiceClockStart, levels: ServiceLevels, now: Date) -> (due: TicketDue, triageKey: Int64) {
        var due = ServiceClock.started(
            at: start.createdAt, target: levels.target(tier: start.tier, urgency: start.urgency), calendar: levels.calendar)
        if start.answered { due = ServiceClock.responded(due) }
        due = ServiceClock.moved(due, from: .open, to: start.status, at: now, calendar: levels.calendar)
        return (due, Triage.key(createdAt: start.createdAt, urgency: start.urgency, tier: start.tier, due: due))
    }
}
