import ArgumentParser
import DeskModel

/// `user set HANDLE --language TAG | --clear-language`: the language the user reads deskterm
/// in. `--language` is the global option (checked before anything is written): in `user add`
/// and `user set` the language a command speaks is the one it stores for the user.
struct UserSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change a user: the language they read deskterm in.",
        discussion: "--language TAG (\(Language.tags)) stores it; --clear-language forgets it, so their terminal's is used again.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's handle.") var handle: String
    @Flag(help: "Forget the user's language: their terminal's (or English) is used again.") var clearLanguage = false

    func validate() throws {
        switch (global.language != nil, clearLanguage) {
        case (false, false): throw ValidationError("Nothing to change: give --language TAG (\(Language.tags)) or --clear-language")
        case (true, true): throw ValidationError("Give --language or --clear-language, not both")
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
            print(chosen.map { "\(command.handle) reads deskterm in \($0.nativeName) (\($0.rawValue))" }
                ?? "\(command.handle) reads deskterm in their terminal's language")
        }
    }
}
