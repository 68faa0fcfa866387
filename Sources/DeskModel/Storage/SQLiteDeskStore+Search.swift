import Foundation
import GRDB

/// Full-text search over subjects, descriptions and messages, within what the viewer may see.
///
/// Results are the tickets with the most recent matching text first. FTS5 walks a term's
/// matches newest first (`ORDER BY rowid DESC`) and stops at a LIMIT, so the search reads
/// batches of matches from the newest end, keeps those the viewer may see, and stops once it
/// has a page of tickets: a common word costs the same as a rare one. It looks at most
/// `scanLimit` matches per table, which bounds the cost of a common word for a viewer who
/// may see few of its matches. A query with CJK words reads the CJK index the same way.
extension SQLiteDeskStore {
    static let searchBatch = 400
    static let scanLimit = 20_000

    public func search(_ query: String, viewer: Viewer, limit: Int = 50) throws(DeskError) -> [TicketSummary] {
        try searchText(query, viewer: viewer, limit: limit, filter: TicketFilter())
    }

    /// Words, among the tickets that also pass `filter` (`SQLiteDeskStore+Filter.swift`).
    func searchText(_ query: String, viewer: Viewer, limit: Int, filter: TicketFilter) throws(DeskError) -> [TicketSummary] {
        if !viewer.isStaff { return try searchVisibleText(query, viewer: viewer, limit: limit, filter: filter) }
        guard let match = FullTextQuery.match(for: query), limit > 0 else { return [] }
        return try read { db in
            let restriction = try FilterSQL.compile(filter, viewer: viewer, now: now, db: db, orderColumn: nil)
            var latest: [TicketID: Int64] = [:]
            // Messages: a customer's search never matches an internal note.
            let messageKinds = viewer.isStaff ? "" : " AND m.kind != 'internalNote'"
            let messages = Self.matches(of: match, words: "message_fts", substrings: "message_cjk")
            try Self.scan(db, viewer: viewer, restriction: restriction, limit: limit, into: &latest) { before in
                (sql: """
                    SELECT f.rowid AS rowid, m.ticket_id AS ticket_id, m.created_at AS at
                    FROM \(messages.table) f JOIN message m ON m.id = f.rowid
                    WHERE \(messages.condition) AND f.rowid < ?\(messageKinds)
                    ORDER BY f.rowid DESC LIMIT \(Self.searchBatch)
                    """, arguments: messages.arguments + [before])
            }
            let tickets = Self.matches(of: match, words: "ticket_fts", substrings: "ticket_cjk")
            try Self.scan(db, viewer: viewer, restriction: restriction, limit: limit, into: &latest) { before in
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
                    SELECT \(RowDecoding.summaryColumns)
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
    /// the viewer may see, until `limit` tickets are found (counting those already found).
    private static func scan(
        _ db: Database, viewer: Viewer, restriction: FilterSQL, limit: Int, into latest: inout [TicketID: Int64],
        batch query: (Int64) -> (sql: String, arguments: StatementArguments)
    ) throws {
        var before = Int64.max
        var scanned = 0
        var visibility: [TicketID: Bool] = [:]
        while latest.count < limit && scanned < scanLimit {
            let statement = query(before)
            let rows = try Row.fetchAll(db, sql: statement.sql, arguments: statement.arguments)
            if rows.isEmpty { break }
            scanned += rows.count
            before = rows.last!["rowid"]
            let unknown = Set(rows.map { row -> TicketID in row["ticket_id"] }).filter { visibility[$0] == nil }
            if !unknown.isEmpty {
                let visible = try visibleTickets(db, among: Array(unknown), viewer: viewer, restriction: restriction)
                for id in unknown { visibility[id] = visible.contains(id) }
            }
            for row in rows {
                let ticket: TicketID = row["ticket_id"]
                guard visibility[ticket] == true else { continue }
                let at: Int64 = row["at"]
                if let known = latest[ticket] {
                    latest[ticket] = max(known, at)
                } else if latest.count < limit {
                    latest[ticket] = at
                }
            }
            if rows.count < searchBatch { break }
        }
    }

    private static func visibleTickets(
        _ db: Database, among ids: [TicketID], viewer: Viewer, restriction: FilterSQL
    ) throws -> Set<TicketID> {
        if viewer.isStaff && restriction.isEmpty { return Set(ids) }
        let visibility = VisibilitySQL.predicate(viewer)
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        return Set(try TicketID.fetchAll(
            db, sql: "SELECT t.id FROM ticket t WHERE t.id IN (\(placeholders)) AND \(visibility.sql) AND \(restriction.sql)",
            arguments: StatementArguments(ids) + visibility.arguments + restriction.arguments))
    }
}
