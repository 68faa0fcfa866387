import Foundation

/// A language as a person names it on a command line or in the client (`--language fr`,
/// `:language de`): a tag we have, or a refusal that lists the tags we have.
extension Language {
    /// The tags we have, as refusals and help list them: `en, fr, it, de, es, ja, pt-BR`.
    public static var tags: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Reads a language someone typed. Locale spellings (`fr_FR.UTF-8`, `pt_br`) are taken;
    /// `C`, `POSIX`, an empty value and languages we do not have are refused.
    public static func named(_ text: String) throws(DeskError) -> Language {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let language = Language(tag: trimmed) else {
            throw .refused(CommandLineNotices.unknownLanguage(trimmed, accepted: tags))
        }
        return language
    }
}
