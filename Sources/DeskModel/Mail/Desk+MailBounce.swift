import Foundation

/// A bounce of one of the desk's notifications (mail-in classifies it, naming the Message-ID
/// it returns) becomes a staff-only event on the ticket the mail was about: agents learn that
/// the customer did not get it; customers never see it.
extension Desk {
    /// The ticket number the bounce was recorded on; nil when the Message-ID is none of ours.
    @discardableResult
    public func recordBounce(originalMessageID: String) throws(DeskError) -> Int64? {
        let now = self.now
        return try write { rows in try Self.recordBounce(rows, originalMessageID: originalMessageID, at: now) }
    }

    /// Inside the caller's transaction (the mail gateway stores the bounce itself in the same one).
    static func recordBounce(_ rows: any DeskRows, originalMessageID: String, at now: Date) throws -> Int64? {
        let id = originalMessageID.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t"))
        guard let sent = try rows.outboxMail(headerID: id), let ticketID = sent.ticketID,
              let number = try rows.ticketNumber(id: ticketID) else { return nil }
        let event = SystemEvent.mailBounced(recipient: sent.recipient)
        // An internal note in kind, so every reader's filter keeps it from customers (and from
        // their update time), with the event typed so staff read it in their language.
        _ = try rows.insertMessage(MessageInsert(
            ticketID: ticketID, kind: .internalNote, authorID: nil, body: event.recordText, createdAt: now.wholeSeconds,
            inReplyToID: nil, event: event))
        try rows.touchTicket(ticketID, at: now, seenByCustomers: false)
        return number
    }
}

extension Phrase {
    static func mailBounced(_ recipient: String) -> Phrase {
        .mail("Mail to {recipient} could not be delivered: the mail system returned it", context: "history", ["recipient": .text(recipient)])
    }
}
