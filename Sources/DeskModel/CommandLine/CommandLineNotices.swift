/// The command line's refusals, in one place like `Notices`.
public enum CommandLineNotices {
    public static func unknownCommand(_ word: String) -> String {
        "Unknown command '\(TextSafety.sanitizedLine(String(word.prefix(40))))' (Tab lists the commands)"
    }
    public static func ambiguous(_ word: String, _ names: [String]) -> String {
        "'\(word)' could be \(names.joined(separator: ", ")): type more"
    }
    public static func needs(_ command: String, _ what: String) -> String { ":\(command) needs \(what)" }
    public static func unknown(_ what: String, _ value: String, _ accepted: String) -> String {
        "unknown \(what) '\(TextSafety.sanitizedLine(String(value.prefix(40))))' (\(what == "status" ? "statuses" : what + "s"): \(accepted))"
    }
    public static func staffOnly(_ command: String) -> String { ":\(command) is for agents" }
}
