import DeskModel
import Foundation

/// The language the command line speaks, one per process, decided in the order of
/// `LanguageChoice`: `--language`, the acting user's stored language, then the environment.
///
/// It is decided twice: before parsing, from the arguments and the environment alone
/// (`prescan`), so that `--help` and usage errors can be translated; then again once the desk
/// says who is acting (`actingUser`), so that refusals and output follow the user's stored
/// language. Over SSH sshd passes no locale: the session sets the key owner's language.
enum CommandLanguage {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var chosen: Language = .english
    nonisolated(unsafe) private static var option: Language?

    static var current: Language { lock.withLock { chosen } }

    /// Before parsing: `--language TAG` (or `--language=TAG`) among the arguments, else the
    /// environment. `user add|set --language` names the user's language, not the one to speak.
    static func prescan(_ arguments: [String], environment: [String: String]) {
        let option = languageOption(in: arguments)
        lock.withLock {
            Self.option = option
            chosen = LanguageChoice.language(option: option, stored: nil, environment: environment)
        }
    }

    /// Once the acting user is known: their stored language unless `--language` was given.
    static func actingUser(_ viewer: Viewer, in store: any DeskStore, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let stored = (try? store.userSettings(viewer: viewer)).flatMap(LanguageChoice.stored)
        lock.withLock { chosen = LanguageChoice.language(option: option, stored: stored, environment: environment) }
    }

    /// Sets the language outright (an SSH session, which has decided it itself).
    static func set(_ language: Language) {
        lock.withLock { chosen = language }
    }

    /// A duration in seconds with one decimal, as the language writes it (`1.5`, `1,5`).
    static func seconds(_ duration: Double) -> String {
        let tenths = Int((max(0, duration) * 10).rounded())
        return NumberText.oneDecimal(tenths / 10, tenth: tenths % 10, in: current)
    }

    static func languageOption(in arguments: [String]) -> Language? {
        let words = Array(arguments.prefix { $0 != "--" })
        if let user = words.firstIndex(of: "user"), user + 1 < words.count, ["add", "set"].contains(words[user + 1]) { return nil }
        var found: Language?
        for (index, word) in words.enumerated() {
            if word == "--language", index + 1 < words.count {
                found = Language(tag: words[index + 1]) ?? found
            } else if word.hasPrefix("--language=") {
                found = Language(tag: String(word.dropFirst("--language=".count))) ?? found
            }
        }
        return found
    }
}
