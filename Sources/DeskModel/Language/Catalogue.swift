/// A language's translations for one domain, read from its `.po` file.
public struct Catalogue: Sendable {
    public let language: Language
    let entries: [String: POEntry]

    public init(_ file: POFile, language: Language) {
        self.language = language
        var entries: [String: POEntry] = [:]
        for entry in file.entries { entries[Self.key(entry.context, entry.id)] = entry }
        self.entries = entries
    }

    static func key(_ context: String?, _ id: String) -> String { (context ?? "") + "\u{4}" + id }

    /// The translation for the form, nil when the catalogue has none (or leaves it empty, as
    /// gettext does for an entry not yet translated). Japanese has one form: `msgstr[0]`.
    func translation(context: String?, id: String, form: PluralForm, counted: Bool) -> String? {
        guard let entry = entries[Self.key(context, id)] else { return nil }
        let index = counted && entry.translations.count > 1 && form == .other ? 1 : 0
        let text = entry.translations[index]
        return text.isEmpty ? nil : text
    }
}
