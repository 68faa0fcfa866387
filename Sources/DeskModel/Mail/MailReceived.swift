import Foundation

/// What the mailgate did with a message.
public enum MailOutcome: String, Equatable, Sendable, CaseIterable {
    /// A new ticket.
    case created
    /// A reply (or, with `--action comment`, an internal note) on an existing ticket.
    case added
    /// A follow-up of a closed ticket the mail answered.
    case followUp = "follow-up"
    /// Recorded only: automatic mail that matches no ticket.
    case recorded
    /// Refused: unknown sender (per `mail.unknown_senders`), a comment from a non-agent, or a
    /// message that can never become a ticket. The raw mail is kept all the same.
    case refused
    /// Received before under the same Message-ID from the same sender (the MTA retried):
    /// nothing stored again.
    case duplicate
}

/// One received mail as `mail_received` keeps it.
public struct MailReceived: Equatable, Sendable {
    public var id: Int64
    public var receivedAt: Date
    /// With its angle brackets; empty when the mail had none.
    public var headerMessageID: String
    public var sender: String
    public var ticketID: TicketID?
    public var messageID: MessageID?
    public var classification: MailClassification
    public var outcome: MailOutcome
    /// What could not be read, one per line; empty for a clean mail.
    public var problems: String
    /// The quoted history cut from the stored message.
    public var quoted: String
    public var raw: Data

    public init(
        id: Int64, receivedAt: Date, headerMessageID: String, sender: String, ticketID: TicketID?, messageID: MessageID?,
        classification: MailClassification, outcome: MailOutcome, problems: String, quoted: String, raw: Data
    ) {
        self.id = id
        self.receivedAt = receivedAt
        self.headerMessageID = headerMessageID
        self.sender = sender
        self.ticketID = ticketID
        self.messageID = messageID
        self.classification = classification
        self.outcome = outcome
        self.problems = problems
        self.quoted = quoted
        self.raw = raw
    }
}
