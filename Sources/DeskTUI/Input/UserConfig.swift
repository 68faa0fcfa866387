import DeskModel
import Foundation

/// The user's config file (`$XDG_CONFIG_HOME/deskterm/config.toml`, else
/// `~/.config/deskterm/config.toml`): key bindings and colours, in a small TOML subset.
///
///     osc52 = "on"                # y copies "#42 Subject" also in SSH sessions (auto, on, off)
///
///     [keys]
///     reply = "R"                 # a command takes one key...
///     moveDown = ["j", "ctrl-n"]  # ...or several
///
///     [colors]
///     selected = "black on yellow"
///     internalNote = "magenta bold"
///
/// A bad line costs only itself: the good lines apply, and the bad ones are named by number.
public struct UserConfig: Equatable, Sendable {
    public var keymap: Keymap
    public var theme: Theme
    /// Whether `y` copies to the terminal's clipboard (`OSC52.isEnabled`).
    public var osc52: ClipboardSetting = .auto

    public init(keymap: Keymap = .standard, theme: Theme = .standard) {
        self.keymap = keymap
        self.theme = theme
    }

    public struct Problem: Error, Equatable, Sendable {
        public var line: Int
        /// What is wrong with the line, shown in the reader's language.
        public var reason: Phrase

        public init(line: Int, reason: Phrase) {
            self.line = line
            self.reason = reason
        }

        /// The reason in English.
        public var message: String { reason.englishText }
        public var phrase: Phrase {
            .client("config line {line} ignored: {reason}", context: "config problem", ["line": .number(Int64(line)), "reason": .phrase(reason)])
        }
        public var description: String { phrase.englishText }
    }

    /// Every bad line of one file, in line order, told in one line for the bottom of the screen.
    public struct Problems: Error, Equatable, Sendable {
        public var problems: [Problem]

        /// For the bottom line, in the reader's language (`StatusMessage(.error, problems.phrase)`).
        public var phrase: Phrase {
            guard let first = problems.first else { return .verbatim("") }
            guard problems.count > 1 else { return first.phrase }
            let lines = problems.map { String($0.line) }.joined(separator: ", ")
            let reasons = problems.dropFirst().reduce(first.reason) { sofar, next in
                Phrase.client("{first}; {next}", context: "config problems", ["first": .phrase(sofar), "next": .phrase(next.reason)])
            }
            return .client("config lines {lines} ignored: {reasons}", context: "config problem", ["lines": .text(lines), "reasons": .phrase(reasons)])
        }
        public var description: String { phrase.englishText }
    }

    public static func defaultPath(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/deskterm/config.toml" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/deskterm/config.toml"
    }

    /// Reads the file if it exists: the good lines apply, the bad ones come back as problems.
    public static func load(path: String) -> (config: UserConfig, problem: Problems?) {
        guard let data = FileManager.default.contents(atPath: path) else { return (UserConfig(), nil) }
        guard let text = String(data: data, encoding: .utf8) else {
            return (UserConfig(), Problems(problems: [Problem(line: 1, reason: .client("the file is not UTF-8 text", context: "config problem"))]))
        }
        let (config, problems) = parseKeepingGoodLines(text)
        return (config, problems.isEmpty ? nil : Problems(problems: problems))
    }

    /// Strict: the first bad line is thrown.
    public static func parse(_ text: String) throws -> UserConfig {
        let (config, problems) = parseKeepingGoodLines(text)
        if let first = problems.first { throw first }
        return config
    }

