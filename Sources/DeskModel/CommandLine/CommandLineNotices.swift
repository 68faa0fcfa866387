/// The command line's refusals, in one place like `Notices`.
public enum CommandLineNotices {
    public static func unknownCommand(_ word: String) -> Phrase {
        .model("Unknown command '{word}' (Tab lists the commands)", ["word": .text(TextSafety.sanitizedLine(String(word.prefix(40))))])
    }
    public static func ambiguous(_ word: String, _ names: [String]) -> Phrase {
        .model("'{word}' could be {commands}: type more", ["word": .text(word), "commands": .text(names.joined(separator: ", "))])
    }
    /// What a command lacks: `what` names it (`needsHandle`, …).
    public static func needs(_ command: String, _ what: Phrase) -> Phrase {
        .model(":{command} needs {what}", ["command": .text(command), "what": .phrase(what)])
    }
    static let needsHandle = Phrase.model("a handle, me or none", context: "command argument")
    static let needsStatus = Phrase.model("a status", context: "command argument")
    static let needsView = Phrase.model("a view's name", context: "command argument")
    static let needsSave = Phrase.model("a name, then conditions like status:open", context: "command argument")
    static let needsTicketNumber = Phrase.model("a ticket number", context: "command argument")

    public static func unknownStatus(_ value: String, accepted: String) -> Phrase {
        .model("unknown status '{value}' (statuses: {accepted})",
               ["value": .text(TextSafety.sanitizedLine(String(value.prefix(40)))), "accepted": .text(accepted)])
    }
    public static func unknownView(_ value: String, accepted: String) -> Phrase {
        .model("unknown view '{value}' (views: {accepted})",
               ["value": .text(TextSafety.sanitizedLine(String(value.prefix(40)))), "accepted": .text(accepted)])
    }
    public static func unknownSort(_ value: String, accepted: String) -> Phrase {
        .model("unknown sort '{value}' (sorts: {accepted})",
               ["value": .text(TextSafety.sanitizedLine(String(value.prefix(40)))), "accepted": .text(accepted)])
    }
    public static func staffOnly(_ command: String) -> Phrase { .model(":{command} is for agents", ["command": .text(command)]) }
}
