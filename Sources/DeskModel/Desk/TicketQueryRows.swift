import Foundation

/// The ticket's own text for a search: subject and description, written at its creation.
public struct TicketText: Equatable, Sendable {
    public var ticketID: TicketID
    public var subject: String
    public var description: String
    public var createdAt: Date

    public init(ticketID: TicketID, subject: String, description: String, createdAt: Date) {
        self.ticketID = ticketID
        self.subject = subject
        self.description = description
        self.createdAt = createdAt
    }
}

/// Lists, counts and searches over many tickets. Each takes the backend-neutral description of
/// what to read (`TicketListQuery`, `ListReader`, `SearchWords`) and compiles it to its own
/// query language, so that visibility is applied where the rows are read.
public protocol TicketQueryRows {
    /// One page of the query, in display order, and whether more rows follow in the direction read.
    func ticketPage(_ query: TicketListQuery) throws -> (rows: [TicketSummary], hasMore: Bool)
    /// Tickets in the query's view and filter, counted no further than `cap` (nil: all;
    /// backends may keep counters for the big views).
    func ticketCount(_ query: TicketListQuery, upTo cap: Int?) throws -> Int
    /// The tickets among `ids` that are unread for the reader (`UnreadSQL` says when).
    func unreadTickets(among ids: [TicketID], reader: ListReader, now: Date) throws -> Set<TicketID>
    /// Unread tickets in each view (given by its parts), counted no further than `UnreadCount.cap`.
    func unreadCounts(_ views: [(view: CaseView, branches: [ViewBranch])], reader: ListReader, now: Date) throws -> [CaseView: Int]
    /// The tickets whose text holds the words and passes the query's filter, within what the
    /// reader may see, most recent matching text first (at most `query.page.limit`); each
    /// row's sort value is the time of that text. Reads the backend's text index.
    func indexedSearch(_ words: SearchWords, _ query: TicketListQuery) throws -> [TicketSummary]
    /// Subject, description and creation time of these tickets (whatever their visibility:
    /// the caller read them through it).
    func ticketTexts(ids: [TicketID]) throws -> [TicketText]
    /// Bodies of the public messages (no internal note) of these tickets, in any order, until
    /// `visit` returns false.
    func visitPublicMessages(ticketIDs: [TicketID], _ visit: (TicketID, String, Date) throws -> Bool) throws
    /// For each of these tickets that `visibility` lets be seen, its description and then the
    /// bodies of its replies (and internal notes, if seen), newest first, at most `messageLimit`.
    func visitSearchableTexts(
        ticketIDs: [TicketID], visibility: TicketVisibility, messageLimit: Int, _ visit: (TicketID, [String]) throws -> Void
    ) throws
}
