/// Text from tickets is untrusted: before any of it reaches a terminal (the client's grid or
/// the CLI's output), control characters and escape sequences become visible placeholders.
public enum TextSafety {
    /// A block of text: newlines kept (CR and CRLF become newlines), tabs kept for the
    /// renderer to expand by column, every other control made visible.
    public static func sanitizedBlock(_ text: String) -> String {
        sanitize(text, keepNewlines: true)
    }

    /// One line of text (a subject, a name, a table cell): newlines and tabs become spaces.
    public static func sanitizedLine(_ text: String) -> String {
        sanitize(text, keepNewlines: false)
    }

    /// True for the stand-ins `placeholder(for:)` produces, so a screen can mark them.
    public static func isPlaceholder(_ character: Character) -> Bool {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return false }
        return (0x2400...0x2421).contains(scalar.value) || scalar.value == 0xFFFD
    }

    public static func containsControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { placeholder(for: $0) != nil || $0 == "\n" || $0 == "\t" || $0 == "\r" }
    }

    /// The visible stand-in for a scalar that must never reach a terminal raw, or nil.
    public static func placeholder(for scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        switch value {
        case 0x1B:
            return "\u{241B}" // ␛
        case 0x00...0x1F:
            // The Control Pictures block mirrors C0 one to one.
            return String(Unicode.Scalar(0x2400 + value)!)
        case 0x7F:
            return "\u{2421}" // ␡
        case 0x80...0x9F:
            // C1 controls (CSI 0x9B, OSC 0x9D...) act like ESC sequences on some terminals.
            return "\u{FFFD}"
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
            // Bidirectional overrides and isolates can reorder what the reader sees.
            return "\u{FFFD}"
        default:
            return nil
        }
    }

    private static func sanitize(_ text: String, keepNewlines: Bool) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F)
            || (scalar.value >= 0x200E && scalar.value <= 0x2069) || scalar.value == 0x061C {
            needsWork = true
            break
        }
        if !needsWork { return text }
        var result = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\n":
                if keepNewlines {
                    if !previousWasCarriageReturn { result.append("\n") }
                } else if !previousWasCarriageReturn {
                    result.append(" ")
                }
            case "\r":
                // CRLF and lone CR both end a line.
                result.append(keepNewlines ? "\n" : " ")
            case "\t":
                if keepNewlines {
                    result.append("\t")
                } else {
                    result.append(" ")
                }
            default:
                if let stand = placeholder(for: scalar) {
                    result.append(contentsOf: stand.unicodeScalars)
                } else {
                    result.append(scalar)
                }
            }
        }
        return String(result)
    }
}
