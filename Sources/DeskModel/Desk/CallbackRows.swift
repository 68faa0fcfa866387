import Foundation

/// The call-back requests' rows. Reads join the ticket and the people so that a request comes
/// back whole (`CallbackRequest`); who may read which is `Desk`'s rule.
public protocol CallbackRows {
    func insertCallback(_ callback: StoredCallback) throws -> CallbackID
    /// Rewrites the request's changing fields: state, taker, outcome, window, update time.
    func updateCallback(id: CallbackID, _ callback: StoredCallback) throws
    /// The ticket's most recent request, open or done.
    func latestCallback(ticketID: TicketID) throws -> (id: CallbackID, stored: StoredCallback)?
    /// Requests in these states, of this requester only when given, on tickets `visibility`
    /// lets the reader see, oldest first: filtered in the query, so that `limit` counts only
    /// what the reader gets.
    func callbacks(states: Set<CallbackState>, requesterID: UserID?, visibility: TicketVisibility, limit: Int) throws -> [CallbackRequest]
    /// The state of the open request of each of these tickets that has one (of this requester
    /// only, when given): one query per page of the list.
    func openCallbackStates(among ticketIDs: [TicketID], requesterID: UserID?) throws -> [TicketID: CallbackState]
    /// One request, joined, by its id.
    func callback(id: CallbackID) throws -> CallbackRequest?
}

/// A request's row as the rules decided it.
public struct StoredCallback: Equatable, Sendable {
    public var ticketID: TicketID
    public var requesterID: UserID
    public var phone: String
    public var window: CallbackWindow
    public var note: String
    public var state: CallbackState
    public var takerID: UserID?
    public var outcome: CallbackOutcome?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        ticketID: TicketID, requesterID: UserID, phone: String, window: CallbackWindow, note: String, state: CallbackState,
        takerID: UserID?, outcome: CallbackOutcome?, createdAt: Date, updatedAt: Date
    ) {
        self.ticketID = ticketID
        self.requesterID = requesterID
        self.phone = phone
        self.window = window
        self.note = note
        self.state = state
        self.takerID = takerID
        self.outcome = outcome
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
