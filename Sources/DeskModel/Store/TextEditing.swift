/// One edit of a text field, as the keyboard or a paste produces it.
public enum TextEdit: Equatable, Sendable {
    /// Typed or pasted text; may hold newlines (a multi-line paste).
    case insert(String)
    case deleteBackward
    case deleteForward
    case deleteWordBackward
    case deleteToLineStart
    case moveLeft
    case moveRight
    case moveWordLeft
    case moveWordRight
    case moveToLineStart
    case moveToLineEnd
    /// A cursor position (in graphemes) computed by the client, e.g. one wrapped line up.
    case moveTo(Int)
}

/// Pure text editing by grapheme: the cursor is an offset in `Character`s, so an accent with
/// its combining mark, a CJK character or an emoji sequence moves and deletes as one.
public enum TextEditing {
    public static func apply(_ edit: TextEdit, text: String, cursor: Int, singleLine: Bool) -> (text: String, cursor: Int) {
        var characters = Array(text)
        var position = min(max(0, cursor), characters.count)
        switch edit {
        case .insert(let raw):
            let inserted = Array(cleaned(raw, singleLine: singleLine))
            characters.insert(contentsOf: inserted, at: position)
            position += inserted.count
        case .deleteBackward:
            if position > 0 {
                characters.remove(at: position - 1)
                position -= 1
            }
        case .deleteForward:
            if position < characters.count { characters.remove(at: position) }
        case .deleteWordBackward:
            let start = wordStart(before: position, in: characters)
            characters.removeSubrange(start..<position)
            position = start
        case .deleteToLineStart:
            let start = lineStart(of: position, in: characters)
            characters.removeSubrange(start..<position)
            position = start
        case .moveLeft:
            position = max(0, position - 1)
        case .moveRight:
            position = min(characters.count, position + 1)
        case .moveWordLeft:
            position = wordStart(before: position, in: characters)
        case .moveWordRight:
            var index = position
            while index < characters.count && !isWordCharacter(characters[index]) { index += 1 }
            while index < characters.count && isWordCharacter(characters[index]) { index += 1 }
            position = index
        case .moveToLineStart:
            position = lineStart(of: position, in: characters)
        case .moveToLineEnd:
            var index = position
            while index < characters.count && characters[index] != "\n" { index += 1 }
            position = index
        case .moveTo(let target):
            position = min(max(0, target), characters.count)
        }
        return (String(characters), position)
    }

    /// Pasted text may carry terminal controls; only newlines (in multi-line fields) and tabs
    /// survive. CRLF and CR become newlines. Emoji joiners stay: typed one key at a time, a
    /// ZWJ comes before the emoji it joins (display shows it as a placeholder until then).
    static func cleaned(_ raw: String, singleLine: Bool) -> String {
        let unified = raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var result = String.UnicodeScalarView()
        for scalar in unified.unicodeScalars {
            if scalar == "\n" {
                result.append(singleLine ? " " : "\n")
            } else if scalar == "\t" {
                result.append(singleLine ? " " : "\t")
            } else if TextSafety.placeholder(for: scalar) == nil || TextSafety.mayJoinEmoji(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func lineStart(of position: Int, in characters: [Character]) -> Int {
        var index = position
        while index > 0 && characters[index - 1] != "\n" { index -= 1 }
        return index
    }

    static func wordStart(before position: Int, in characters: [Character]) -> Int {
        var index = position
        while index > 0 && !isWordCharacter(characters[index - 1]) { index -= 1 }
        while index > 0 && isWordCharacter(characters[index - 1]) { index -= 1 }
        return index
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }
}
