/// Turns what a person types into FTS5 queries that cannot be syntax errors: every word is
/// quoted (so `"`, `*`, `AND`, `:` are plain text). Words go to the word index (`ticket_fts`,
/// `message_fts`), the last one as a prefix, which gives results as you type; CJK words go to
/// the CJK index (`ticket_cjk`, `message_cjk`) as substrings. See `SearchWords`.
public struct FullTextQuery: Equatable, Sendable {
    /// For the word index; nil when every typed word is CJK.
    public let words: String?
    /// For the CJK index; nil when no typed word has CJK text.
    public let substrings: String?

    /// Nil when nothing searchable was typed.
    public static func match(for text: String) -> FullTextQuery? {
        guard let search = SearchWords(typed: text) else { return nil }
        var words: [String] = []
        var substrings: [String] = []
        for (index, part) in search.parts.enumerated() {
            switch part {
            case .words(let typed, _):
                let term = "\"" + typed.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                words.append(search.isPrefix(index) ? term + "*" : term)
            case .substring(let word):
                if let query = CJKText.substringQuery(for: word) { substrings.append(query) }
            }
        }
        if words.isEmpty && substrings.isEmpty { return nil }
        return FullTextQuery(
            words: words.isEmpty ? nil : words.joined(separator: " "),
            substrings: substrings.isEmpty ? nil : substrings.joined(separator: " "))
    }
}
