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
                    if let term = CJKText.wordsQuery(for: folded, prefix: prefix) { terms.append(term) }
                } else {
                    // The word index folds what it is given as it folded the text.
                    let term = "\"" + typed.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    terms.append(prefix ? term + "*" : term)
                }
            case .substring(let word):
                if let term = CJKText.substringQuery(for: word) { terms.append(term) }
            }
        }
        if terms.isEmpty { return nil }
        return hasCJK ? .cjk(terms.joined(separator: " ")) : .words(terms.joined(separator: " "))
    }
}
