import DeskModel
import DeskPostgres

/// `SearchWords` compiled for PostgreSQL (SQLite's `FullTextQuery`): a condition on a table's
/// words (`search_words @@ to_tsquery('deskterm_simple', …)`) and, for Chinese, Japanese and
/// Korean words, substrings of its text (`ILIKE '%…%'`, narrowed by the CJK gram indexes).
///
/// The query cannot be a syntax error: each part is one quoted tsquery term (so `&`, `|`, `!`,
/// `:` and quotes are plain text), which `to_tsquery` splits and folds with the same parser and
/// configuration as the text, so consecutive words become a phrase (`<->`). The last part
/// matches as a prefix (`:*`, FTS5's `word*`): results as you type.
struct PostgresTextSearchQuery {
    /// The tsquery text of the word parts; nil when every part is CJK.
    let words: String?
    /// The folded CJK words, each to be found as a substring.
    let substrings: [String]

    init?(_ search: SearchWords) {
        var terms: [String] = []
        var substrings: [String] = []
        for (index, part) in search.parts.enumerated() {
            switch part {
            case .words(let typed, let folded):
                terms.append(Self.term(typed: typed, folded: folded.map(String.init), prefix: search.isPrefix(index)))
            case .substring(let word):
                substrings.append(String(word))
            }
        }
        if terms.isEmpty && substrings.isEmpty { return nil }
        self.words = terms.isEmpty ? nil : terms.joined(separator: " & ")
        self.substrings = substrings
    }

    /// One part as typed, a phrase of its words. As a prefix, only its last word is one
    /// (`:*` on a quoted phrase would make every word a prefix), so the words are then given
    /// one by one, as folded.
    static func term(typed: String, folded: [String], prefix: Bool) -> String {
        guard prefix else { return quoted(typed) }
        guard folded.count > 1 else { return quoted(typed) + ":*" }
        return folded.dropLast().map(quoted).joined(separator: " <-> ") + " <-> " + quoted(folded.last!) + ":*"
    }

    /// A tsquery term: quotes doubled, backslashes escaped.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A LIKE pattern that finds `text` anywhere (its `%`, `_` and `\` are plain characters).
    static func containing(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return "%" + escaped + "%"
    }

    /// The condition on one table: `vector` its `search_words` column, `text` the expression
    /// its CJK gram index covers.
    ///
    /// `walked`: for a range of ids read by the primary key, a CJK word is tested on the text
    /// alone. The planner has no statistics on the partial gram indexes and takes every CJK word
    /// for a rare one: given the gram conditions it reads all of a common word's matches (24,000
    /// messages for ご対応 at 1M, 130–230 ms) instead of the newest rows it was asked for.
    func condition(vector: String, text: String, walked: Bool = false) -> PostgresQueryFragment {
        var condition = PostgresQueryFragment.always
        if let words {
            condition = condition.and(PostgresQueryFragment(
                "\(vector) @@ to_tsquery('\(PostgresSchema.textSearchConfiguration)', ?)", [.text(words)]))
        }
        for substring in substrings {
            condition = condition.and(walked
                ? PostgresQueryFragment("\(text) ILIKE ?", [.text(Self.containing(substring))])
                : Self.containing(substring, in: text))
        }
        return condition
    }

    /// A CJK word anywhere in `text`: rows with CJK text whose characters and pairs include
    /// the word's (the partial GIN indexes of `pg7-cjk-grams` answer both), then the substring
    /// itself. The two index conditions repeat the index's expressions, or the planner could
    /// not use it.
    static func containing(_ word: String, in text: String) -> PostgresQueryFragment {
        PostgresQueryFragment(
            "deskterm_has_cjk(\(text)) AND deskterm_cjk_grams(\(text)) @> deskterm_cjk_word_grams(?) AND \(text) ILIKE ?",
            [.text(word), .text(containing(word))])
    }
}
