/// The SQLite backend's compilation of `SearchWords`: an FTS5 query that cannot be a syntax
/// error: every word is quoted (so `"`, `*`, `AND`, `:` are plain text) and the last one,
/// unless it is CJK, matches as a prefix, which gives results as you type. See `CJKText`.
enum FullTextQuery: Equatable, Sendable {
    /// No CJK word: a query on the word index (`ticket_fts`, `message_fts`).
    case words(String)
    /// Some CJK word: only rows with CJK text can match, and the CJK index (`ticket_cjk`,
    /// `message_cjk`) holds all their words, so it answers alone.
    case cjk(String)

    /// Nil when nothing searchable was typed.
    static func match(for text: String) -> FullTextQuery? {
        SearchWords(typed: text).flatMap(match(for:))
    }

    /// Nil when no word is searchable in the index.
    static func match(for search: SearchWords) -> FullTextQuery? {
        let hasCJK = search.parts.contains { if case .substring = $0 { true } else { false } }
        var terms: [String] = []
        for (index, part) in search.parts.enumerated() {
            let prefix = search.isPrefix(index)
            switch part {
            case .words(let typed, let folded):
                if hasCJK {
                    if let term = Self.wordsQuery(for: folded, prefix: prefix) { terms.append(term) }
                } else {
                    // The word index folds what it is given as it folded the text.
                    let term = "\"" + typed.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    terms.append(prefix ? term + "*" : term)
                }
            case .substring(let word):
                if let term = Self.substringQuery(for: word) { terms.append(term) }
            }
        }
        if terms.isEmpty { return nil }
        return hasCJK ? .cjk(terms.joined(separator: " ")) : .words(terms.joined(separator: " "))
    }
}

/// The queries of the CJK index (`CJKText` says what it holds).
extension FullTextQuery {
    /// The FTS5 query, on the `grams` column, that finds a folded CJK word as a substring of
    /// an indexed CJK word, or nil when nothing of it is searchable.
    fileprivate static func substringQuery(for word: Substring) -> String? {
        let characters = CJKText.characters(of: word)
        guard let first = characters.first else { return nil }
        if characters.count == 1 { return "grams : \"\(quoted(first))\"*" }
        let bigrams = characters.indices.dropLast().map { quoted(characters[$0] + characters[$0 + 1]) }
        return "grams : \"" + bigrams.joined(separator: " ") + "\""
    }

    /// The FTS5 query, on the `words` column, for consecutive folded words.
    fileprivate static func wordsQuery(for words: [Substring], prefix: Bool) -> String? {
        let tokens = words.map { CJKText.characters(of: $0).joined() }.filter { !$0.isEmpty }
        guard !tokens.isEmpty else { return nil }
        return "words : \"" + tokens.map(quoted).joined(separator: " ") + (prefix ? "\"*" : "\"")
    }

    private static func quoted(_ token: String) -> String {
        token.replacingOccurrences(of: "\"", with: "\"\"")
    }
}
