import Foundation

/// The quoted history the mailgate cut from messages (`mail_received.quoted`), for a client
/// that shows it folded below each message.
extension Desk {
    /// The quoted history of each message of ticket `number` that the viewer may see and that
    /// came by mail with one; a customer never gets an internal note's.
    public func quotedHistory(number: Int64, viewer: Viewer) throws(DeskError) -> [MessageID: String] {
        try read { rows in
            let ticket = try Self.visibleTicket(rows, number: number, viewer: viewer)
            let quoted = try rows.quotedHistory(ticketID: ticket.id)
            guard !viewer.isStaff, !quoted.isEmpty else { return quoted }
            var shown: [MessageID: String] = [:]
            for (id, text) in quoted {
                if try rows.hasMessage(id: id, ticketID: ticket.id, visibility: TicketVisibility(viewer)) { shown[id] = text }
            }
            return shown
        }
    }
}
