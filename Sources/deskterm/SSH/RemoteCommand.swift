import DeskModel
import Foundation

/// The short allow-list of commands a client may send over SSH (`ssh support@desk list`).
/// The command line is split into words here, never by a shell; anything else is refused.
enum RemoteRequest: Equatable {
    case list(view: CaseView, sort: SortKey, oldestFirst: Bool, limit: Int, format: OutputFormat)
    case show(number: Int64, format: ShowFormat)
    case new(subject: String, kind: TicketKind, urgency: Urgency, product: String, category: String)
    case reply(number: Int64)
    case attach(number: Int64, name: String)
    case help

    static let usage = """
        Commands over SSH (without one, you get the full-screen desk):
          list [--view recent|active|mine|open|all] [--sort created|updated|triage] [--oldest-first] [--limit N] [--format table|json]
          show NUMBER [--format text|json]
          new --subject TEXT [--kind incident|serviceRequest|question] [--urgency none|low|serious|critical] [--product P] [--category C]   (description on stdin)
          reply NUMBER   (message on stdin)
          attach NUMBER NAME   (file bytes on stdin)
          help
        """

    struct Refusal: Error, Equatable {
        var message: String
    }

    static func parse(_ commandLine: String) throws(Refusal) -> RemoteRequest {
        var words = try split(commandLine)
        guard !words.isEmpty else { throw Refusal(message: "empty command (try: help)") }
        let verb = words.removeFirst()
        // The verb first: `scp -f /etc/passwd` is refused as scp, not as an option of it.
        guard verbs.contains(verb) else { throw notAvailable(verb) }
        var options = try Options(words, verb: verb)
        switch verb {
        case "help":
            try options.finish(positionals: 0)
            return .help
        case "list":
            let view = try options.value("--view").map { text throws(Refusal) in
                guard let view = CaseView(lenient: text) else { throw Refusal(message: "unknown view '\(text)' (views: \(CaseView.spellings))") }
                return view
            } ?? .active
            let sort = try options.value("--sort").map { text throws(Refusal) in
                guard let key = SortKey(lenient: text) else { throw Refusal(message: "unknown sort '\(text)' (sorts: \(SortKey.spellings))") }
                return key
            } ?? .created
            let limit = try options.value("--limit").map { text throws(Refusal) in
                guard let n = Int(text), (1...1000).contains(n) else { throw Refusal(message: "--limit takes a number from 1 to 1000") }
                return n
            } ?? 50
            let format = try options.format(OutputFormat.self) ?? .table
            let oldestFirst = options.flag("--oldest-first")
            try options.finish(positionals: 0)
            return .list(view: view, sort: sort, oldestFirst: oldestFirst, limit: limit, format: format)
        case "show":
            let format = try options.format(ShowFormat.self) ?? .text
            try options.finish(positionals: 1)
            return .show(number: try ticketNumber(options.positionals[0]), format: format)
        case "new":
            guard let subject = try options.value("--subject") else { throw Refusal(message: "new needs --subject TEXT") }
            let kind = try options.value("--kind").map { text throws(Refusal) in
                guard let kind = TicketKind(lenient: text) else { throw Refusal(message: "unknown kind '\(text)' (kinds: \(TicketKind.spellings))") }
                return kind
            } ?? .question
            let urgency = try options.value("--urgency").map { text throws(Refusal) in
                guard let urgency = Urgency(lenient: text) else { throw Refusal(message: "unknown urgency '\(text)' (urgencies: \(Urgency.spellings))") }
                return urgency
            } ?? .none
            let product = try options.value("--product") ?? ""
            let category = try options.value("--category") ?? ""
            try options.finish(positionals: 0)
            return .new(subject: subject, kind: kind, urgency: urgency, product: product, category: category)
        case "reply":
            try options.finish(positionals: 1)
            return .reply(number: try ticketNumber(options.positionals[0]))
        case "attach":
            try options.finish(positionals: 2)
            let name = options.positionals[1]
            guard !name.contains("/"), name != ".", name != ".." else { throw Refusal(message: "an attachment name is a plain file name, not a path") }
            return .attach(number: try ticketNumber(options.positionals[0]), name: name)
        default:
            throw notAvailable(verb)
        }
    }

    static let verbs: Set<String> = ["help", "list", "show", "new", "reply", "attach"]

    static func notAvailable(_ verb: String) -> Refusal {
        Refusal(message: "'\(String(verb.prefix(40)))' is not available over SSH (try: help)")
    }

    static func ticketNumber(_ text: String) throws(Refusal) -> Int64 {
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard let number = Int64(digits), number > 0 else { throw Refusal(message: "'\(text.prefix(40))' is not a ticket number") }
        return number
    }

    /// Splits on blanks; single and double quotes group words. No variables, no globbing,
    /// no escapes beyond \" and \\ inside double quotes: this is not a shell.
    static func split(_ line: String) throws(Refusal) -> [String] {
        if line.unicodeScalars.contains(where: { TextSafety.placeholder(for: $0) != nil || $0 == "\n" || $0 == "\r" }) {
            throw Refusal(message: "control characters are not allowed in a command")
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
        if quote != nil { throw Refusal(message: "unbalanced quote in the command") }
        if inWord { words.append(current) }
        return words
    }

    /// `--name value` options and positionals of one command; unknown options are refused.
    struct Options {
        var named: [String: String] = [:]
        var flags: Set<String> = []
        var positionals: [String] = []
        var verb: String
        private var used: Set<String> = []

        static let flagNames: Set<String> = ["--oldest-first"]

        init(_ words: [String], verb: String) throws(Refusal) {
            self.verb = verb
            var index = 0
            while index < words.count {
                let word = words[index]
                if word.hasPrefix("--") {
                    if Self.flagNames.contains(word) {
                        flags.insert(word)
                    } else {
                        guard index + 1 < words.count else { throw Refusal(message: "\(word) needs a value") }
                        named[word] = words[index + 1]
                        index += 1
                    }
                } else if word.hasPrefix("-") && word.count > 1 {
                    throw Refusal(message: "unknown option \(word.prefix(40)) for \(verb) (try: help)")
                } else {
                    positionals.append(word)
                }
                index += 1
            }
        }

        mutating func value(_ name: String) throws(Refusal) -> String? {
            used.insert(name)
            return named[name]
        }

        mutating func flag(_ name: String) -> Bool {
            used.insert(name)
            return flags.contains(name)
        }

        mutating func format<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws(Refusal) -> T? where T.RawValue == String {
            guard let text = try value("--format") else { return nil }
            guard let format = T(rawValue: text) else {
                throw Refusal(message: "unknown format '\(text)' (formats: \(T.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return format
        }

        /// Refuses options this command does not take (`--user`, `--db`...) and extra words.
        func finish(positionals expected: Int) throws(Refusal) {
            if let unknown = (Set(named.keys).union(flags)).subtracting(used).sorted().first {
                throw Refusal(message: "unknown option \(unknown.prefix(40)) for \(verb) (try: help)")
            }
            if positionals.count != expected {
                throw Refusal(message: positionals.count > expected
                    ? "unexpected '\(positionals[expected].prefix(40))' after \(verb) (try: help)"
                    : "\(verb) needs \(expected == 1 ? "a ticket number" : "a ticket number and a name") (try: help)")
            }
        }
    }
}
