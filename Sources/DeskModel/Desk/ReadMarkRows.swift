import Foundation

/// Where a message stands in its ticket's history: histories are ordered by (time, id).
public struct MessagePosition: Equatable, Sendable {
    public var createdAt: Date
    public var id: MessageID

    package init(createdAt: Date, id: MessageID) {
        self.createdAt = createdAt
        self.id = id
    }
}

/// What each user has read of each ticket.
public protocol ReadMarkRows {
    /// Whether the ticket is unread for the user as of `now` (the rule is `UnreadSQL`'s);
    /// `visibility` says which messages count.
    func ticketIsUnread(_ ticketID: TicketID, userID: UserID, visibility: TicketVisibility, now: Date) throws -> Bool
    /// The message's position, when it is one of this ticket's messages.
    func messagePosition(id: MessageID, ticketID: TicketID) throws -> MessagePosition?
    /// The user has seen the ticket through `seen` (nil: through no message); clears a mark
    /// unread.
    func markTicketRead(_ ticketID: TicketID, userID: UserID, through seen: MessagePosition?) throws
    /// Unread again until next read; what was seen is kept.
    func markTicketUnread(_ ticketID: TicketID, userID: UserID) throws
}
