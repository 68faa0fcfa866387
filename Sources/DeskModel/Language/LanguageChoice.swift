/// Which language a command or a session speaks, decided in one place, in this order:
/// 1. `--language` (already read by `Language.named`, so a bad value is refused before this);
/// 2. the user's language stored in the desk (`user set --language`), which is how a customer
///    over SSH gets theirs: sshd passes no locale;
/// 3. `LANGUAGE`, a colon-separated list: the first language we have in it;
/// 4. the locale of messages: `LC_ALL`, else `LC_MESSAGES`, else `LANG` (the first one set
///    and not empty decides, as POSIX has it; `C`/`POSIX` or a language we do not have
///    name none, so the answer is English rather than a weaker variable's language);
/// 5. English.
///
/// Unlike GNU gettext, `LANGUAGE` counts even when the locale is `C`/`C.UTF-8`: this is the
/// only UTF-8 locale many servers have, and `LANG=C.UTF-8 LANGUAGE=fr` must give French.
public enum LanguageChoice {
    public static func language(option: Language?, stored: Language?, environment: [String: String]) -> Language {
        option ?? stored ?? fromEnvironment(environment) ?? .english
    }

    /// What the environment names, nil when it names no language we have.
    public static func fromEnvironment(_ environment: [String: String]) -> Language? {
        if let list = environment["LANGUAGE"] {
            for entry in list.split(separator: ":") {
                if let language = Language(tag: String(entry)) { return language }
            }
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return locale.flatMap { Language(tag: $0) }
    }

    /// The stored language as `UserSettings` keeps it; a value no longer understood (written
    /// by a later version, say) is passed over rather than refused.
    public static func stored(_ settings: UserSettings) -> Language? {
        settings.language.flatMap { Language(rawValue: $0) ?? Language(tag: $0) }
    }
}
