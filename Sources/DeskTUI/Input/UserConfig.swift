import DeskModel
import Foundation

/// The user's config file (`$XDG_CONFIG_HOME/deskterm/config.toml`, else
/// `~/.config/deskterm/config.toml`): key bindings and colours, in a small TOML subset.
///
///     [keys]
///     reply = "R"                 # a command takes one key...
///     moveDown = ["j", "ctrl-n"]  # ...or several
///
///     [colors]
///     selected = "black on yellow"
///     internalNote = "magenta bold"
///
/// A bad line is reported by number and the defaults are used instead of the whole file.
public struct UserConfig: Equatable, Sendable {
    public var keymap: Keymap
    public var theme: Theme

    public init(keymap: Keymap = .standard, theme: Theme = .standard) {
        self.keymap = keymap
        self.theme = theme
    }

    public struct Problem: Error, Equatable, Sendable {
        public var line: Int
        public var message: String

        public var description: String { "config line \(line): \(message); using the defaults" }
    }

    public static func defaultPath(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/deskterm/config.toml" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/deskterm/config.toml"
    }

    /// Reads the file if it exists. A problem comes back with the defaults.
    public static func load(path: String) -> (config: UserConfig, problem: Problem?) {
        guard let data = FileManager.default.contents(atPath: path) else { return (UserConfig(), nil) }
        guard let text = String(data: data, encoding: .utf8) else {
            return (UserConfig(), Problem(line: 1, message: "the file is not UTF-8 text"))
        }
        do {
            return (try parse(text), nil)
        } catch let problem as Problem {
            return (UserConfig(), problem)
        } catch {
            return (UserConfig(), Problem(line: 1, message: "\(error)"))
        }
    }

    public static func parse(_ text: String) throws -> UserConfig {
        var config = UserConfig()
        var section = ""
        var rebound: [Command: [Key]] = [:]
        var reboundLine: [Command: Int] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw Problem(line: number, message: "a section header ends with ]") }
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                guard section == "keys" || section == "colors" else {
                    throw Problem(line: number, message: "unknown section [\(section)] (expected [keys] or [colors])")
                }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw Problem(line: number, message: "expected name = value")
            }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            switch section {
            case "keys":
                guard let command = Command(rawValue: name) else {
                    throw Problem(line: number, message: "unknown command '\(name)' (commands: \(Command.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                let names = try strings(value, line: number)
                guard !names.isEmpty else { throw Problem(line: number, message: "\(name) needs at least one key") }
                rebound[command] = try names.map { keyName in
                    guard let key = Key(name: keyName) else { throw Problem(line: number, message: "unknown key '\(keyName)'") }
                    if key == .control("c") && command != .quit {
                        throw Problem(line: number, message: "ctrl-c always quits; it cannot be bound to \(name)")
                    }
                    return key
                }
                reboundLine[command] = number
            case "colors":
                guard let style = Style.allCases.first(where: { "\($0)" == name }) else {
                    throw Problem(line: number, message: "unknown style '\(name)' (styles: \(Style.allCases.map { "\($0)" }.joined(separator: ", ")))")
                }
                let words = try strings(value, line: number)
                guard words.count == 1 else { throw Problem(line: number, message: "a colour is one quoted string") }
                config.theme.looks[style] = try look(words[0], line: number)
            default:
                throw Problem(line: number, message: "settings belong in a [keys] or [colors] section")
            }
        }
        for (command, keys) in rebound { config.keymap.bind(command, to: keys) }
        // Two commands on one key of one scope would make one of them unreachable: name the
        // later line. (The panes and the duplicate warning may share keys.)
        var owners: [KeyScope: [Key: Command]] = [:]
        for command in Command.allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
            for key in rebound[command] ?? [] {
                if let other = owners[command.scope]?[key], other != command {
                    throw Problem(line: max(reboundLine[command] ?? 1, reboundLine[other] ?? 1), message: "key '\(key.name)' is bound to both \(other.rawValue) and \(command.rawValue)")
                }
                owners[command.scope, default: [:]][key] = command
            }
        }
        return config
    }

    /// `"x"` or `["x", "y"]`.
    static func strings(_ value: String, line: Int) throws -> [String] {
        if value.hasPrefix("[") {
            guard value.hasSuffix("]") else { throw Problem(line: line, message: "a list ends with ]") }
            let inner = value.dropFirst().dropLast()
            return try inner.split(separator: ",").map { try quoted(String($0).trimmingCharacters(in: .whitespaces), line: line) }
        }
        return [try quoted(value, line: line)]
    }

    static func quoted(_ value: String, line: Int) throws -> String {
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else {
            throw Problem(line: line, message: "expected a quoted string, found \(value)")
        }
        return String(value.dropFirst().dropLast())
    }

    /// "black on yellow", "magenta bold", "reverse", "default on blue underline".
    static func look(_ text: String, line: Int) throws -> StyleLook {
        var look = StyleLook()
        var words = text.lowercased().split(separator: " ").map(String.init)
        if let on = words.firstIndex(of: "on") {
            guard on + 1 < words.count, let background = StyleLook.Color(rawValue: words[on + 1]) else {
                throw Problem(line: line, message: "'on' must be followed by a colour (\(StyleLook.Color.allCases.map(\.rawValue).joined(separator: ", ")))")
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
                    throw Problem(line: line, message: "unknown colour or attribute '\(word)'")
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
