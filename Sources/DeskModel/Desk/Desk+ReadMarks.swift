import Foundation

/// What each user has read of each ticket (the unread marks). Reading is not a change to the
/// desk: announcing it would make every client, this one too, reload again.
extension Desk {
    /// Never waits for another process: a desk busy elsewhere leaves the ticket as it was.
    @discardableResult
    public func markRead(number: Int64, throughMessage messageID: MessageID?, viewer: Viewer) throws(DeskError) -> Bool {
        let now = self.now
        do {
            return try write(StorageWrite(announcesChange: false, waitsForWriters: false)) { rows in
                let ticket = try Self.visibleTicket(rows, number: number, viewer: viewer)
                let wasUnread = try rows.ticketIsUnread(
                    ticket.id, userID: viewer.id, visibility: TicketVisibility(viewer), now: now)
                let seen = try messageID.flatMap { id in try rows.messagePosition(id: id, ticketID: ticket.id) }
                try rows.markTicketRead(ticket.id, userID: viewer.id, through: seen)
                return wasUnread
            }
        } catch .databaseBusy {
            // Not marked: nothing changed.
            return false
        }
    }

    public func markUnread(number: Int64, viewer: Viewer) throws(DeskError) {
        try write(StorageWrite(announcesChange: false)) { rows in
            let ticket = try Self.visibleTicket(rows, number: number, viewer: viewer)
            try rows.markTicketUnread(ticket.id, userID: viewer.id)
        }
    }
}
