import DeskPostgres
import Foundation

/// The words that are common in a table's `search_words`, as ANALYZE last counted them
/// (`pg_stats.most_common_elems`: the lexemes found in the most rows of its sample, up to ten
/// times the statistics target). A word missing from that list occurs in few rows, which the
/// word index (GIN) reads in a few milliseconds; a common word fills a page among the newest
/// rows, and reading its whole posting list would cost up to a second. Search decides with it
/// which way to read (`PostgresRows+Search.swift`); the results are the same either way.
struct PostgresCommonWords: Equatable {
    /// Nil when the table has no statistics yet (never analyzed): every word counts as common.
    let lexemes: Set<String>?

    /// A prefix this short stands for too many words to tell whether all of them are rare.
    static let shortestRarePrefix = 3

    /// Whether reading every row the word index holds for `lexeme` is cheap: a whole word
    /// missing from the list, or a prefix no listed word starts with.
    func isRare(_ lexeme: PostgresQueryLexeme) -> Bool {
        guard let lexemes else { return false }
        guard lexeme.isPrefix else { return !lexemes.contains(lexeme.text) }
        return lexeme.text.count >= Self.shortestRarePrefix && !lexemes.contains { $0.hasPrefix(lexeme.text) }
    }

    /// Whether the word index answers `query` cheaply: some word it needs in every row is rare.
    /// A query that is not a plain conjunction (an OR or a NOT) counts as common.
    func isRare(_ query: PostgresQueryLexemes) -> Bool {
        query.isConjunction && query.lexemes.contains(where: isRare)
    }
}

/// `PostgresCommonWords` of the searched tables, read from `pg_stats` at most once per
/// `refreshInterval` per desk and shared by its connections, never once per keystroke.
final class PostgresWordStatistics: @unchecked Sendable {
    /// The tables whose words are searched, by the name `pg_stats` gives them.
    enum Table: String, CaseIterable {
        case message, ticket
    }

    /// ANALYZE runs on its own schedule (autovacuum, `deskterm copy`); statistics change slowly.
    static let refreshInterval: TimeInterval = 600

    private let lock = NSLock()
    private var cached: (words: [Table: PostgresCommonWords], readAt: Date)?

    /// The common words of every searched table, read again when older than `refreshInterval`.
    func commonWords(_ db: PostgresConnection, now: Date = Date()) throws -> [Table: PostgresCommonWords] {
        if let cached = lock.withLock({ cached }), now.timeIntervalSince(cached.readAt) < Self.refreshInterval {
            return cached.words
        }
        let words = try Self.read(db)
        lock.withLock { cached = (words, now) }
        return words
    }

    static func read(_ db: PostgresConnection) throws -> [Table: PostgresCommonWords] {
        var lexemes: [Table: Set<String>] = [:]
        // One row per listed word; a table analyzed with no word frequent enough to be listed
        // gives one row without a word (every word is rare there).
        let rows = try db.query(
            """
            SELECT s.tablename::text, w.word FROM pg_stats s
            LEFT JOIN LATERAL unnest(s.most_common_elems::text::text[]) AS w(word) ON true
            WHERE s.schemaname = current_schema() AND s.attname = 'search_words'
              AND s.tablename IN (\(Table.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")))
            """)
        for row in rows {
            guard let table = Table(rawValue: try row.decode(String.self, at: 0)) else { continue }
            var words = lexemes[table] ?? []
            if let word = try row.decode(String?.self, at: 1) { words.insert(word) }
            lexemes[table] = words
        }
        var words: [Table: PostgresCommonWords] = [:]
        for table in Table.allCases { words[table] = PostgresCommonWords(lexemes: lexemes[table]) }
        return words
    }
}
