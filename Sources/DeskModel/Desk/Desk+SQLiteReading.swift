import Foundation

/// Reads (one ticket, lists, search, counts, unread counts) still run by the SQLite backend
/// (issue #10: queries take a backend-neutral description; the rules move into `Desk`).
extension Desk {
    public func ticket(number: Int64, viewer: Viewer) throws(DeskError) -> Ticket {
        try sqliteStore.ticket(number: number, viewer: viewer)
    }
    public func detail(number: Int64, viewer: Viewer) throws(DeskError) -> TicketDetail {
        try sqliteStore.detail(number: number, viewer: viewer)
    }
    public func detail(number: Int64, viewer: Viewer, bodies: HistoryBodies) throws(DeskError) -> TicketDetail {
        try sqliteStore.detail(number: number, viewer: viewer, bodies: bodies)
    }
    public func messageBodies(number: Int64, ids: [MessageID], viewer: Viewer) throws(DeskError) -> [MessageID: String] {
        try sqliteStore.messageBodies(number: number, ids: ids, viewer: viewer)
    }
    public func page(_ request: PageRequest, viewer: Viewer) throws(DeskError) -> TicketPage {
        try sqliteStore.page(request, viewer: viewer)
    }
    public func counts(viewer: Viewer) throws(DeskError) -> [CaseView: Int] { try sqliteStore.counts(viewer: viewer) }
    public func search(_ query: String, viewer: Viewer, limit: Int) throws(DeskError) -> [TicketSummary] {
        try sqliteStore.search(query, viewer: viewer, limit: limit)
    }
    public func search(_ query: TicketQuery, viewer: Viewer, limit: Int) throws(DeskError) -> [TicketSummary] {
        try sqliteStore.search(query, viewer: viewer, limit: limit)
    }
    public func count(_ request: PageRequest, viewer: Viewer, upTo cap: Int) throws(DeskError) -> Int {
        try sqliteStore.count(request, viewer: viewer, upTo: cap)
    }
    public func searchSnippets(_ query: String, ticketIDs: [TicketID], viewer: Viewer) throws(DeskError) -> [TicketID: String] {
        try sqliteStore.searchSnippets(query, ticketIDs: ticketIDs, viewer: viewer)
    }
    public func unreadCounts(viewer: Viewer) throws(DeskError) -> [CaseView: Int] { try sqliteStore.unreadCounts(viewer: viewer) }
}
