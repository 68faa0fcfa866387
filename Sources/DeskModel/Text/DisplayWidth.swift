/// The one display-width function of the code base: how many terminal columns text takes.
/// Grapheme by grapheme: wide (East Asian wide/fullwidth, emoji presentation) = 2, combining
/// marks and other zero-width scalars ride on their base, everything else = 1. Text is
/// expected to be sanitized first; a raw control or invisible character counts as its
/// placeholder does, so measuring agrees with what is drawn either way.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    public static func of(_ character: Character) -> Int {
        // Plain ASCII (one scalar, or CR LF) is the common case: answer without looking further.
        if character.isASCII { return 1 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: { TextSafety.placeholder(for: $0) != nil }) {
            let drawn = TextSafety.sanitizedLine(String(character))
            // Unchanged: every such scalar is an allowed emoji joiner; measure it as it is.
            if drawn != String(character) { return of(drawn) }
        }
        // An emoji sequence or a text symbol turned emoji by VS16 takes two columns
        // (checked before the ASCII shortcut: keycaps such as "#️⃣" start with ASCII).
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if first.isASCII { return 1 }
        if scalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        if isWide(first) { return 2 }
        if scalars.allSatisfy(isZeroWidth) { return 0 }
        return 1
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return true
        default:
            return scalar.value == 0x200B || (0x1160...0x11FF).contains(scalar.value)
        }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x1100...0x115F).contains(v) || (0x231A...0x231B).contains(v) || (0x2329...0x232A).contains(v)
            || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v) || (0xA960...0xA97F).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE10...0xFE19).contains(v)
            || (0xFE30...0xFE6F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x2FFFD).contains(v) || (0x30000...0x3FFFD).contains(v)
    }

    /// The longest prefix of `text` that fits in `width` columns, with "…" when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// `text` truncated or padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let padding = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? padding + cut : cut + padding
    }
}