    /// Each line on its own: a bad one is skipped and reported, the others apply. A bad
    /// section header skips the settings under it, since where they belong is unknown.
    public static func parseKeepingGoodLines(_ text: String) -> (UserConfig, [Problem]) {
        var config = UserConfig()
        var problems: [Problem] = []
        var section: String? = ""
        var rebound: [(command: Command, keys: [Key], line: Int)] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            do {
                if line.hasPrefix("[") {
                    section = nil
                    section = try sectionName(line, line: number)
                    continue
                }
                // Lines under a bad header belong to no known section: the header's problem covers them.
                guard let section else { continue }
                if section.isEmpty, let value = try TopLevelSetting.osc52(line, line: number) {
                    config.osc52 = value
                    continue
                }
                if let binding = try setting(line, in: section, line: number, theme: &config.theme) {
                    rebound.removeAll { $0.command == binding.command }
                    rebound.append((binding.command, binding.keys, number))
                }
            } catch let problem as Problem {
                problems.append(problem)
            } catch {
                problems.append(Problem(line: number, reason: .verbatim("\(error)")))
            }
        }
        // Two commands on one key of one scope would make one unreachable: the later line loses.
        // (The panes and the duplicate warning may share keys.)
        var owners: [KeyScope: [Key: Command]] = [:]
        for binding in rebound.sorted(by: { $0.line < $1.line }) {
            if let key = binding.keys.first(where: { owners[binding.command.scope]?[$0] != nil }),
               let other = owners[binding.command.scope]?[key] {
                problems.append(Problem(line: binding.line, reason: .client("key '{key}' is bound to both {first} and {second}", context: "config problem",
                                                                ["key": .text(key.name), "first": .text(other.rawValue), "second": .text(binding.command.rawValue)])))
                continue
            }
            for key in binding.keys { owners[binding.command.scope, default: [:]][key] = binding.command }
            config.keymap.bind(binding.command, to: binding.keys)
        }
        return (config, problems.sorted { $0.line < $1.line })
    }

    static func sectionName(_ line: String, line number: Int) throws -> String {
        guard line.hasSuffix("]") else { throw Problem(line: number, reason: .client("a section header ends with ]", context: "config problem")) }
        let section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        guard section == "keys" || section == "colors" else {
            throw Problem(line: number, reason: .client("unknown section [{section}] (expected [keys] or [colors])", context: "config problem", ["section": .text(section)]))
        }
        return section
    }

    /// One `name = value` line: a key binding is returned (bindings are checked together at the
    /// end); a colour is applied to `theme` at once.
    static func setting(_ line: String, in section: String, line number: Int, theme: inout Theme) throws -> (command: Command, keys: [Key])? {
        guard let equals = line.firstIndex(of: "=") else {
            throw Problem(line: number, reason: .client("expected name = value", context: "config problem"))
        }
        let name = line[..<equals].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        switch section {
        case "keys":
            guard let command = Command(rawValue: name) else {
                throw Problem(line: number, reason: .client("unknown command '{name}' (the help lists them)", context: "config problem", ["name": .text(name)]))
            }
            let names = try strings(value, line: number)
            guard !names.isEmpty else { throw Problem(line: number, reason: .client("{name} needs at least one key", context: "config problem", ["name": .text(name)])) }
            let keys = try names.map { keyName in
                guard let key = Key(name: keyName) else { throw Problem(line: number, reason: .client("unknown key '{key}'", context: "config problem", ["key": .text(keyName)])) }
                if key == .control("c") && command != .quit {
                    throw Problem(line: number, reason: .client("ctrl-c always quits; it cannot be bound to {name}", context: "config problem", ["name": .text(name)]))
                }
                return key
            }
            return (command, keys)
        case "colors":
            guard let style = Style.allCases.first(where: { "\($0)" == name }) else {
                throw Problem(line: number, reason: .client("unknown style '{name}' (styles: {styles})", context: "config problem",
                                                    ["name": .text(name), "styles": .text(Style.allCases.map { "\($0)" }.joined(separator: ", "))]))
            }
            let words = try strings(value, line: number)
            guard words.count == 1 else { throw Problem(line: number, reason: .client("a colour is one quoted string", context: "config problem")) }
            theme.looks[style] = try look(words[0], line: number)
            return nil
        default:
            throw Problem(line: number, reason: .client("settings belong in a [keys] or [colors] section", context: "config problem"))
        }
    }

    /// `"x"` or `["x", "y"]`.
    static func strings(_ value: String, line: Int) throws -> [String] {
        if value.hasPrefix("[") {
            guard value.hasSuffix("]") else { throw Problem(line: line, reason: .client("a list ends with ]", context: "config problem")) }
            let inner = value.dropFirst().dropLast()
            return try inner.split(separator: ",").map { try quoted(String($0).trimmingCharacters(in: .whitespaces), line: line) }
        }
        return [try quoted(value, line: line)]
    }

    static func quoted(_ value: String, line: Int) throws -> String {
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else {
            throw Problem(line: line, reason: .client("expected a quoted string, found {value}", context: "config problem", ["value": .text(value)]))
        }
        return String(value.dropFirst().dropLast())
    }

    /// "black on yellow", "magenta bold", "reverse", "default on blue underline".
    static func look(_ text: String, line: Int) throws -> StyleLook {
        var look = StyleLook()
        var words = text.lowercased().split(separator: " ").map(String.init)
        if let on = words.firstIndex(of: "on") {
            guard on + 1 < words.count, let background = StyleLook.Color(rawValue: words[on + 1]) else {
                throw Problem(line: line, reason: .client("'on' must be followed by a colour ({colours})", context: "config problem",
                                                        ["colours": .text(StyleLook.Color.allCases.map(\.rawValue).joined(separator: ", "))]))
            }
            look.background = background
            words.removeSubrange(on...(on + 1))
        }
        for word in words {
            switch word {
            case "bold": look.bold = true
            case "dim": look.dim = true
            case "reverse": look.reverse = true
            case "underline": look.underline = true
            default:
                guard let color = StyleLook.Color(rawValue: word) else {
                    throw Problem(line: line, reason: .client("unknown colour or attribute '{word}'", context: "config problem", ["word": .text(word)]))
                }
                look.foreground = color
            }
        }
        return look
    }

    static func stripComment(_ line: String) -> String {
        var inQuotes = false
        var result = ""
        for character in line {
            if character == "\"" { inQuotes.toggle() }
            if character == "#" && !inQuotes { break }
            result.append(character)
        }
        return result
    }
}
