import ArgumentParser
import DeskModel

/// `user set HANDLE --language TAG | --clear-language`: the language the user reads deskterm
/// in. `--language` is the global option (checked before anything is written): in `user add`
/// and `user set` it is the language stored for the user, not the one the command speaks
/// (`CommandLanguage.prescan`).
struct UserSet: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "set", abstract: .cli("Change a user: the language they read deskterm in."),
        discussion: .cli("--language TAG ({tags}) stores it; --clear-language forgets it, so their terminal's is used again.", ["tags": .text(Language.tags)])) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("The user's handle.")) var handle: String
    @Flag(help: .cli("Forget the user's language: their terminal's (or English) is used again.")) var clearLanguage = false

    func validate() throws {
        switch (global.language != nil, clearLanguage) {
        case (false, false): throw ValidationError(.cli("Nothing to change: give --language TAG ({tags}) or --clear-language", ["tags": .text(Language.tags)]))
        case (true, true): throw ValidationError(.cli("Give --language or --clear-language, not both"))
        default: break
        }
    }

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            try command.global.requireAdminIfNamed(in: store)
            let chosen = command.global.chosenLanguage
            try store.setUserLanguage(chosen, handle: command.handle)
            let handle = PhraseArgument.text(command.handle)
            say(chosen.map { .cli("{handle} reads deskterm in {language} ({tag})", ["handle": handle, "language": .text($0.nativeName), "tag": .text($0.rawValue)]) }
                ?? .cli("{handle} reads deskterm in their terminal's language", ["handle": handle]))
        }
    }
}
