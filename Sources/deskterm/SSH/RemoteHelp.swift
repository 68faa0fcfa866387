import ArgumentParser
import DeskModel
import Foundation

/// `help` over SSH, made from the allowed commands' own definitions, so that it lists exactly
/// what an SSH client may run, with the options the command line has.
enum RemoteHelp {
    static func text(for topic: (any ParsableCommand.Type)?) -> String {
        guard let topic else { return overview }
        return topic.helpMessage(columns: 80).trimmingCharacters(in: .newlines)
    }

    static var overview: String {
        let usages = RemoteRequest.allowed.map { "  " + $0.usageString() } + ["  help [<command>]"]
        let notes: [Phrase] = [
            .cli("new and reply read their text from standard input (--body-file takes only -);"),
            .cli("attach NUMBER NAME reads the file's bytes from standard input;"),
            .cli("download NUMBER NAME writes them to standard output (--output is for the command line)."),
            .cli("`help COMMAND` or `COMMAND --help` describes one command."),
        ]
        return ([String.cli("Commands over SSH (without one, you get the full-screen desk):")] + usages + [""] + notes.map(\.shown))
            .joined(separator: "\n")
    }
}
