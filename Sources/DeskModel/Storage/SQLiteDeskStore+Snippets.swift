import GRDB

/// A line of matching text for search results on screen. Only text the viewer may read is
/// looked at: tickets they may see, and for customers never an internal note.
extension SQLiteDeskStore {
    /// Messages read per ticket, newest first, looking for a hit: a snippet is a hint, and a
    /// very long thread must not make it slow.
    static let snippetMessageLimit = 200

    public func searchSnippets(_ query: String, ticketIDs: [TicketID], viewer: Viewer) throws(DeskError) -> [TicketID: String] {
        guard !ticketIDs.isEmpty, let matcher = SearchHighlight.Matcher(query: query) else { return [:] }
        return try read { db in
            let visibility = VisibilitySQL.predicate(viewer)
            let placeholders = Array(repeating: "?", count: ticketIDs.count).joined(separator: ", ")
            let tickets = try Row.fetchAll(
                db, sql: "SELECT t.id, t.description FROM ticket t WHERE t.id IN (\(placeholders)) AND \(visibility.sql)",
                arguments: StatementArguments(ticketIDs) + visibility.arguments)
            let kinds = viewer.isStaff ? "('reply', 'internalNote')" : "('reply')"
            var snippets: [TicketID: String] = [:]
            for ticket in tickets {
                let id: TicketID = ticket["id"]
                let bodies = try String.fetchAll(
                    db, sql: "SELECT body FROM message WHERE ticket_id = ? AND kind IN \(kinds) ORDER BY id DESC LIMIT \(Self.snippetMessageLimit)",
                    arguments: [id])
                for text in [ticket["description"] as String] + bodies {
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
