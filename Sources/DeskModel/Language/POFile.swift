/// One translation in a gettext `.po` file: `msgctxt` (optional), `msgid`, `msgid_plural`
/// (optional) and the translations, `msgstr` or `msgstr[0]`, `msgstr[1]`…
public struct POEntry: Equatable, Sendable {
    public var context: String?
    public var id: String
    public var pluralID: String?
    /// One string for a phrase without plural; one per plural form otherwise.
    public var translations: [String]
    /// Where the entry starts (its first keyword line), for messages about it.
    public var line: Int
}

/// A `.po` file as we write them: a header (the entry with an empty `msgid`), then entries.
/// Comments (`#`, `#.`, `#:`, `#,`) are skipped; obsolete entries (`#~`) too.
public struct POFile: Equatable, Sendable {
    public var header: [String: String]
    public var entries: [POEntry]

    /// The `nplurals` of the header's `Plural-Forms`, nil when absent or unreadable.
    public var pluralCount: Int? {
        guard let forms = header["Plural-Forms"], let range = forms.range(of: "nplurals=") else { return nil }
        return Int(forms[range.upperBound...].prefix { $0.isNumber })
    }
}

/// Why a `.po` file could not be read, with the file and the line to look at.
public struct POParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String
    public var description: String { "\(file):\(line): \(reason)" }
}
