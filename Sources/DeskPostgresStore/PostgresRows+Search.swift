import DeskModel
import DeskPostgres
import Foundation

/// Full-text search over subjects, descriptions and messages, within what the reader may see
/// and passes the filter, in one statement (SQLite's `SQLiteRows+Search`).
///
/// Each table's matches are read newest first, at most `scanLimit` of them (as SQLite's scan
/// is bounded), so a common word costs no more than a bounded read; among them each visible
/// ticket counts with its newest matching text (a message's time, or the ticket's creation for
/// its subject and description), most recent first, ties by id, as the protocol says.
extension PostgresRows {
    static let searchScanLimit = 20_000

    func indexedSearch(_ words: SearchWords, _ query: TicketListQuery) throws -> [TicketSummary] {
        let limit = query.page.limit
        guard let search = PostgresTextSearchQuery(words), limit > 0 else { return [] }
        let reader = query.reader
        let restriction = try PostgresFilterSQL.compile(query.page.filter, reader: reader, now: query.now, db: db)
        // A customer's search never matches an internal note.
        let messageKinds = reader.visibility.seesInternalNotes
            ? PostgresQueryFragment.always : PostgresQueryFragment("m.kind != 'internalNote'")
        let messages = search.condition(vector: "m.search_words", text: "m.body").and(messageKinds)
        let tickets = search.condition(vector: "t.search_words", text: PostgresSchema.ticketText("t"))
        let statement = PostgresQueryFragment("""
            SELECT \(PostgresTicketSummaryRow.columns(seenBy: reader.visibility)), p.k AS k
            FROM (SELECT h.id, max(h.at) AS k FROM (
                (SELECT m.ticket_id AS id, m.created_at AS at FROM message m WHERE 
            """)
            + messages
            + PostgresQueryFragment("""
                 ORDER BY m.id DESC LIMIT \(Self.searchScanLimit))
                UNION ALL
                (SELECT t.id AS id, t.created_at AS at FROM ticket t WHERE 
            """)
            + tickets
            + PostgresQueryFragment("""
                 ORDER BY t.id DESC LIMIT \(Self.searchScanLimit))
            ) h JOIN ticket t ON t.id = h.id
            WHERE 
            """)
            + PostgresListVisibility.predicate(reader.visibility).and(restriction)
            + PostgresQueryFragment("""
                 GROUP BY h.id ORDER BY k DESC, h.id DESC LIMIT \(limit)) p
            JOIN ticket t ON t.id = p.id
            \(PostgresTicketSummaryRow.joins)
            ORDER BY p.k DESC, t.id DESC
            """)
        return try db.query(statement).map { row in
            try PostgresTicketSummaryRow.decode(row, sortValue: try row.decode(Int64.self, column: "k"))
        }
    }
}
