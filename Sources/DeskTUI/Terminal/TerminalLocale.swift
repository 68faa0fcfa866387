import Foundation

/// The C library's character type decides what curses can write: without a UTF-8 one it
/// silently drops every accent, CJK character and symbol. `LANG` is often `C` or unset (a
/// minimal container, a cron job's environment, sshd passing on no locale), or names a
/// locale this system lacks.
public enum TerminalLocale {
    /// Sets the locale from the environment, or C.UTF-8 when that is not UTF-8 and the system
    /// has it. Returns whether the terminal can be written UTF-8.
    @discardableResult
    public static func useUTF8() -> Bool {
        if setlocale(LC_ALL, "") != nil, isUTF8 { return true }
        for fallback in ["C.UTF-8", "C.utf8"] where setlocale(LC_ALL, fallback) != nil && isUTF8 {
            // Programs the client starts ($EDITOR) read and write the same text.
            setenv("LC_ALL", fallback, 1)
            return true
        }
        setlocale(LC_ALL, "")
        return false
    }

    static var isUTF8: Bool {
        String(cString: nl_langinfo(nl_item(CODESET))).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    }
}
