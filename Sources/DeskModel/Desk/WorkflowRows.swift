import Foundation

/// A message's row as it is first stored: a reply, an internal note or a system event.
public struct MessageInsert: Equatable, Sendable {
    public var ticketID: TicketID
    public var kind: MessageKind
    /// Nil for events written by the desk itself.
    public var authorID: UserID?
    /// For a system event, its record text (`SystemEvent.recordText`).
    public var body: String
    public var createdAt: Date
    public var inReplyToID: MessageID?
    /// A system event's values, stored beside its record text (`SystemEvent.payload`).
    public var event: SystemEvent?
}

/// The rows that change an existing ticket: messages, status, assignee, watchers, files.
public protocol WorkflowRows {
    /// Whether message `id` belongs to ticket `ticketID` and `visibility` lets it be seen.
    func hasMessage(id: MessageID, ticketID: TicketID, visibility: TicketVisibility) throws -> Bool
    func insertMessage(_ message: MessageInsert) throws -> MessageID
    func updateStatus(ticketID: TicketID, to status: TicketStatus) throws
    /// Sets the assignee and moves both update times to `time` (never backwards), as one row
    /// write: a bulk assignment makes a thousand of them.
    func updateAssignee(ticketID: TicketID, to assigneeID: UserID?, touchingAt time: Date) throws
    /// Removes a watcher; one not watching is left as is.
    func removeWatcher(ticketID: TicketID, userID: UserID) throws
    /// The bytes of attachment `id` if `visibility` lets it be seen (its ticket, and the message
    /// it came with); nil for a hidden file exactly as for a missing one.
    func attachmentData(id: AttachmentID, visibility: TicketVisibility) throws -> Data?
    /// Whether a ticket in `status` has a public update time at or before `time`.
    func hasTickets(status: TicketStatus, publicUpdateAtOrBefore time: Date) throws -> Bool
    /// The tickets in `status` whose public update time is at or before `time`, by number.
    func tickets(status: TicketStatus, publicUpdateAtOrBefore time: Date) throws -> [Ticket]
    /// Runs `body` in a nested transaction: when it throws, what it wrote is rolled back
    /// (and the error rethrown) while the enclosing transaction goes on.
    func savepoint<T>(_ body: () throws -> T) throws -> T
    /// Sets the status and moves the update times to `time` (never backwards; the public one
    /// only when `seenByCustomers`), as one row write: a bulk status change makes a thousand.
    func updateStatus(ticketID: TicketID, to status: TicketStatus, touchingAt time: Date, seenByCustomers: Bool) throws
}
