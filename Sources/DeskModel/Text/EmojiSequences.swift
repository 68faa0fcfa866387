/// The two places where an invisible scalar is part of what the reader should see: a
/// zero-width joiner between two emoji (👩‍💻, 🏳️‍🌈) and the tag letters of a subdivision
/// flag (🏴 + "gbsct" + cancel tag = 🏴󠁧󠁢󠁳󠁣󠁴󠁿). Anywhere else (next to a letter, alone,
/// doubled, tags after ordinary text) they only hide or disguise text.
enum EmojiSequences {
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200D || (0xE0020...0xE007F).contains(scalar.value)
    }

    /// True when `grapheme[index]` is a joiner that builds the emoji `grapheme` is.
    static func joins(scalarAt index: Int, of grapheme: [Unicode.Scalar]) -> Bool {
        let scalar = grapheme[index]
        if scalar.value == 0x200D {
            // Grapheme rules keep "emoji ZWJ emoji" together; a ZWJ after a letter ends its
            // grapheme, so it has no emoji after it here.
            guard index > 0, index + 1 < grapheme.count else { return false }
            let before = grapheme[index - 1], after = grapheme[index + 1]
            return (isEmoji(before) || before.value == 0xFE0F) && isEmoji(after)
        }
        if (0xE0020...0xE007F).contains(scalar.value) { return isSubdivisionFlag(grapheme) }
        return false
    }

    /// Digits, `#` and `*` have the Emoji property too (for keycaps); they are not emoji here.
    private static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && scalar.properties.isEmoji
    }

    /// 🏴, then up to six tag letters or digits (a region code such as "gbsct"), then the
    /// cancel tag, and nothing else.
    private static func isSubdivisionFlag(_ grapheme: [Unicode.Scalar]) -> Bool {
        guard grapheme.count >= 3, grapheme.count <= 8, grapheme.first?.value == 0x1F3F4,
              grapheme.last?.value == 0xE007F else { return false }
        return grapheme.dropFirst().dropLast().allSatisfy {
            (0xE0030...0xE0039).contains($0.value) || (0xE0061...0xE007A).contains($0.value)
        }
    }
}
