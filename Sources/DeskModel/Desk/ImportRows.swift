import Foundation

/// Where an imported message went: its ticket, and its message row (nil for the message that
/// opened the ticket: it became the description).
public struct ImportSourceRow: Equatable, Sendable {
    public var externalID: String
    public var ticketID: TicketID
    public var messageID: MessageID?

    /// Spelled out for the backends outside DeskModel (Swift's memberwise one is internal).
    package init(externalID: String, ticketID: TicketID, messageID: MessageID? = nil) {
        self.externalID = externalID
        self.ticketID = ticketID
        self.messageID = messageID
    }
}

/// The columns of a ticket an import reads before adding messages to it.
public struct ImportedTicketRow: Equatable, Sendable {
    public var id: TicketID
    public var status: TicketStatus
    public var requesterID: UserID
    public var assigneeID: UserID?
    public var createdAt: Date
    public var updatedAt: Date
    public var publicUpdatedAt: Date

    /// Spelled out for the backends outside DeskModel (Swift's memberwise one is internal).
    package init(
        id: TicketID, status: TicketStatus, requesterID: UserID, assigneeID: UserID? = nil, createdAt: Date,
        updatedAt: Date, publicUpdatedAt: Date
    ) {
        self.id = id
        self.status = status
        self.requesterID = requesterID
        self.assigneeID = assigneeID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.publicUpdatedAt = publicUpdatedAt
    }
}

/// A reply's time and its author's role.
public struct ImportedReplyRow: Equatable, Sendable {
    public var createdAt: Date
    public var authorRole: Role

    /// Spelled out for the backends outside DeskModel (Swift's memberwise one is internal).
    package init(createdAt: Date, authorRole: Role) {
        self.createdAt = createdAt
        self.authorRole = authorRole
    }
}

/// The rows of importing history: where each imported message came from, which user each
/// imported author became, the subject of each imported thread, and the plain inserts and
/// updates of users, organisations, replies and tickets an import makes. The decisions (who is
/// who, numbering, status, assignee, reply parents, limits) are `Desk`'s.
public protocol ImportRows {
    /// Every user of the desk, oldest first (by id): of two users with one address, the
    /// older is the one an author with that address becomes.
    func knownUsers() throws -> [User]
    /// Every organisation of the desk, oldest first (by id).
    func knownOrganisations() throws -> [Organisation]
    /// Which user each imported author key became.
    func knownImportAuthors() throws -> [(key: String, userID: UserID)]
    /// The organisation whose name the desk holds as equal to `name` (as its uniqueness of
    /// names compares them), if any.
    func organisation(matchingName name: String) throws -> Organisation?
    func insertImportedOrganisation(name: String, plan: Plan, tier: SupportTier) throws -> OrganisationID
    func insertImportedUser(
        handle: String, name: String, email: String, role: Role, organisationID: OrganisationID?, caseAccess: CaseAccess
    ) throws -> UserID
    /// Records that `key` is `userID`; `replacing` false keeps a link already there.
    func linkImportAuthor(key: String, userID: UserID, replacing: Bool) throws

    func importSource(externalID: String) throws -> ImportSourceRow?
    /// `importSource` for many ids at once (in as many statements as the backend needs): the
    /// ones the desk holds, in any order.
    func importSources(externalIDs: [String]) throws -> [ImportSourceRow]
    func insertImportSource(_ source: ImportSourceRow) throws
    /// Records (or replaces) the normalised subject of the thread imported as `ticketID`.
    func saveImportThread(ticketID: TicketID, subjectKey: String) throws
    /// The most recently updated ticket of an imported thread with this subject key, created
    /// at or before `createdBy` and updated at or after `updatedSince`.
    func importThreadTicket(subjectKey: String, createdBy: Date, updatedSince: Date) throws -> TicketID?

    func importedTicket(id: TicketID) throws -> ImportedTicketRow?
    /// Adds a public reply as it happened (no parent yet, no system event, no touch).
    func insertImportedReply(ticketID: TicketID, authorID: UserID, body: String, createdAt: Date) throws -> MessageID
    func setReplyParent(messageID: MessageID, parentID: MessageID) throws
    /// The ticket's latest reply (by time, then by row), with its author's role.
    func lastReply(ticketID: TicketID) throws -> ImportedReplyRow?
    /// Whether a reply on the ticket was written by a user with one of these roles.
    func hasReply(ticketID: TicketID, byAuthorWithRoleIn roles: [Role]) throws -> Bool
    /// Sets status, assignee and both update times, as given.
    func updateImportedTicket(
        _ id: TicketID, status: TicketStatus, assigneeID: UserID?, updatedAt: Date, publicUpdatedAt: Date
    ) throws
    /// `updateImportedTicket` and `updateTicketDue` in one statement, for a ticket the import
    /// has just opened: its row is rewritten once instead of twice. `firstResponseAt` is its
    /// first staff reply, which the report's trigger sets too (a bulk import runs without it).
    func finishImportedTicket(
        _ id: TicketID, status: TicketStatus, assigneeID: UserID?, updatedAt: Date, publicUpdatedAt: Date, due: TicketDue, triageKey: Int64,
        firstResponseAt: Date?
    ) throws
}
