import Foundation

/// A pending ticket with no update its customers can see for the desk's `autoCloseDays`
/// closes by itself, with a system event in its history.
extension Desk {
    public func autoCloseIdleTickets() throws(DeskError) -> [Int64] {
        try autoCloseIdleTickets(waitsForWriters: true)
    }

    /// With `waitsForWriters: false` (a login), a busy desk is left for the next login or
    /// `maintain`. Only a desk with idle tickets is written to at all: the check reads first.
    public func autoCloseIdleTickets(waitsForWriters: Bool) throws(DeskError) -> [Int64] {
        let now = self.now
        let anyIdle = try read { rows in
            try rows.hasTickets(status: .pending, publicUpdateAtOrBefore: Self.autoCloseCutoff(days: rows.deskSettings().autoCloseDays, now: now))
        }
        guard anyIdle else { return [] }
        return try write(StorageWrite(waitsForWriters: waitsForWriters)) { rows in
            let days = try rows.deskSettings().autoCloseDays
            let idle = try rows.tickets(status: .pending, publicUpdateAtOrBefore: Self.autoCloseCutoff(days: days, now: now))
            for ticket in idle {
                let next = try Workflow.apply(.autoClose, to: ticket.status, side: .system, ticketNumber: ticket.number)
                try rows.updateStatus(ticketID: ticket.id, to: next)
                try Self.moveServiceClock(rows, ticket: ticket, to: next, at: now)
                try Self.addSystemEvent(rows, ticketID: ticket.id, actorID: nil, .autoClosed(afterDays: days), at: now)
                try Self.endCallbackOnClose(rows, ticketID: ticket.id, at: now)
                try rows.touchTicket(ticket.id, at: now, seenByCustomers: true)
                try Self.queueNotifications(rows, .autoClosed(ticket), author: nil, at: now)
            }
            return idle.map(\.number)
        }
    }

    /// Idle since this time or earlier (whole seconds, as update times are stored).
    static func autoCloseCutoff(days: Int, now: Date) -> Date {
        Date(deskSeconds: now.deskSeconds - Int64(days) * 86_400)
    }
}
