import Foundation

/// Where the words of a search occur in a text, read as the search reads them (`SearchWords`):
/// whole words without case or diacritics, the last typed word also as the start of a word,
/// and CJK words anywhere inside a word. For showing hits, never for deciding them.
public enum SearchHighlight {
    /// Ranges of characters of `text` that match the words of `query` (its conditions are
    /// not text), in order, not overlapping.
    public static func ranges(in text: String, query: String) -> [Range<Int>] {
        guard let parsed = try? TicketQuery.parse(query), let search = SearchWords(typed: parsed.text) else { return [] }
        var whole = Set<String>()
        var prefixes: [String] = []
        var substrings: [[String]] = []
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
        // Folded one character at a time, so offsets in the folded text are offsets in `text`.
        let folded = text.map { String($0).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        var found: [Range<Int>] = []
        var start: Int?
        func closeWord(at end: Int) {
            guard let begun = start else { return }
            start = nil
            let word = folded[begun..<end].joined()
            if whole.contains(word) || prefixes.contains(where: word.hasPrefix) {
                found.append(begun..<end)
                return
            }
            for wanted in substrings where !wanted.isEmpty && end - begun >= wanted.count {
                var at = begun
                while at + wanted.count <= end {
                    if Array(folded[at..<(at + wanted.count)]) == wanted {
                        found.append(at..<(at + wanted.count))
                        at += wanted.count
                    } else {
                        at += 1
                    }
                }
            }
        }
        for (index, character) in text.enumerated() {
            if character.unicodeScalars.contains(where: FoldedTextMatcher.isWordScalar) {
                if start == nil { start = index }
            } else {
                closeWord(at: index)
            }
        }
        closeWord(at: folded.count)
        return merged(found)
    }

    /// One line of `text` around its first hit, at most `length` characters, blanks run
    /// together and cut ends marked with "…"; nil when the text has no hit.
    public static func snippet(of text: String, query: String, length: Int = 160) -> String? {
        let line = TextSafety.sanitizedLine(text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
        guard let first = ranges(in: line, query: query).first else { return nil }
        let characters = Array(line)
        // A little context before the hit, the rest after it.
        let lead = min(first.lowerBound, max(0, length / 4))
        let from = first.lowerBound - lead
        let to = min(characters.count, from + length)
        return (from > 0 ? "…" : "") + String(characters[from..<to]) + (to < characters.count ? "…" : "")
    }

    private static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
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
