import Foundation

/// Matches what a person typed against text the way the full-text index does: words are runs
/// of letters and digits, compared without case or diacritics; every typed word must occur
/// (a word the index would split, like `e-mail`, as consecutive words), and the last one may
/// be the start of a word. Used where a search must only ever read text the viewer may see.
struct FoldedTextMatcher {
    /// The folded words of each typed word, in order.
    private let phrases: [[Substring]]

    /// Nil when nothing searchable was typed (the same rule as `FullTextQuery.match`).
    init?(query: String) {
        let typed = query.split(whereSeparator: { $0.isWhitespace })
            .filter { word in word.contains { $0.isLetter || $0.isNumber } }
        let phrases = typed.map { Self.words(of: String($0)) }.filter { !$0.isEmpty }
        if phrases.isEmpty { return nil }
        self.phrases = phrases
    }

    /// True when every typed word occurs in one of `fields` (a word never spans two fields).
    func matches(_ fields: [String]) -> Bool {
        let fieldWords = fields.map(Self.words(of:))
        for (index, phrase) in phrases.enumerated() {
            let prefix = index == phrases.count - 1
            guard fieldWords.contains(where: { Self.contains($0, phrase, lastIsPrefix: prefix) }) else { return false }
        }
        return true
    }

    private static func contains(_ words: [Substring], _ phrase: [Substring], lastIsPrefix: Bool) -> Bool {
        guard words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) {
            var all = true
            for offset in phrase.indices {
                let word = words[start + offset]
                let wanted = phrase[offset]
                let last = offset == phrase.count - 1
                if last && lastIsPrefix ? !word.hasPrefix(wanted) : word != wanted {
                    all = false
                    break
                }
            }
            if all { return true }
        }
        return false
    }

    /// Case and diacritics folded, split into runs of letters, digits and marks.
    static func words(of text: String) -> [Substring] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var words: [Substring] = []
        var start: String.Index?
        var index = folded.startIndex
        while index < folded.endIndex {
            let isWordPart = folded[index].unicodeScalars.contains(where: isWordScalar)
            if isWordPart {
                if start == nil { start = index }
            } else if let begun = start {
                words.append(folded[begun..<index])
                start = nil
            }
            index = folded.index(after: index)
        }
        if let begun = start { words.append(folded[begun...]) }
        return words
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}
