import DeskModel
import DeskPostgres
import Foundation

/// Full-text search over subjects, descriptions and messages, within what the reader may see
/// (SQLite's `SQLiteRows+Search`, the same walk): results are the tickets with the most recent
/// matching text first. Each table's matches are read newest first (by id, which follows
/// time) in batches, each row saying whether the reader may see its ticket and it passes the
/// filter; the walk stops once it has a page of tickets. At most `searchScanLimit` matches are
/// looked at per table.
///
/// The newest rows (`searchWalkWindow` messages, a fifth as many tickets, about the same span of
/// time) are walked by id (backward on the primary key, each row
/// tested against the words): a common word fills the page there in a few milliseconds. What
/// is older is asked of the word index (GIN) instead, ordered by an expression so that the
/// planner cannot walk the primary key again: it would, because it cannot tell a rare word from
/// a common one (a word absent from its statistics is estimated at 0.5% of the rows), and a
/// walk that finds nothing reads every row (1.3 to 27 s for a rare word at 1M tickets).
///
/// A word the table's statistics do not list as common (`PostgresCommonWords`) walks only a
/// tenth of that window first (`SearchWalk.probe`): when that finds too few tickets to fill a
/// page over the whole window, the rest is asked of the word index at once (a rare word: a few
/// hundred rows) instead of walking 50,000 rows to find nothing. The statistics list only the
/// most common words (at 1M messages, those in more than about 0.4% of them), so the probe is
/// what tells a rare word from one just below that list that still fills a page in the window.
/// Both ways read the same matches in the same order, so they find the same tickets; only where
/// a batch ends may differ, which changes a ticket's time only when an older id carries a newer
/// time (imported messages), as the walk's own window edge always could.
extension PostgresRows {
    static let searchBatch = 400
    static let searchScanLimit = 20_000
    static let searchWalkWindow: Int64 = 50_000

    /// The ids one batch reads below `before`: down to `from` by the primary key, or all by the word index.
    enum SearchRange {
        case walk(before: Int64, from: Int64)
        case wordIndex(before: Int64)

        var isWalk: Bool {
            if case .walk = self { return true }
            return false
        }

