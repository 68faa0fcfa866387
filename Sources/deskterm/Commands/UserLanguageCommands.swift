import ArgumentParser
import DeskModel

/// `--language TAG` of `user add` and `user set`: the language the user reads deskterm in,
/// checked before anything is written.
struct UserLanguageOption: ParsableArguments {
    @Option(name: .customLong("language"), help: ArgumentHelp("The language the user reads deskterm in: \(Language.tags).", valueName: "tag"))
    var tag: String?

    func validate() throws {
        guard let tag else { return }
        do { _ = try Language.named(tag) } catch { throw ValidationError(error.message) }
    }

    var chosen: Language? { tag.flatMap { try? Language.named($0) } }
}

struct UserSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change a user: the language they read deskterm in.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's handle.") var handle: String
    @OptionGroup var language: UserLanguageOption
    @Flag(help: "Forget the user's language: their terminal's (or English) is used again.") var clearLanguage = false

    func validate() throws {
        switch (language.tag != nil, clearLanguage) {
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
            let chosen = command.language.chosen
            try store.setUserLanguage(chosen, handle: command.handle)
            print(chosen.map { "\(command.handle) reads deskterm in \($0.nativeName) (\($0.rawValue))" }
                ?? "\(command.handle) reads deskterm in their terminal's language")
        }
    }
}
