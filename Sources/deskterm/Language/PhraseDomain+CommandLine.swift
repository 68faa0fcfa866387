import ArgumentParser
import DeskModel

extension PhraseDomain {
    /// The command line's own phrases: confirmations, table titles, refusals, SSH help and
    /// `--help` (`Catalogues/<tag>.po`, bundle `deskterm_deskterm.resources`).
    static let commandLine = PhraseDomain(name: "deskterm")
}

// Every declaration is a `.cli` call with an English literal: the catalogue check reads them
// from the sources (like xgettext), whatever type the call returns.

extension Phrase {
    /// Declares a command-line phrase, rendered later in the language of whoever reads it.
    static func cli(_ english: StaticString, context: StaticString? = nil, _ arguments: [String: PhraseArgument] = [:]) -> Phrase {
        commandLine(english, context: context, arguments)
    }

    /// The declaration itself, for the other overloads: the catalogue check reads only calls
    /// whose English is a literal.
    fileprivate static func commandLine(_ english: StaticString, context: StaticString?, _ arguments: [String: PhraseArgument]) -> Phrase {
        Phrase(domain: .commandLine, english: english.description, context: context?.description, arguments: arguments)
    }

    /// Declares a counted command-line phrase: `one` and `other` are the English forms.
    static func cli(one: StaticString, other: StaticString, count: Int, context: StaticString? = nil,
                    _ arguments: [String: PhraseArgument] = [:]) -> Phrase {
        Phrase(domain: .commandLine, english: one.description, englishPlural: other.description, count: count,
               context: context?.description, arguments: arguments)
    }

    /// The phrase in the language the command speaks (`CommandLanguage.current`).
    var shown: String { text(in: CommandLanguage.current) }
}

extension String {
    /// A command-line phrase in the language the command speaks, where text is needed now
    /// (help strings, table titles).
    static func cli(_ english: StaticString, context: StaticString? = nil, _ arguments: [String: PhraseArgument] = [:]) -> String {
        Phrase.commandLine(english, context: context, arguments).shown
    }
}

extension ArgumentHelp {
    /// Help for an option or argument, in the language known before parsing
    /// (`CommandLanguage.prescan`): ArgumentParser reads it when it prints help.
    static func cli(_ english: StaticString, context: StaticString? = nil, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(Phrase.commandLine(english, context: context, [:]).shown, valueName: valueName)
    }
}

extension DeskError {
    /// A refusal worded by the command line, shown in the reader's language.
    static func cli(_ english: StaticString, _ arguments: [String: PhraseArgument] = [:]) -> DeskError {
        .refused(Phrase.commandLine(english, context: nil, arguments))
    }
}

/// Prints a phrase on standard output in the language the command speaks.
func say(_ phrase: Phrase) {
    print(phrase.shown)
}