        /// The condition on `column` (an id) and the order that makes PostgreSQL read the range as meant.
        func sql(_ column: String) -> (condition: PostgresQueryFragment, order: String) {
            switch self {
            case .walk(let before, let from):
                return (PostgresQueryFragment("\(column) < ? AND \(column) >= ?", [.int(before), .int(from)]), "\(column) DESC")
            case .wordIndex(let before):
                return (PostgresQueryFragment("\(column) < ?", [.int(before)]), "\(column) + 0 DESC")
            }
        }
    }

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
        let walkedMessages = search.condition(vector: "m.search_words", text: "m.body", walked: true).and(messageKinds)
        let start = try searchStart(search)
        try scan(limit: limit, newest: start.newestMessage, walk: start.walk(.message), into: &latest) { range in
            let (ids, order) = range.sql("m.id")
            return PostgresQueryFragment("SELECT m.id AS rowid, m.ticket_id AS ticket_id, m.created_at AS at, (")
                + kept + PostgresQueryFragment(") AS kept FROM message m JOIN ticket t ON t.id = m.ticket_id WHERE ")
                + (range.isWalk ? walkedMessages : messages).and(ids)
                + PostgresQueryFragment(" ORDER BY \(order) LIMIT \(Self.searchBatch)")
        }
        let tickets = search.condition(vector: "t.search_words", text: PostgresSchema.ticketText("t"))
        let walkedTickets = search.condition(vector: "t.search_words", text: PostgresSchema.ticketText("t"), walked: true)
        try scan(limit: limit, newest: start.newestTicket, walk: start.walk(.ticket), into: &latest) { range in
            let (ids, order) = range.sql("t.id")
            return PostgresQueryFragment("SELECT t.id AS rowid, t.id AS ticket_id, t.created_at AS at, (")
                + kept + PostgresQueryFragment(") AS kept FROM ticket t WHERE ")
                + (range.isWalk ? walkedTickets : tickets).and(ids)
                + PostgresQueryFragment(" ORDER BY \(order) LIMIT \(Self.searchBatch)")
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

    /// How many of a table's newest ids are walked before the word index is asked.
    struct SearchWalk: Equatable {
        var window: Int64
        /// Walked first when the words are rare there: the rest of `window` only if this much
        /// found enough tickets (`continuesWalk`).
        var probe: Int64?

        /// Whether the tickets found in the probe, at that rate, fill at least half a page over
        /// the whole window: then the walk goes on (a word common among the newest rows);
        /// otherwise the word index answers the rest.
        func continuesWalk(found: Int, limit: Int) -> Bool {
            guard let probe, probe > 0 else { return true }
            return Int64(found) * window * 2 >= Int64(limit) * probe
        }
    }

    /// Where a search starts: the largest ids (one step down each primary key) and the words as
    /// the server folds them, in one round trip; and which tables' words are rare.
    struct SearchStart {
        var newestMessage: Int64
        var newestTicket: Int64
        /// The tables where some word of the query is rare (not among the common ones).
        var rareIn: Set<PostgresWordStatistics.Table>

        func walk(_ table: PostgresWordStatistics.Table) -> SearchWalk {
            let window = table == .message ? PostgresRows.searchWalkWindow : PostgresRows.searchWalkWindow / 5
            return SearchWalk(window: window, probe: rareIn.contains(table) ? window / 10 : nil)
        }
    }

    func searchStart(_ search: PostgresTextSearchQuery) throws -> SearchStart {
        let row = try db.query(
            """
            SELECT (SELECT coalesce(max(id), 0) FROM message), (SELECT coalesce(max(id), 0) FROM ticket),
                   to_tsquery('\(PostgresSchema.textSearchConfiguration)', $1)::text
            """,
            [.optional(search.words, PostgresValue.text)])[0]
        var start = SearchStart(newestMessage: try row.decode(at: 0), newestTicket: try row.decode(at: 1), rareIn: [])
        // Substrings alone (CJK) have no word to look up: they are walked.
        if let folded = try row.decode(String?.self, at: 2) {
            let lexemes = PostgresQueryLexemes(tsquery: folded)
            for (table, common) in try wordStatistics.commonWords(db) where common.isRare(lexemes) {
                start.rareIn.insert(table)
            }
        }
        return start
    }

    /// Reads matches newest first in batches, keeping the latest matching time of each ticket
    /// kept (visible, passing the filter), until `limit` tickets are found (counting those
    /// already found): the newest ids by walking (`walk`), the rest by the word index.
    private func scan(
        limit: Int, newest: Int64, walk: SearchWalk, into latest: inout [TicketID: Int64],
        batch query: (SearchRange) -> PostgresQueryFragment
    ) throws {
        var before = newest + 1
        var probing = walk.probe != nil
        var walkEnd = before - (walk.probe ?? walk.window)
        let foundBefore = latest.count
        var scanned = 0
        while latest.count < limit && scanned < Self.searchScanLimit {
            let walking = before > walkEnd
            let rows = try db.query(query(walking ? .walk(before: before, from: walkEnd) : .wordIndex(before: before)))
            scanned += rows.count
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
            if rows.count < Self.searchBatch {
                // The walked range is read: what is older comes from the word index, if anything
                // is older, unless the probe found enough to walk the rest of the window.
                guard walking, walkEnd > 1 else { break }
                before = walkEnd
                if probing {
                    probing = false
                    if walk.continuesWalk(found: latest.count - foundBefore, limit: limit) { walkEnd = newest + 1 - walk.window }
                }
            } else {
                before = try rows[rows.count - 1].decode(Int64.self, column: "rowid")
            }
        }
    }
}
