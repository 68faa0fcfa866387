import Foundation

/// A ticket's row as it is first stored.
public struct TicketInsert: Equatable, Sendable {
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
    /// Also the first update time, full and public.
    public var createdAt: Date
    public var triageKey: Int64
}

/// Tickets, their watchers and drafts.
public protocol TicketRows {
    /// The ticket with this number if `visibility` lets it be seen, with the update time that
    /// visibility reads; nil for a hidden ticket exactly as for a missing one.
    func ticket(number: Int64, visibility: TicketVisibility) throws -> Ticket?
    /// The requester's tickets that are not closed, newest first, at most `limit`.
    func activeTickets(requesterID: UserID, limit: Int) throws -> [Ticket]
    /// The number the next ticket gets: one more than the highest so far (1 in an empty desk),
    /// kept for this transaction, so that concurrent transactions never get the same one.
    func reserveTicketNumber() throws -> Int64
    func insertTicket(_ ticket: TicketInsert) throws -> TicketID
    /// Moves the update time to `time` (never backwards); `seenByCustomers` moves the public
    /// one too (`PublicUpdateTimeSchema`).
    func touchTicket(_ id: TicketID, at time: Date, seenByCustomers: Bool) throws
    /// Adds a watcher; one already watching stays as is.
    func addWatcher(ticketID: TicketID, userID: UserID) throws
    func deleteDraft(_ slot: DraftSlot, userID: UserID) throws
}
