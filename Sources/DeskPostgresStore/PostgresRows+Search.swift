import DeskModel
import DeskPostgres
import Foundation

/// Full-text search over subjects, descriptions and messages, within what the reader may see
/// (SQLite's `SQLiteRows+Search`, the same walk): results are the tickets with the most recent
/// matching text first. Each table's matches are read newest first (by id, which follows
/// time) in batches, each row saying whether the reader may see its ticket and it passes the
/// filter; the walk stops once it has a page of tickets, so a common word costs about the same
/// as a rare one (PostgreSQL walks the id index backward for a common word and reads the GIN
/// index for a rare one). At most `searchScanLimit` matches are looked at per table.
extension PostgresRows {
    static let searchBatch = 400
    static let searchScanLimit = 20_000

    func indexedSearch(_ words: SearchWords, _ query: TicketListQuery) throws -> [TicketSummary] {
        let limit = query.page.limit
        guard let search = PostgresTextSearchQuery(words), limit > 0 else { return [] }
        let reader = query.reader
        let restriction = try PostgresFilterSQL.compile(query.page.filter, reader: reader, now: query.now, db: db)
        let kept = PostgresListVisibility.predicate(reader.visibility).and(restriction)
        var latest: [TicketID: Int64] = [:]
        // Messages: a customer's search never matches an internal note.
        let messageKinds = reader.visibility.seesInternalNotes
            ? PostgresQueryFragment.always : PostgresQueryFragment("m.kind != 'internalNote'")
        let messages = search.condition(vector: "m.search_words", text: "m.body").and(messageKinds)
        try scan(limit: limit, into: &latest) { before in
            PostgresQueryFragment("SELECT m.id AS rowid, m.ticket_id AS ticket_id, m.created_at AS at, (")
                + kept + PostgresQueryFragment(") AS kept FROM message m JOIN ticket t ON t.id = m.ticket_id WHERE ")
                + messages.and(PostgresQueryFragment("m.id < ?", [.int(before)]))
                + PostgresQueryFragment(" ORDER BY m.id DESC LIMIT \(Self.searchBatch)")
        }
        let tickets = search.condition(vector: "t.search_words", text: PostgresSchema.ticketText("t"))
        try scan(limit: limit, into: &latest) { before in
            PostgresQueryFragment("SELECT t.id AS rowid, t.id AS ticket_id, t.created_at AS at, (")
                + kept + PostgresQueryFragment(") AS kept FROM ticket t WHERE ")
                + tickets.and(PostgresQueryFragment("t.id < ?", [.int(before)]))
                + PostgresQueryFragment(" ORDER BY t.id DESC LIMIT \(Self.searchBatch)")
        }
        let chosen = latest.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }.prefix(limit)
        guard !chosen.isEmpty else { return [] }
        let found = try db.query(
            """
            SELECT \(PostgresTicketSummaryRow.columns(seenBy: reader.visibility)) FROM ticket t
            \(PostgresTicketSummaryRow.joins)
            WHERE t.id = ANY($1::bigint[])
            """,
            [PostgresRowDecoding.idArray(chosen.map(\.key))])
        var byID: [TicketID: PostgresRow] = [:]
        for row in found { byID[try row.decode(Int64.self, column: "id")] = row }
        return try chosen.compactMap { entry in
            try byID[entry.key].map { try PostgresTicketSummaryRow.decode($0, sortValue: entry.value) }
        }
    }

    /// Reads matches newest first in batches, keeping the latest matching time of each ticket
    /// kept (visible, passing the filter), until `limit` tickets are found (counting those
    /// already found).
    private func scan(
        limit: Int, into latest: inout [TicketID: Int64], batch query: (Int64) -> PostgresQueryFragment
    ) throws {
        var before = Int64.max
        var scanned = 0
        while latest.count < limit && scanned < Self.searchScanLimit {
            let rows = try db.query(query(before))
            if rows.isEmpty { break }
            scanned += rows.count
            before = try rows[rows.count - 1].decode(Int64.self, column: "rowid")
            for row in rows {
                guard try row.decode(Bool?.self, column: "kept") == true else { continue }
                let ticket = try row.decode(Int64.self, column: "ticket_id")
                let at = try row.decode(Int64.self, column: "at")
                if let known = latest[ticket] {
                    latest[ticket] = max(known, at)
                } else if latest.count < limit {
                    latest[ticket] = at
                }
            }
            if rows.count < Self.searchBatch { break }
        }
    }
}
