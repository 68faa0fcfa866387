import DeskModel

extension PhraseDomain {
    /// The full-screen client's phrases: screens, hints, menus, the help (`Catalogues/<tag>.po`).
    public static let client = PhraseDomain(name: "DeskTUI")
}

extension Phrase {
    /// Declares a client phrase. The English must be a literal: the catalogue check reads these
    /// calls from the sources (like xgettext) to know every phrase the client uses.
    static func client(_ english: StaticString, context: StaticString? = nil, _ arguments: [String: PhraseArgument] = [:]) -> Phrase {
        Phrase(domain: .client, english: english.description, context: context?.description, arguments: arguments)
    }

    /// Declares a counted client phrase: `one` and `other` are the English forms.
    static func client(one: StaticString, other: StaticString, count: Int, context: StaticString? = nil,
                       _ arguments: [String: PhraseArgument] = [:]) -> Phrase {
        Phrase(domain: .client, english: one.description, englishPlural: other.description, count: count,
               context: context?.description, arguments: arguments)
    }
}
