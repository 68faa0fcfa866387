extension Phrase {
    /// Phrases side by side with `separator` between them, each in the reader's language: a list
    /// of reasons. The separator is punctuation, the same in every language.
    public static func joined(_ phrases: [Phrase], separator: String) -> Phrase {
        var arguments: [String: PhraseArgument] = [:]
        var names: [String] = []
        for (index, phrase) in phrases.enumerated() {
            names.append("{part\(index)}")
            arguments["part\(index)"] = .phrase(phrase)
        }
        return Phrase(domain: .verbatim, english: names.joined(separator: separator), arguments: arguments)
    }
}
