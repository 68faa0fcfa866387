import Foundation

/// Chinese, Japanese and Korean text runs its words together (`新入社員20名分のアカウント追加`),
/// so the full-text index's words are whole runs and only their starts can be found. A word
/// that contains CJK characters is searched by substring instead; this is the one place that
/// says what such a word is and how text with CJK in it is cut into the CJK index's tokens.
///
/// The CJK index holds only rows with CJK text, in two columns. `grams`: each CJK word (as
/// `FoldedTextMatcher.words` splits and folds text) as its overlapping bigrams followed by its
/// last character alone (`署名検証` → `署名 名検 検証 証`). A typed CJK word of two characters or
/// more is the phrase of its bigrams, found only as consecutive bigrams of one word, which is
/// exactly "a substring of that word"; one character is a prefix query, found by every bigram
/// starting with it and by a last character. The trailing character also keeps a phrase from
/// running on into the next word. `words`: the row's other words whole, so a query mixing
/// Latin and CJK words is one FTS5 query on one index (a row without CJK text cannot match
/// it); a gap token stands for CJK words and breaks between texts, so a phrase like `e-mail`
/// never joins words the text does not have side by side.
enum CJKText {
    /// Han (with radicals, iteration marks and compatibility forms), kana, Bopomofo and Hangul.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, // Hangul Jamo
             0x2E80...0x2FDF, // CJK and Kangxi radicals
             0x3005...0x3007, 0x3021...0x3029, 0x3031...0x3035, 0x3038...0x303C, // 々 〆 〇, numerals, marks
             0x3040...0x30FF, // Hiragana, Katakana (with ー)
             0x3100...0x312F, 0x3130...0x318F, 0x31A0...0x31BF, 0x31F0...0x31FF, // Bopomofo, Hangul jamo, small kana
             0x3400...0x4DBF, 0x4E00...0x9FFF, // CJK ideographs and extension A
             0xA960...0xA97F, 0xAC00...0xD7FF, // Hangul syllables and jamo extensions
             0xF900...0xFAFF, // compatibility ideographs
             0xFF66...0xFFDC, // half-width katakana and Hangul
             0x1B000...0x1B16F, // kana supplement and extensions
             0x20000...0x3134F: // ideograph extensions B to G
            return true
        default:
            return false
        }
    }

    /// Whether any of `texts` holds a CJK character: cheap, so rows without any skip the index.
    static func containsCJK(_ texts: [String]) -> Bool {
        texts.contains { text in text.unicodeScalars.contains { $0.value >= 0x1100 && isCJK($0) } }
    }

    static func isCJKWord(_ word: Substring) -> Bool {
        word.unicodeScalars.contains(where: isCJK)
    }

    /// The characters of a folded word as the index compares them: precomposed, and without
    /// the marks and joiners the index's tokenizer would treat as separators.
    static func characters(of word: Substring) -> [String] {
        String(word).precomposedStringWithCanonicalMapping.map { character in
            var kept = String.UnicodeScalarView()
            kept.append(contentsOf: character.unicodeScalars.filter(FoldedTextMatcher.isWordScalar))
            return String(kept)
        }.filter { !$0.isEmpty }
    }

    /// Stands in the `words` column for a CJK word and between texts. A private-use
    /// character: a token character for FTS5 that nobody types.
    static let gap = "\u{E000}"

    /// What the CJK index stores for some texts, as space-separated tokens per column.
    static func indexColumns(of texts: [String]) -> (words: String, grams: String) {
        var words: [String] = []
        var grams: [String] = []
        for text in texts {
            separate(&words)
            for word in FoldedTextMatcher.words(of: text) {
                let characters = characters(of: word)
                guard let last = characters.last else { continue }
                guard isCJKWord(word) else {
                    words.append(characters.joined())
                    continue
                }
                separate(&words)
                for index in characters.indices.dropLast() {
                    grams.append(characters[index] + characters[index + 1])
                }
                grams.append(last)
            }
        }
        return (words.joined(separator: " "), grams.joined(separator: " "))
    }

    /// Ends a run of words with one gap: a gap only matters between two words.
    private static func separate(_ words: inout [String]) {
        if let last = words.last, last != gap { words.append(gap) }
    }
}
