import Foundation
import GRDB

/// Search for customers. The shared full-text index holds every organisation's text, and
/// reading it costs more when the word occurs in tickets the customer cannot see: the time of
/// an answer would tell that hidden text exists. So a customer's search never opens the
/// index: it reads only the tickets they may see (through the same view query as their lists,
/// most recently updated first) and matches their public text with `FoldedTextMatcher`. Its
/// cost depends on the customer's own tickets alone, and is bounded by `scanLimit` messages.
extension SQLiteDeskStore {
    static let visibleSearchBatch = 100

    func searchVisibleText(_ query: String, viewer: Viewer, limit: Int, filter: TicketFilter) throws(DeskError) -> [TicketSummary] {
        guard let matcher = FoldedTextMatcher(query: query), limit > 0 else { return [] }
        return try read { db in
            var found: [(summary: TicketSummary, at: Int64)] = []
            var cursor: PageCursor?
            var examined = 0
            while examined < Self.scanLimit {
                let request = PageRequest(
                    view: .all, order: TicketOrder(key: .updated), cursor: cursor, limit: Self.visibleSearchBatch,
                    filter: filter)
                let query = try listQuery(db, request, viewer: viewer).sql()
                var rows = try Row.fetchAll(db, sql: query.sql, arguments: query.arguments)
                let hasMore = rows.count > request.limit
                if hasMore { rows.removeLast() }
                if rows.isEmpty { break }
                let summaries = rows.map { RowDecoding.summary($0, sortValue: $0["k"]) }
                // No ticket updated before the last of a full page of matches can enter it.
                if found.count >= limit, let oldest = summaries.first, oldest.updatedAt.deskSeconds < found[limit - 1].at { break }
                let latest = try Self.latestMatches(db, among: summaries, matcher: matcher, examined: &examined)
                for summary in summaries {
                    if let at = latest[summary.id] { found.append((summary, at)) }
                }
                found.sort { $0.at != $1.at ? $0.at > $1.at : $0.summary.id > $1.summary.id }
                if !hasMore { break }
                cursor = summaries.last?.cursor
            }
            return found.prefix(limit).map { entry in
                var summary = entry.summary
                summary.sortValue = entry.at
                return summary
            }
        }
    }

    /// The time of the newest matching public text of each ticket that has one: its subject
    /// and description (at its creation) or a message that is not an internal note.
    private static func latestMatches(
        _ db: Database, among summaries: [TicketSummary], matcher: FoldedTextMatcher, examined: inout Int
    ) throws -> [TicketID: Int64] {
        var latest: [TicketID: Int64] = [:]
        let ids = summaries.map(\.id)
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        let tickets = try Row.fetchAll(
            db, sql: "SELECT id, subject, description, created_at FROM ticket WHERE id IN (\(placeholders))",
            arguments: StatementArguments(ids))
        for row in tickets where matcher.matches([row["subject"], row["description"]]) {
            latest[row["id"]] = row["created_at"]
        }
        let messages = try Row.fetchCursor(
            db,
            sql: """
                SELECT ticket_id, body, created_at FROM message
                WHERE ticket_id IN (\(placeholders)) AND kind != 'internalNote'
                """,
            arguments: StatementArguments(ids))
        while let row = try messages.next(), examined < scanLimit {
            examined += 1
            let ticket: TicketID = row["ticket_id"]
            let at: Int64 = row["created_at"]
            if let known = latest[ticket], known >= at { continue }
            if matcher.matches([row["body"]]) { latest[ticket] = at }
        }
        examined += tickets.count
        return latest
    }
}
