import Foundation

/// Closing a ticket ends its open call-back request in the same transaction: nobody is to
/// call about a closed ticket, and the agents' list of open requests must not keep it.
extension Desk {
    static func endCallbackOnClose(_ rows: any DeskRows, ticketID: TicketID, at now: Date) throws {
        guard let latest = try rows.latestCallback(ticketID: ticketID), latest.stored.state.isOpen else { return }
        var ended = latest.stored
        ended.state = .done
        ended.outcome = .closedWithTicket
        ended.updatedAt = now.wholeSeconds
        try rows.updateCallback(id: latest.id, ended)
        try addSystemEvent(rows, ticketID: ticketID, actorID: nil, .callbackClosedWithTicket, at: now)
    }
}
