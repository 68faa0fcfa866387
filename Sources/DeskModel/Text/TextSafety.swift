/// Text from tickets is untrusted: before any of it reaches a terminal (the client's grid or
/// the CLI's output), control characters, escape sequences and invisible characters become
/// visible placeholders.
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

    /// True when sanitizing would change `text`: newlines, tabs, controls, invisible characters.
    public static func containsControlCharacters(_ text: String) -> Bool {
        guard text.unicodeScalars.contains(where: mayNeedPlaceholder) else { return false }
        return text.contains { character in
            let scalars = Array(character.unicodeScalars)
            return scalars.indices.contains { index in
                let scalar = scalars[index]
                return scalar == "\n" || scalar == "\t" || scalar == "\r" || placeholder(forScalarAt: index, of: scalars) != nil
            }
        }
    }

    /// The visible stand-in for a scalar that must never reach a terminal raw, or nil.
    /// Context-free: a joiner inside an emoji is allowed by `placeholder(forScalarAt:of:)`.
    public static func placeholder(for scalar: Unicode.Scalar) -> String? {
        UnsafeScalars.placeholder(for: scalar)
    }

    /// The stand-in for `grapheme[index]`, or nil when that scalar may be shown as it is.
    /// Two invisible scalars are allowed where they build an emoji (see `EmojiSequences`).
    public static func placeholder(forScalarAt index: Int, of grapheme: [Unicode.Scalar]) -> String? {
        guard let stand = placeholder(for: grapheme[index]) else { return nil }
        return EmojiSequences.joins(scalarAt: index, of: grapheme) ? nil : stand
    }

    /// Scalars that are kept while text is typed or pasted, because whether they are allowed
    /// depends on what follows (an emoji joiner arrives before the emoji it joins).
    public static func mayJoinEmoji(_ scalar: Unicode.Scalar) -> Bool {
        EmojiSequences.isJoiner(scalar)
    }

    /// Cheap test first: only these scalars can make sanitizing change anything.
    private static func mayNeedPlaceholder(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && placeholder(for: scalar) != nil)
    }

    private static func sanitize(_ text: String, keepNewlines: Bool) -> String {
        guard text.unicodeScalars.contains(where: mayNeedPlaceholder) else { return text }
        var result = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        // Grapheme by grapheme: whether a joiner is allowed depends on its neighbours.
        for character in text {
            let scalars = Array(character.unicodeScalars)
            for (index, scalar) in scalars.enumerated() {
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
                    result.append(keepNewlines ? "\t" : " ")
                default:
                    if let stand = placeholder(forScalarAt: index, of: scalars) {
                        result.append(contentsOf: stand.unicodeScalars)
                    } else {
                        result.append(scalar)
                    }
                }
            }
        }
        return String(result)
    }
}
