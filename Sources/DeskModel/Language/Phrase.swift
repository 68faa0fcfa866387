/// A sentence or label people read, as a language-neutral value: which catalogue, the English
/// text (the `msgid`), its context, its count and its named arguments. The state, errors and
/// events carry phrases; the edge renders them with `text(in:)` in the reader's language.
public struct Phrase: Hashable, Sendable {
    public var domain: PhraseDomain
    public var context: String?
    /// The English text, with `{name}` placeholders; the `.one` form of a counted phrase.
    public var english: String
    /// The English `.other` form of a counted phrase (`msgid_plural`).
    public var englishPlural: String?
    /// Chooses the plural form; also the `{count}` argument when none is given.
    public var count: Int?
    public var arguments: [String: PhraseArgument]

    public init(domain: PhraseDomain, english: String, englishPlural: String? = nil, count: Int? = nil,
                context: String? = nil, arguments: [String: PhraseArgument] = [:]) {
        self.domain = domain
        self.context = context
        self.english = english
        self.englishPlural = englishPlural
        self.count = count
        self.arguments = arguments
        // A count people read: grouped as the language groups digits (1,234; 1 234; 1.234).
        if let count, arguments["count"] == nil { self.arguments["count"] = .quantity(Int64(count)) }
    }

    /// Text that is the same in every language (a name, a path, a message from another
    /// program): shown as it is.
    public static func verbatim(_ text: String) -> Phrase {
        Phrase(domain: .verbatim, english: "{text}", arguments: ["text": .text(text)])
    }

    /// The phrase in `language`: its catalogue's translation, or the English when the
    /// catalogue has none (or could not be read), with the arguments put in.
    public func text(in language: Language, using catalogues: Catalogues = .shared) -> String {
        Self.fill(template(in: language, using: catalogues), with: arguments, in: language, using: catalogues)
    }

    /// The English, as the command line and the stored texts say it.
    public var englishText: String { text(in: .english) }

    func template(in language: Language, using catalogues: Catalogues) -> String {
        let form = language.pluralForm(for: count ?? 1)
        if let catalogue = catalogues.catalogue(domain, language),
           let translation = catalogue.translation(context: context, id: english, form: form, counted: englishPlural != nil) {
            return translation
        }
        if let englishPlural, Language.english.pluralForm(for: count ?? 1) == .other { return englishPlural }
        return english
    }

    /// Replaces each `{name}` by its argument; a placeholder without an argument stays visible
    /// so that the mistake shows (and the catalogue test names it).
    static func fill(_ template: String, with arguments: [String: PhraseArgument], in language: Language, using catalogues: Catalogues) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let name = Optional(String(after[..<close])),
               PhraseTemplate.isPlaceholderName(name), let argument = arguments[name] {
                result += argument.text(in: language, using: catalogues)
                rest = after[after.index(after: close)...]
            } else {
                result.append("{")
                rest = after
            }
        }
        return result + rest
    }
}

/// What a phrase's placeholder is filled with.
public indirect enum PhraseArgument: Hashable, Sendable {
    /// Text shown as it is: a handle, a subject, a file name (sanitised by whoever draws it).
    case text(String)
    /// A ticket number, an id: digits as they are (`#1234`, never `#1,234`).
    case number(Int64)
    /// A count or a length people read: grouped as the language groups digits (1,000; 1 000; 1.000).
    case quantity(Int64)
    /// A phrase rendered in the same language: a status label inside a sentence.
    case phrase(Phrase)

    public func text(in language: Language, using catalogues: Catalogues = .shared) -> String {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        case .quantity(let count): NumberText.grouped(Int(count), in: language)
        case .phrase(let phrase): phrase.text(in: language, using: catalogues)
        }
    }
}

/// Reading the placeholders of a template, shared by rendering and the catalogue checks.
public enum PhraseTemplate {
    static func isPlaceholderName(_ name: Substring) -> Bool { isPlaceholderName(String(name)) }

    static func isPlaceholderName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" }
    }

    /// The names between braces, `{number}` → `number`.
    public static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = String(after[..<close])
            if isPlaceholderName(name) {
                names.insert(name)
                rest = after[after.index(after: close)...]
            } else {
                rest = after
            }
        }
        return names
    }
}
