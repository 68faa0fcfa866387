extension PhraseDomain {
    /// The texts of the mail the desk sends: DeskModel writes them, DeskMail's bundle carries
    /// their catalogues (`Sources/DeskMail/Catalogues/<tag>.po`).
    public static let mail = PhraseDomain(name: "DeskMail")
}

extension Phrase {
    /// Declares a mail phrase; the English must be a literal (the catalogue check reads these
    /// calls from the sources).
    static func mail(_ english: StaticString, context: StaticString? = nil, _ arguments: [String: PhraseArgument] = [:]) -> Phrase {
        Phrase(domain: .mail, english: english.description, context: context?.description, arguments: arguments)
    }
}
