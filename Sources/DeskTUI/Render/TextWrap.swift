import DeskModel

/// Wraps text to a width in display columns: at spaces where it can, inside a word only when
/// the word alone is too wide. Tabs expand to the next multiple of 4 columns.
public enum TextWrap {
    /// One wrapped line and the grapheme offset in the original text where it starts.
    public struct Line: Equatable, Sendable {
        public var text: String
        public var start: Int
        /// Graphemes of the original text this line covers (without the break character).
        public var length: Int
    }

    public static func wrap(_ text: String, width: Int) -> [String] {
        lines(text, width: width).map(\.text)
    }

    /// Lines with their positions, for placing a caret.
    public static func lines(_ text: String, width: Int) -> [Line] {
        let width = max(1, width)
        var result: [Line] = []
        var offset = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // Where each grapheme starts and what it is: lines are cut from the paragraph by
            // index (a copy of bytes), not rebuilt character by character.
            var starts: [String.Index] = []
            var characters: [Character] = []
            var position = paragraph.startIndex
            while position < paragraph.endIndex {
                starts.append(position)
                characters.append(paragraph[position])
                position = paragraph.index(after: position)
            }
            starts.append(paragraph.endIndex)
            if characters.isEmpty {
                result.append(Line(text: "", start: offset, length: 0))
            }
            var index = 0
            while index < characters.count {
                var column = 0
                var end = index
                var lastBreak: Int?
                while end < characters.count {
                    let w = characterWidth(characters[end], column: column)
                    if column + w > width { break }
                    column += w
                    if characters[end] == " " { lastBreak = end }
                    end += 1
                }
                if end == index { end = index + 1 } // a glyph wider than the pane: emit it alone
                var lineEnd = end
                var next = end
                if end < characters.count, characters[end] == " " {
                    // The text fills the line exactly and a space follows: break at that space.
                    next = end + 1
                } else if end < characters.count, let breakAt = lastBreak, breakAt > index {
                    lineEnd = breakAt
                    next = breakAt + 1
                }
                let slice = String(paragraph[starts[index]..<starts[lineEnd]])
                result.append(Line(text: expandTabs(slice), start: offset + index, length: lineEnd - index))
                index = next
            }
            offset += characters.count + 1
        }
        return result
    }

    static func characterWidth(_ character: Character, column: Int) -> Int {
        character == "\t" ? 4 - column % 4 : DisplayWidth.of(character)
    }

    static func expandTabs(_ text: String) -> String {
        guard text.utf8.contains(9) else { return text }
        var result = ""
        var column = 0
        for character in text {
            if character == "\t" {
                let spaces = 4 - column % 4
                result += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                result.append(character)
                column += DisplayWidth.of(character)
            }
        }
        return result
    }
}
