import Foundation

/// The Recent view: the tickets a user opened, latest first.
extension Desk {
    /// Recent is a short memory, not a log: each user keeps this many latest views.
    public static let recentLimit = 100

    /// Never waits for another process's write: Recent is a convenience, and reading a ticket
    /// must not stall behind an import. A view made while the desk is busy is not recorded.
    public func recordViewed(number: Int64, viewer: Viewer) throws(DeskError) {
        let now = self.now
        do {
            try write(StorageWrite(waitsForWriters: false)) { rows in
                let ticket = try Self.visibleTicket(rows, number: number, viewer: viewer)
                try rows.recordRecentView(userID: viewer.id, ticketID: ticket.id, at: now)
                try rows.trimRecentViews(userID: viewer.id, keeping: Self.recentLimit)
            }
        } catch .databaseBusy {
            return
        }
    }
}
