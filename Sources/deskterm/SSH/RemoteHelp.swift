import ArgumentParser
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
        return """
            Commands over SSH (without one, you get the full-screen desk):
            \(usages.joined(separator: "\n"))

            new and reply read their text from standard input (--body-file takes only -);
            attach NUMBER NAME reads the file's bytes from standard input;
            download NUMBER NAME writes them to standard output (--output is for the command line).
            `help COMMAND` or `COMMAND --help` describes one command.
            """
    }
}
