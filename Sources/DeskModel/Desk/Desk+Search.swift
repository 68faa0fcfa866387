import Foundation

/// Search: words (`SearchWords`) and a filter, within what the viewer may see.
///
/// Agents' searches read the backend's text index. A customer's never does: the shared index
/// holds every organisation's text, and reading it costs more when a word occurs in tickets
/// the customer cannot see, so the time of an answer would tell that hidden text exists. A
/// customer's search reads only the tickets they may see (through the same view query as
/// their lists, most recently updated first) and matches their public text in Swift
/// (`FoldedTextMatcher`); its cost depends on their own tickets alone, and is bounded by
/// `customerScanLimit` texts.
extension Desk {
    static let customerSearchBatch = 100
    static let customerScanLimit = 20_000
    /// Messages read per ticket, newest first, looking for a snippet: a snippet is a hint, and
    /// a very long thread must not make it slow.
    static let snippetMessageLimit = 200

    public func search(_ query: String, viewer: Viewer, limit: Int = 50) throws(DeskError) -> [TicketSummary] {
        try searchText(query, viewer: viewer, limit: limit, filter: TicketFilter())
    }

    /// Words and filter together: the tickets that contain the words (as `search(String)`
    /// finds them, newest matching text first) and pass the filter. A filter without words
    /// lists every visible ticket that passes it, most recently updated first.
    public func search(_ query: TicketQuery, viewer: Viewer, limit: Int = 50) throws(DeskError) -> [TicketSummary] {
        guard limit > 0 else { return [] }
        if SearchWords(typed: query.text) != nil {
            return try searchText(query.text, viewer: viewer, limit: limit, filter: query.filter)
        }
        guard !query.filter.isEmpty else { return [] }
        let request = PageRequest(view: .all, order: TicketOrder(key: .updated), limit: limit, filter: query.filter)
        let list = TicketListQuery(request, viewer: viewer, now: now)
        return try read { rows in
            var found = try rows.ticketPage(list).rows
            try Self.markCallbacks(&found, rows: rows, viewer: viewer)
            return found
        }
    }

    /// Words, among the tickets that also pass `filter`.
    func searchText(_ text: String, viewer: Viewer, limit: Int, filter: TicketFilter) throws(DeskError) -> [TicketSummary] {
        guard limit > 0 else { return [] }
        let request = PageRequest(view: .all, order: TicketOrder(key: .updated), limit: limit, filter: filter)
        let query = TicketListQuery(request, viewer: viewer, now: now)
        if !viewer.isStaff {
            guard let matcher = FoldedTextMatcher(query: text) else { return [] }
            return try read { rows in
                var found = try Self.customerSearch(rows, matcher: matcher, query)
                try Self.markCallbacks(&found, rows: rows, viewer: viewer)
                return found
            }
        }
        guard let words = SearchWords(typed: text) else { return [] }
        return try read { rows in
            var found = try rows.indexedSearch(words, query)
            try Self.markCallbacks(&found, rows: rows, viewer: viewer)
            return found
        }
    }

    /// The customer's visible tickets, most recently updated first, page by page, keeping those
    /// whose public text matches, ranked by their newest match.
    private static func customerSearch(
        _ rows: any DeskRows, matcher: FoldedTextMatcher, _ search: TicketListQuery
    ) throws -> [TicketSummary] {
        let limit = search.page.limit
        var found: [(summary: TicketSummary, at: Date)] = []
        var query = search
        query.page.limit = customerSearchBatch
        var examined = 0
        while examined < customerScanLimit {
            let page = try rows.ticketPage(query)
            if page.rows.isEmpty { break }
            // No ticket updated before the last of a full page of matches can enter it.
            if found.count >= limit, let newest = page.rows.first, newest.updatedAt < found[limit - 1].at { break }
            let latest = try latestMatches(rows, among: page.rows.map(\.id), matcher: matcher, examined: &examined)
            for summary in page.rows {
                if let at = latest[summary.id] { found.append((summary, at)) }
            }
            found.sort { $0.at != $1.at ? $0.at > $1.at : $0.summary.id > $1.summary.id }
            if !page.hasMore { break }
            query.page.cursor = page.rows.last?.cursor
        }
        return found.prefix(limit).map { entry in
            var summary = entry.summary
            summary.sortValue = entry.at.deskSeconds
            return summary
        }
    }

    /// The time of the newest matching public text of each ticket that has one: its subject
    /// and description (at its creation) or a message that is not an internal note.
    private static func latestMatches(
        _ rows: any DeskRows, among ids: [TicketID], matcher: FoldedTextMatcher, examined: inout Int
    ) throws -> [TicketID: Date] {
        var latest: [TicketID: Date] = [:]
        let tickets = try rows.ticketTexts(ids: ids)
        for ticket in tickets where matcher.matches([ticket.subject, ticket.description]) {
            latest[ticket.ticketID] = ticket.createdAt
        }
        var seen = examined
        try rows.visitPublicMessages(ticketIDs: ids) { ticketID, body, at in
            guard seen < customerScanLimit else { return false }
            seen += 1
            if let known = latest[ticketID], known >= at { return true }
            if matcher.matches([body]) { latest[ticketID] = at }
            return true
        }
        examined = seen + tickets.count
        return latest
    }

    /// For each ticket the viewer may see, a line of its text (description, replies, and for
    /// staff internal notes) where the query's words occur; tickets without one are left out.
    public func searchSnippets(_ query: String, ticketIDs: [TicketID], viewer: Viewer) throws(DeskError) -> [TicketID: String] {
        guard !ticketIDs.isEmpty, let matcher = SearchHighlight.Matcher(query: query) else { return [:] }
        return try read { rows in
            var snippets: [TicketID: String] = [:]
            try rows.visitSearchableTexts(
                ticketIDs: ticketIDs, visibility: TicketVisibility(viewer), messageLimit: Self.snippetMessageLimit
            ) { id, texts in
                for text in texts {
                    if let snippet = matcher.snippet(of: text) {
                        snippets[id] = snippet
                        break
                    }
                }
            }
            return snippets
        }
    }
}
