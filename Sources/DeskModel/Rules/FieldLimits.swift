/// A free-text field people type or import.
public enum TextField: String, CaseIterable, Equatable, Sendable {
    case subject, description, product, category, subcategory
    case userName, email, organisationName, handle
    case attachmentName, messageBody

    /// In English (`labelPhrase`).
    public var label: String { labelPhrase.englishText }
}

/// The longest text each field accepts, in one place. Lengths count Unicode scalars, so a
/// character stacked with a thousand combining marks counts a thousand: the limits bound
/// what is stored and drawn, not only what a reader would call a character.
public enum FieldLimits {
    public static func limit(for field: TextField) -> Int {
        switch field {
        case .subject: 200
        case .product, .category, .subcategory: 100
        case .userName, .organisationName: 120
        // RFC 5321's longest usable address.
        case .email: 254
        // Handles go into authorized_keys forced commands and shell words.
        case .handle: 32
        // The longest file name most file systems allow.
        case .attachmentName: 255
        // Longer text belongs in an attachment.
        case .description, .messageBody: 100_000
        }
    }

    public static func length(_ text: String) -> Int { text.unicodeScalars.count }

    /// Refuses `text` when it is longer than `field` allows, or holds a NUL character (which
    /// neither backend stores: it would arrive cut short).
    public static func check(_ text: String, as field: TextField) throws(DeskError) {
        if text.unicodeScalars.contains("\u{0}") { throw .textHasNul(field: field) }
        let length = length(text)
        let limit = limit(for: field)
        if length > limit { throw .textTooLong(field: field, length: length, limit: limit) }
    }

    /// `text` cut to what `field` allows (whole graphemes, "…" marking the cut), or nil when it
    /// fits: imports keep an over-long value shortened instead of failing.
    public static func clipped(_ text: String, as field: TextField) -> String? {
        let limit = limit(for: field)
        // A scalar takes at least one UTF-8 byte: few enough bytes fit without counting.
        guard text.utf8.count > limit, length(text) > limit else { return nil }
        var result = ""
        var used = 0
        for character in text {
            let scalars = character.unicodeScalars.count
            if used + scalars > limit - 1 { break }
            result.append(character)
            used += scalars
        }
        return result + "…"
    }

    /// `text` without its NUL characters, and how many there were: imports keep the rest.
    public static func withoutNul(_ text: String) -> (text: String, removed: Int) {
        // In UTF-8 a zero byte is the NUL scalar and nothing else.
        guard text.utf8Holds(0) else { return (text, 0) }
        var scalars = String.UnicodeScalarView()
        var removed = 0
        for scalar in text.unicodeScalars {
            if scalar == "\u{0}" { removed += 1 } else { scalars.append(scalar) }
        }
        return (String(scalars), removed)
    }

    /// 5000 as "5,000": limits and lengths are read by people (`NumberText` for other languages).
    public static func grouped(_ number: Int) -> String { NumberText.grouped(number, in: .english) }
}
