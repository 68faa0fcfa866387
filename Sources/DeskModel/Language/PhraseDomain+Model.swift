extension PhraseDomain {
    /// DeskModel's phrases: notices, refusals, labels and event words (`Catalogues/<tag>.po`).
    public static let model = PhraseDomain(name: "DeskModel")
}

extension Phrase {
    /// Declares a DeskModel phrase. The English must be a literal: the catalogue check reads
    /// these calls from the sources (like xgettext) to know every phrase the code uses.
    static func model(_ english: StaticString, context: StaticString? = nil, _ arguments: [String: PhraseArgument] = [:]) -> Phrase {
        Phrase(domain: .model, english: english.description, context: context?.description, arguments: arguments)
    }

    /// Declares a counted DeskModel phrase: `one` and `other` are the English forms.
    static func model(one: StaticString, other: StaticString, count: Int, context: StaticString? = nil,
                      _ arguments: [String: PhraseArgument] = [:]) -> Phrase {
        Phrase(domain: .model, english: one.description, englishPlural: other.description, count: count,
               context: context?.description, arguments: arguments)
    }
}
