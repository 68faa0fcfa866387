import Foundation

/// What a notification mail tells its reader: customers hear of their tickets' progress,
/// agents of new tickets and customer replies on what they hold or watch. Each is also a
/// preference a user may turn off (or, where it is off by default, on).
public enum MailNotificationEvent: String, CaseIterable, Codable, Sendable {
    /// To the requester when the ticket is opened: the reference number.
    case created
    /// A public reply on a ticket they requested or watch.
    case reply
    /// The agent needs information from the requester (awaiting customer).
    case actionRequired
    /// The agent proposed a solution (pending), with the date the ticket will close by itself.
    case solutionProposed
    case closed
    /// To agents: a new ticket assigned to them or that they watch.
    case newTicket
    /// To agents: a customer's reply on a ticket assigned to them or that they watch.
    case customerReply

    /// The events a user of this role can receive (and set preferences for).
    public static func events(for role: Role) -> [MailNotificationEvent] {
        role.isStaff ? [.newTicket, .customerReply, .reply, .actionRequired, .solutionProposed, .closed]
            : [.created, .reply, .actionRequired, .solutionProposed, .closed]
    }

    /// What a user receives without having chosen: staff everything that concerns them;
    /// customers what the ticket's preferred contact says (`portal`: nothing but what they
    /// opted into).
    public func isWantedByDefault(role: Role, contact: ContactPreference) -> Bool {
        role.isStaff ? true : contact == .email
    }
}

/// One mail waiting in the outbox, or sent (`deskterm mail queue`).
public struct OutboxEntry: Equatable, Sendable {
    public var id: Int64
    public var ticketNumber: Int64?
    public var recipient: String
    public var event: String
    public var headerID: String
    public var createdAt: Date
    public var nextAttemptAt: Date
    public var attempts: Int
    public var lastError: String?
    public var sentAt: Date?

    public init(
        id: Int64, ticketNumber: Int64?, recipient: String, event: String, headerID: String, createdAt: Date,
        nextAttemptAt: Date, attempts: Int, lastError: String?, sentAt: Date?
    ) {
        self.id = id
        self.ticketNumber = ticketNumber
        self.recipient = recipient
        self.event = event
        self.headerID = headerID
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.attempts = attempts
        self.lastError = lastError
        self.sentAt = sentAt
    }
}

/// A mail taken from the outbox to be handed to the mail system.
public struct OutboxDelivery: Equatable, Sendable {
    public var id: Int64
    public var recipient: String
    public var attempts: Int
    /// The message, RFC 5322 with CRLF line ends.
    public var data: [UInt8]
    /// When this deliverer's claim on the mail ends (set by the claim): its outcome is
    /// recorded only while the claim holds.
    public var claimedUntil: Date?

    public init(id: Int64, recipient: String, attempts: Int, data: [UInt8], claimedUntil: Date? = nil) {
        self.id = id
        self.recipient = recipient
        self.attempts = attempts
        self.data = data
        self.claimedUntil = claimedUntil
    }
}

/// A new outbox row.
public struct OutboxInsert: Equatable, Sendable {
    public var ticketID: TicketID?
    public var messageID: MessageID?
    public var recipientID: UserID?
    public var recipient: String
    public var event: String
    public var headerID: String
    public var data: [UInt8]
    public var createdAt: Date

    public init(
        ticketID: TicketID?, messageID: MessageID?, recipientID: UserID?, recipient: String, event: String, headerID: String,
        data: [UInt8], createdAt: Date
    ) {
        self.ticketID = ticketID
        self.messageID = messageID
        self.recipientID = recipientID
        self.recipient = recipient
        self.event = event
        self.headerID = headerID
        self.data = data
        self.createdAt = createdAt
    }
}
