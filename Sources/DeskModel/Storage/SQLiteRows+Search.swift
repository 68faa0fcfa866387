import Foundation
import GRDB

/// Full-text search over subjects, descriptions and messages, within what the reader may see
/// (`TicketQueryRows.indexedSearch`; the rules decide who may use the index).
///
/// Results are the tickets with the most recent matching text first. FTS5 walks a term's
/// matches newest first (`ORDER BY rowid DESC`) and stops at a LIMIT, so the search reads
/// batches of matches from the newest end, keeps those the reader may see, and stops once it
/// has a page of tickets: a common word costs the same as a rare one. It looks at most
/// `scanLimit` matches per table, which bounds the cost of a common word for a reader who
/// may see few of its matches. A query with CJK words reads the CJK index the same way.
extension SQLiteRows {
    static let searchBatch = 400
    static let scanLimit = 20_000

    func indexedSearch(_ words: SearchWords, _ query: TicketListQuery) throws -> [TicketSummary] {
        let limit = query.page.limit
        guard let match = FullTextQuery.match(for: words), limit > 0 else { return [] }
        let reader = query.reader
        let restriction = try FilterSQL.compile(query.page.filter, reader: reader, now: query.now, db: db, orderColumn: nil)
        var latest: [TicketID: Int64] = [:]
        // Messages: a customer's search never matches an internal note.
        let messageKinds = reader.visibility.seesInternalNotes ? "" : " AND m.kind != 'internalNote'"
        let messages = Self.matches(of: match, words: "message_fts", substrings: "message_cjk")
        try scan(visibility: reader.visibility, restriction: restriction, limit: limit, into: &latest) { before in
            (sql: """
                SELECT f.rowid AS rowid, m.ticket_id AS ticket_id, m.created_at AS at
                FROM \(messages.table) f JOIN message m ON m.id = f.rowid
                WHERE \(messages.condition) AND f.rowid < ?\(messageKinds)
                ORDER BY f.rowid DESC LIMIT \(Self.searchBatch)
                """, arguments: messages.arguments + [before])
        }
        let tickets = Self.matches(of: match, words: "ticket_fts", substrings: "ticket_cjk")
        try scan(visibility: reader.visibility, restriction: restriction, limit: limit, into: &latest) { before in
            (sql: """
                SELECT f.rowid AS rowid, f.rowid AS ticket_id, t.created_at AS at
                FROM \(tickets.table) f JOIN ticket t ON t.id = f.rowid
                WHERE \(tickets.condition) AND f.rowid < ?
                ORDER BY f.rowid DESC LIMIT \(Self.searchBatch)
                """, arguments: tickets.arguments + [before])
        }
        let chosen = latest.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }.prefix(limit)
        guard !chosen.isEmpty else { return [] }
        let ids = chosen.map(\.key)
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT \(RowDecoding.summaryColumns(seenBy: reader.visibility))
                FROM ticket t
                JOIN user r ON r.id = t.requester_id
                LEFT JOIN organisation o ON o.id = t.organisation_id
                LEFT JOIN user a ON a.id = t.assignee_id
                WHERE t.id IN (\(placeholders))
                """,
            arguments: StatementArguments(ids))
        let byID = Dictionary(uniqueKeysWithValues: rows.map { row -> (TicketID, Row) in (row["id"], row) })
        return chosen.compactMap { entry in byID[entry.key].map { RowDecoding.summary($0, sortValue: entry.value) } }
    }

    /// The index of one table that answers `query` (read as `f`), and the condition on it.
    /// Both indexes number rows as the table does, so the order (newest first) and the
    /// bounds are the same whichever answers.
    private static func matches(
        of query: FullTextQuery, words wordIndex: String, substrings cjkIndex: String
    ) -> (table: String, condition: String, arguments: StatementArguments) {
        switch query {
        case .words(let match): (wordIndex, "\(wordIndex) MATCH ?", [match])
        case .cjk(let match): (cjkIndex, "\(cjkIndex) MATCH ?", [match])
        }
    }

    /// Reads matches newest first in batches, keeping the latest matching time of each ticket
    /// the reader may see, until `limit` tickets are found (counting those already found).
    private func scan(
        visibility: TicketVisibility, restriction: FilterSQL, limit: Int, into latest: inout [TicketID: Int64],
        batch query: (Int64) -> (sql: String, arguments: StatementArguments)
    ) throws {
        var before = Int64.max
        var scanned = 0
        var visible: [TicketID: Bool] = [:]
        while latest.count < limit && scanned < Self.scanLimit {
            let statement = query(before)
            let rows = try Row.fetchAll(db, sql: statement.sql, arguments: statement.arguments)
            if rows.isEmpty { break }
            scanned += rows.count
            before = rows.last!["rowid"]
            let unknown = Set(rows.map { row -> TicketID in row["ticket_id"] }).filter { visible[$0] == nil }
            if !unknown.isEmpty {
                let found = try visibleTickets(among: Array(unknown), visibility: visibility, restriction: restriction)
                for id in unknown { visible[id] = found.contains(id) }
            }
            for row in rows {
                let ticket: TicketID = row["ticket_id"]
                guard visible[ticket] == true else { continue }
                let at: Int64 = row["at"]
                if let known = latest[ticket] {
                    latest[ticket] = max(known, at)
                } else if latest.count < limit {
                    latest[ticket] = at
                }
            }
            if rows.count < Self.searchBatch { break }
        }
    }

    private func visibleTickets(
        among ids: [TicketID], visibility: TicketVisibility, restriction: FilterSQL
    ) throws -> Set<TicketID> {
        if visibility == .everything && restriction.isEmpty { return Set(ids) }
        let predicate = VisibilitySQL.predicate(visibility)
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        return Set(try TicketID.fetchAll(
            db, sql: "SELECT t.id FROM ticket t WHERE t.id IN (\(placeholders)) AND \(predicate.sql) AND \(restriction.sql)",
            arguments: StatementArguments(ids) + predicate.arguments + restriction.arguments))
    }
}
