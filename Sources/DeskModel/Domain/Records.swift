import Foundation

public typealias OrganisationID = Int64
public typealias UserID = Int64
public typealias TicketID = Int64
public typealias MessageID = Int64
public typealias AttachmentID = Int64

public struct Organisation: Equatable, Codable, Sendable {
    public var id: OrganisationID
    public var name: String
    public var plan: Plan
    public var tier: SupportTier

    public init(id: OrganisationID, name: String, plan: Plan, tier: SupportTier) {
        self.id = id
        self.name = name
        self.plan = plan
        self.tier = tier
    }
}

public struct User: Equatable, Codable, Sendable {
    public var id: UserID
    public var handle: String
    public var name: String
    public var email: String
    public var role: Role
    /// Customers belong to one organisation; staff to none.
    public var organisationID: OrganisationID?
    public var caseAccess: CaseAccess

    public init(
        id: UserID, handle: String, name: String, email: String, role: Role,
        organisationID: OrganisationID? = nil, caseAccess: CaseAccess = .own
    ) {
        self.id = id
        self.handle = handle
        self.name = name
        self.email = email
        self.role = role
        self.organisationID = organisationID
        self.caseAccess = caseAccess
    }
}

/// Who is asking. Every query of the store takes one, so that permission rules
/// are applied where the data is read, not in the screens.
public struct Viewer: Equatable, Sendable {
    public var user: User
    /// The plan of the viewer's organisation, when they are a customer.
    public var plan: Plan?
    /// Every account of a customer, the primary first (`Account`); empty when not loaded.
    public var accounts: [Account]

    public init(user: User, plan: Plan? = nil, accounts: [Account] = []) {
        self.user = user
        self.plan = plan
        self.accounts = accounts
    }

    public var id: UserID { user.id }
    public var role: Role { user.role }
    public var isStaff: Bool { user.role.isStaff }
}

public struct Ticket: Equatable, Codable, Sendable {
    public var id: TicketID
    /// The reference people use (`#1042`), sequential per desk.
    public var number: Int64
    public var subject: String
    public var description: String
    public var kind: TicketKind
    public var product: String
    public var category: String
    public var subcategory: String
    public var urgency: Urgency
    public var status: TicketStatus
    public var requesterID: UserID
    public var organisationID: OrganisationID?
    public var assigneeID: UserID?
    public var contact: ContactPreference
    public var followUpOfID: TicketID?
    public var createdAt: Date
    /// The last change; read by a customer, the last change they may see (internal notes
    /// excluded), which is also the time auto-close counts idle days from.
    public var updatedAt: Date
    public var triageKey: Int64

    public init(
        id: TicketID, number: Int64, subject: String, description: String, kind: TicketKind,
        product: String = "", category: String = "", subcategory: String = "",
        urgency: Urgency = .none, status: TicketStatus = .new, requesterID: UserID,
        organisationID: OrganisationID? = nil, assigneeID: UserID? = nil,
        contact: ContactPreference = .portal, followUpOfID: TicketID? = nil,
        createdAt: Date, updatedAt: Date, triageKey: Int64 = 0
    ) {
        self.id = id
        self.number = number
        self.subject = subject
        self.description = description
        self.kind = kind
        self.product = product
        self.category = category
        self.subcategory = subcategory
        self.urgency = urgency
        self.status = status
        self.requesterID = requesterID
        self.organisationID = organisationID
        self.assigneeID = assigneeID
        self.contact = contact
        self.followUpOfID = followUpOfID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.triageKey = triageKey
    }

    public var reference: String { "#\(number)" }
}

public struct Message: Equatable, Codable, Sendable {
    public var id: MessageID
    public var ticketID: TicketID
    public var kind: MessageKind
    /// Nil for events written by the desk itself.
    public var authorID: UserID?
    public var body: String
    public var createdAt: Date
    /// The earlier message this one answers, if any.
    public var inReplyToID: MessageID?
    /// What a system event records, typed; nil for other messages and for events stored
    /// before events were typed (their `body` is all there is).
    public var event: SystemEvent?

    public init(
        id: MessageID, ticketID: TicketID, kind: MessageKind, authorID: UserID?, body: String,
        createdAt: Date, inReplyToID: MessageID? = nil, event: SystemEvent? = nil
    ) {
        self.id = id
        self.ticketID = ticketID
        self.kind = kind
        self.authorID = authorID
        self.body = body
        self.createdAt = createdAt
        self.inReplyToID = inReplyToID
        self.event = event
    }
}

public struct Attachment: Equatable, Codable, Sendable {
    public var id: AttachmentID
    public var ticketID: TicketID
    public var messageID: MessageID?
    public var name: String
    public var mediaType: String
    public var size: Int64
    /// Lower-case hex SHA-256 of the bytes.
    public var sha256: String
    public var uploaderID: UserID
    public var createdAt: Date

    public init(
        id: AttachmentID, ticketID: TicketID, messageID: MessageID? = nil, name: String,
        mediaType: String, size: Int64, sha256: String, uploaderID: UserID, createdAt: Date
    ) {
        self.id = id
        self.ticketID = ticketID
        self.messageID = messageID
        self.name = name
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
        self.uploaderID = uploaderID
        self.createdAt = createdAt
    }
}
