import Foundation

/// Matches what a person typed against text the way the full-text indexes do: words are runs
/// of letters and digits, compared without case or diacritics; every typed word must occur
/// (a word the index would split, like `e-mail`, as consecutive words), and the last one may
/// be the start of a word; a CJK word may occur anywhere inside a word (see `SearchWords`).
/// Used where a search must only ever read text the viewer may see.
struct FoldedTextMatcher {
    private let search: SearchWords

    /// Nil when nothing searchable was typed (the same rule as `FullTextQuery.match`).
    init?(query: String) {
        guard let search = SearchWords(typed: query) else { return nil }
        self.search = search
    }

    /// True when every typed word occurs in one of `fields` (a word never spans two fields).
    func matches(_ fields: [String]) -> Bool {
        let fieldWords = fields.map(Self.words(of:))
        // The characters of the fields' CJK words, read only when a CJK word is searched.
        var cjkWords: [[String]]?
        for (index, part) in search.parts.enumerated() {
            switch part {
            case .words(_, let phrase):
                let prefix = search.isPrefix(index)
                guard fieldWords.contains(where: { Self.contains($0, phrase, lastIsPrefix: prefix) }) else { return false }
            case .substring(let word):
                let wanted = CJKText.characters(of: word)
                if cjkWords == nil {
                    cjkWords = fieldWords.joined().filter(CJKText.isCJKWord).map(CJKText.characters(of:))
                }
                guard cjkWords!.contains(where: { Self.contains($0, run: wanted) }) else { return false }
            }
        }
        return true
    }

    private static func contains(_ characters: [String], run wanted: [String]) -> Bool {
        guard !wanted.isEmpty, characters.count >= wanted.count else { return false }
        return (0...(characters.count - wanted.count)).contains { start in
            characters[start..<(start + wanted.count)].elementsEqual(wanted)
        }
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

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}
