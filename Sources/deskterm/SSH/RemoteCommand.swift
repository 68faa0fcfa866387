import ArgumentParser
import DeskModel
import Foundation

/// What an SSH client asked for (`ssh support@desk list --view all`): one of the CLI's ticket
/// commands, parsed by the same ArgumentParser types, or help. The command line is split into
/// words here, never by a shell; the verb must be on the allow-list, and nothing may pick the
/// desk, the user, or a file of the server.
enum RemoteRequest {
    case run(any RemoteDeskCommand)
    case help(topic: (any ParsableCommand.Type)?)

    /// The commands an SSH client may run, in the order `help` lists them. A group (`view`,
    /// `settings`) allows its subcommands, each a `RemoteDeskCommand`.
    static let allowed: [any ParsableCommand.Type] = [
        ListCommand.self, ShowCommand.self, NewCommand.self, ReplyCommand.self, AttachCommand.self, DownloadCommand.self,
        SearchCommand.self, WatchCommand.self, UnwatchCommand.self, ViewCommand.self, SettingsCommand.self,
        EditCommand.self,
        KBCommand.self, UserCommand.self, SSHCommand.self, AuditCommand.self,
        CallbackCommand.self,
    ]

    struct Refusal: Error, Equatable {
        var phrase: Phrase
        /// In English, for the server's audit log.
        var message: String { phrase.englishText }
    }

    static func parse(_ commandLine: String) throws(Refusal) -> RemoteRequest {
        var words = try split(commandLine)
        guard !words.isEmpty else { throw Refusal(phrase: .cli("empty command (try: help)")) }
        let verb = words.removeFirst()
        // The verb first: `scp -f /etc/passwd` is refused as scp, not as an option of it.
        if verb == "help" {
            guard words.count <= 1 else { throw Refusal(phrase: .cli("help takes at most one command (try: help)")) }
            return .help(topic: try words.first.map { word throws(Refusal) in try commandType(word) })
        }
        let type = try commandType(verb)
        let parsed: ParsableCommand
        do {
            parsed = try type.parseAsRoot(words)
        } catch {
            // `list --help` is a request, not a mistake.
            if type.exitCode(for: error) == .success { return .help(topic: type) }
            // ArgumentParser's own words stay English; the hint is the reader's.
            throw Refusal(phrase: .cli("{problem} (try: help)", ["problem": .text(oneLine(type.message(for: error)))]))
        }
        // A writing subcommand of an allowed group (`kb add`) stays on the server.
        if parsed is any DeskCommand, !(parsed is any RemoteDeskCommand) {
            throw Refusal(phrase: .cli("'{command}' is not available over SSH (try: help)", ["command": .text("\(verb) \(String((words.first ?? "").prefix(40)))")]))
        }
        guard let command = parsed as? any RemoteDeskCommand else {
            // A command of an allowed group that works on the server's own files (`ssh list
            // --authorized-keys`, `user list`) is refused, not answered with help.
            let parsedType = ObjectIdentifier(Swift.type(of: parsed))
            if Swift.type(of: parsed).configuration.subcommands.isEmpty,
               type.configuration.subcommands.contains(where: { ObjectIdentifier($0) == parsedType }) {
                throw Refusal(phrase: .cli("'{command}' is not available over SSH (try: help)", ["command": .text("\(verb) \(String((words.first ?? "").prefix(40)))")]))
            }
            return .help(topic: type)
        }
        if let option = command.global.given.first {
            throw Refusal(phrase: .cli("{option} is not available over SSH: your key decides the desk and who you are", ["option": .text(option)]))
        }
        if let refusal = command.sshRefusal { throw Refusal(phrase: refusal) }
        return .run(command)
    }

    static func commandType(_ verb: String) throws(Refusal) -> any ParsableCommand.Type {
        guard let type = allowed.first(where: { $0.configuration.commandName == verb }) else {
            throw Refusal(phrase: .cli("'{command}' is not available over SSH (try: help)", ["command": .text(String(verb.prefix(40)))]))
        }
        return type
    }

    /// ArgumentParser's messages may run over lines; a refusal is one line.
    private static func oneLine(_ message: String) -> String {
        message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// Splits on blanks; single and double quotes group words. No variables, no globbing,
    /// no escapes beyond \" and \\ inside double quotes: this is not a shell.
    static func split(_ line: String) throws(Refusal) -> [String] {
        if line.unicodeScalars.contains(where: { TextSafety.placeholder(for: $0) != nil || $0 == "\n" || $0 == "\r" }) {
            throw Refusal(phrase: .cli("control characters are not allowed in a command"))
        }
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaping = false
        for character in line {
            if escaping {
                current.append(character)
                escaping = false
                continue
            }
            if let open = quote {
                if character == open {
                    quote = nil
                } else if open == "\"" && character == "\\" {
                    escaping = true
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "'", "\"":
                quote = character
                inWord = true
            case " ", "\t":
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if quote != nil { throw Refusal(phrase: .cli("unbalanced quote in the command")) }
        if inWord { words.append(current) }
        return words
    }
}
