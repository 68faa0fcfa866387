import Foundation

/// Where the words of a search occur in a text, read as the search reads them (`SearchWords`):
/// whole words without case or diacritics, the last typed word also as the start of a word,
/// and CJK words anywhere inside a word. For showing hits, never for deciding them.
public enum SearchHighlight {
    /// Ranges of characters of `text` that match the words of `query` (its conditions are
    /// not text), in order, not overlapping.
    public static func ranges(in text: String, query: String) -> [Range<Int>] {
        Matcher(query: query)?.ranges(in: text) ?? []
    }

    /// A query read once, for matching many texts.
    public struct Matcher {
        var whole = Set<String>()
        var prefixes: [String] = []
        var substrings: [[String]] = []

        /// Nil when the query has no words to find.
        public init?(query: String) {
            guard let parsed = try? TicketQuery.parse(query), let search = SearchWords(typed: parsed.text) else { return nil }
            for (index, part) in search.parts.enumerated() {
                switch part {
                case .words(_, let folded):
                    for (offset, word) in folded.enumerated() {
                        if search.isPrefix(index) && offset == folded.count - 1 { prefixes.append(String(word)) } else { whole.insert(String(word)) }
                    }
                case .substring(let word):
                    substrings.append(CJKText.characters(of: word))
                }
            }
        }

        /// Whether the text may hold a hit: one fold of the whole text and a substring test per
        /// word, much cheaper than finding the words, and false for most texts read.
        func mayMatch(_ text: String) -> Bool {
            let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            return whole.contains(where: folded.contains) || prefixes.contains(where: folded.contains)
                || (!substrings.isEmpty && folded.unicodeScalars.contains(where: CJKText.isCJK))
        }

        public func ranges(in text: String) -> [Range<Int>] {
            guard mayMatch(text) else { return [] }
            let characters = Array(text)
            var found: [Range<Int>] = []
            var start: Int?
            func closeWord(at end: Int) {
                guard let begun = start else { return }
                start = nil
                // One fold per word: folding is the costly part.
                let word = String(characters[begun..<end]).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                if whole.contains(word) || prefixes.contains(where: word.hasPrefix) {
                    found.append(begun..<end)
                    return
                }
                guard !substrings.isEmpty, CJKText.isCJKWord(Substring(word)) else { return }
                // Character by character only here, so offsets in the folded word are offsets in `text`.
                let folded = characters[begun..<end].map { String($0).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
                for wanted in substrings where !wanted.isEmpty && folded.count >= wanted.count {
                    var at = 0
                    while at + wanted.count <= folded.count {
                        if Array(folded[at..<(at + wanted.count)]) == wanted {
                            found.append((begun + at)..<(begun + at + wanted.count))
                            at += wanted.count
                        } else {
                            at += 1
                        }
                    }
                }
            }
            for (index, character) in characters.enumerated() {
                if character.unicodeScalars.contains(where: FoldedTextMatcher.isWordScalar) {
                    if start == nil { start = index }
                } else {
                    closeWord(at: index)
                }
            }
            closeWord(at: characters.count)
            return SearchHighlight.merged(found)
        }

        /// One line of `text` around its first hit (see `SearchHighlight.snippet`).
        public func snippet(of text: String, length: Int = 160) -> String? {
            // Most texts read have no hit: find that out before cleaning the text up.
            guard !ranges(in: text).isEmpty else { return nil }
            let line = TextSafety.sanitizedLine(text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
            guard let first = ranges(in: line).first else { return nil }
            let characters = Array(line)
            // A little context before the hit, the rest after it.
            let lead = min(first.lowerBound, max(0, length / 4))
            let from = first.lowerBound - lead
            let to = min(characters.count, from + length)
            return (from > 0 ? "…" : "") + String(characters[from..<to]) + (to < characters.count ? "…" : "")
        }
    }

    /// One line of `text` around its first hit, at most `length` characters, blanks run
    /// together and cut ends marked with "…"; nil when the text has no hit.
    public static func snippet(of text: String, query: String, length: Int = 160) -> String? {
        Matcher(query: query)?.snippet(of: text, length: length)
    }

    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
