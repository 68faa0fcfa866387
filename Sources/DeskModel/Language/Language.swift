/// A language deskterm speaks. The raw value is the tag people write (`--language pt-BR`,
/// `user set --language fr`) and the name of its catalogue.
public enum Language: String, CaseIterable, Codable, Sendable {
    case english = "en"
    case french = "fr"
    case italian = "it"
    case german = "de"
    case spanish = "es"
    case japanese = "ja"
    case brazilianPortuguese = "pt-BR"

    /// Reads a tag as users and locales spell it: `fr`, `FR`, `fr_CA.UTF-8`, `pt_BR`, `pt-br`,
    /// `ja_JP.eucJP@x`. Portuguese of any region reads as Brazilian Portuguese, the one we have.
    /// Nil for a language we do not have (and for `C`/`POSIX`, which name none).
    public init?(tag: String) {
        let bare = tag.split(separator: ".", maxSplits: 1).first.map(String.init) ?? tag
        let noModifier = bare.split(separator: "@", maxSplits: 1).first.map(String.init) ?? bare
        let parts = noModifier.split(whereSeparator: { $0 == "_" || $0 == "-" })
        guard let first = parts.first?.lowercased() else { return nil }
        if first == "pt" {
            self = .brazilianPortuguese
            return
        }
        guard let language = Language(rawValue: first) else { return nil }
        self = language
    }

    /// The language's own name, as a menu of languages shows it.
    public var nativeName: String {
        switch self {
        case .english: "English"
        case .french: "Français"
        case .italian: "Italiano"
        case .german: "Deutsch"
        case .spanish: "Español"
        case .japanese: "日本語"
        case .brazilianPortuguese: "Português (Brasil)"
        }
    }

    /// Which form of a counted phrase this language uses for `count` (CLDR cardinal rules for
    /// whole numbers): French and Portuguese treat 0 and 1 as singular, Japanese has one form.
    public func pluralForm(for count: Int) -> PluralForm {
        switch self {
        case .japanese: .other
        case .french, .brazilianPortuguese: (count == 0 || count == 1) ? .one : .other
        case .english, .italian, .german, .spanish: count == 1 ? .one : .other
        }
    }
}

/// The forms a counted phrase takes in the languages we have.
public enum PluralForm: String, CaseIterable, Sendable {
    case one
    case other
}
