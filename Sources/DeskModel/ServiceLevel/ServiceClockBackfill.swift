import Foundation

/// Starts the clocks of a desk's open tickets when it first gets service levels (the
/// migrations `v16-sla` and `pg10-sla`): each from the ticket's creation, with the desk's
/// targets; a first response already given is met; a ticket waiting on the customer keeps the
/// minutes that were left. Time a ticket waited on the customer before is not known, so it
/// counts: the backfill errs towards "breached", never hides one.
public enum ServiceClockBackfill {
    public static func run(_ rows: any ServiceLevelRows & DirectoryAdminRows, now: Date) throws {
        let levels = ServiceLevels(document: try rows.deskSettingValue(key: ServiceLevels.settingKey))
        for start in try rows.openTicketsForServiceClock() {
            var due = ServiceClock.started(
                at: start.createdAt, target: levels.target(tier: start.tier, urgency: start.urgency), calendar: levels.calendar)
            if start.answered { due = ServiceClock.responded(due) }
            due = ServiceClock.moved(due, from: .open, to: start.status, at: now, calendar: levels.calendar)
            let triage = Triage.key(createdAt: start.createdAt, urgency: start.urgency, tier: start.tier, due: due)
            try rows.updateTicketDue(ticketID: start.ticketID, due, triageKey: triage)
        }
    }
}
