import ArgumentParser
import DeskModel
import Foundation

/// Where a ticket command runs: on the desk and as the user its caller chose, reading input
/// the way that caller may. Each use case is written once, as `run(in:)`, and the command
/// line and an SSH session both call it.
struct CommandContext {
    enum Origin {
        /// A local user: global options name the desk and the user; files may be read.
        case commandLine
        /// An SSH client: the session's desk and the key's user; nothing of the server's file
        /// system is read, input comes from standard input only.
        case sshClient
    }

    let origin: Origin
    /// Over SSH, the session's desk (a key authorised there gets a forced command naming it).
    var sshDesk: DeskAddress?
    private let openDesk: () throws(DeskError) -> ActingDesk

    /// The command line opens the desk only when the command gets that far, so that a usage
    /// mistake is reported before a missing desk.
    static func commandLine(_ global: GlobalOptions) -> CommandContext {
        CommandContext(origin: .commandLine, sshDesk: nil) { () throws(DeskError) in
            let store = try global.openStore()
            return ActingDesk(store: store, viewer: try global.viewer(in: store), languageOption: global.chosenLanguage)
        }
    }

    /// An SSH session opened its desk once for the whole process (see `Desk.open`)
    /// and pinned the viewer to the key's user.
    /// `language`: the client's `--language`, else the session's (`ssh-session --language`).
    static func sshClient(store: any DeskStore, viewer: Viewer, language: Language? = nil, desk: DeskAddress? = nil) -> CommandContext {
        CommandContext(origin: .sshClient, sshDesk: desk) { () throws(DeskError) in ActingDesk(store: store, viewer: viewer, languageOption: language) }
    }

    /// The desk, and from now on the command speaks the acting user's language.
    func desk() throws(DeskError) -> ActingDesk {
        let desk = try openDesk()
        CommandLanguage.set(desk.language)
        return desk
    }
}

/// The desk a command works on and the user it acts as.
struct ActingDesk {
    let store: any DeskStore
    let viewer: Viewer
    var languageOption: Language?

    /// The language of the command's human output (`LanguageChoice`); the stored language is
    /// read only by the commands that write dates or numbers for people.
    var language: Language {
        LanguageChoice.language(
            option: languageOption, stored: (try? store.userSettings(viewer: viewer)).flatMap(LanguageChoice.stored),
            environment: ProcessInfo.processInfo.environment)
    }
}

/// A ticket command: its options are parsed the same way on the command line and over SSH,
/// and `run(in:)` is its one implementation.
protocol DeskCommand: ParsableCommand {
    var global: GlobalOptions { get }
    func run(in context: CommandContext) throws(DeskError)
}

extension DeskCommand {
    /// From the command line: on the desk and as the user the global options name.
    func run() throws {
        try runReportingErrors { () throws(DeskError) in try run(in: .commandLine(global)) }
    }
}
