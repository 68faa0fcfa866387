import Foundation

/// What a person typed into a search, read once for every way of answering it: each backend's
/// text index (SQLite's `FullTextQuery`) and the customers' matcher (`FoldedTextMatcher`), so
/// they cannot disagree on what a query means. Front ends and the rules pass this, never a
/// query language.
///
/// Typed words are split at whitespace; a typed word with no letter or digit is ignored. A
/// typed word without CJK text must occur as whole words (`e-mail`: `e` then `mail`), the last
/// one only as the start of a word (results as you type). A typed word with CJK text is cut
/// into its words: each CJK one must occur anywhere inside a word of the text, each other one
/// as a whole word.
public struct SearchWords: Equatable, Sendable {
    package enum Part: Equatable, Sendable {
        /// Consecutive whole words: `typed` as typed (for the index, which folds it itself) and
        /// `folded` as `FoldedTextMatcher.words` reads it.
        case words(typed: String, folded: [Substring])
        /// A folded CJK word, found as a substring.
        case substring(Substring)
    }

    package let parts: [Part]

    /// Nil when nothing searchable was typed.
    public init?(typed text: String) {
        var parts: [Part] = []
        for typed in text.split(whereSeparator: { $0.isWhitespace }) {
            let folded = FoldedTextMatcher.words(of: String(typed))
            if folded.contains(where: CJKText.isCJKWord) {
                for word in folded {
                    parts.append(CJKText.isCJKWord(word) ? .substring(word) : .words(typed: String(word), folded: [word]))
                }
            } else if !folded.isEmpty {
                parts.append(.words(typed: String(typed), folded: folded))
            }
        }
        if parts.isEmpty { return nil }
        self.parts = parts
    }

    /// Whether the part at `index` may be the start of a word: only the last, when it is words.
    package func isPrefix(_ index: Int) -> Bool {
        guard index == parts.count - 1, case .words = parts[index] else { return false }
        return true
    }
}
