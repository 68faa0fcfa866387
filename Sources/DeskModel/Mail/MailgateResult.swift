import Foundation

/// What `deskterm mailgate` is asked to do with a mail.
public enum MailAction: String, Equatable, Sendable, CaseIterable {
    /// A reply or a new ticket, as its sender may write them.
    case correspond
    /// An internal note on the ticket it names (agents only).
    case comment
}

/// What the mailgate did with one mail.
public struct MailgateResult: Equatable, Sendable {
    public var outcome: MailOutcome
    public var ticketNumber: Int64?
    public var messageID: MessageID?
    public var classification: MailClassification
    /// Its `mail_received` row (nil for a duplicate, stored before under the same Message-ID).
    public var receivedID: Int64?
    /// Why it was refused (`outcome == .refused`): for the sender's polite answer.
    public var refusal: String?
    /// What could not be read or stored (attachments refused, a body cut...): reported, the
    /// mail is stored all the same.
    public var problems: [String]
    /// The mail can never become a ticket (not a message, no sender): kept, and the MTA is
    /// told so (EX_DATAERR).
    public var isUnreadable: Bool
}
