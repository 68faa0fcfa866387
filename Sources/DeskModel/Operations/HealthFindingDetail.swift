/// What `doctor` and `verify` say they found, as phrases: the report shows them in its reader's
/// language and its JSON in English. Shared by the SQLite and PostgreSQL checks, which word the
/// same finding the same way. Names, paths, modes and table names stay as they are.
public enum HealthFindingDetail {
    public static func noDesk(in address: String) -> Phrase {
        .model("No desk in {address}", ["address": .text(address)])
    }

    static func integrity(_ lines: [String]) -> Phrase {
        .model("SQLite's integrity check: {lines}", ["lines": .text(lines.joined(separator: "; "))])
    }

    static func brokenLinks(_ count: Int, link: String) -> Phrase {
        .model(one: "{count} row of {link} refers to a row that does not exist",
               other: "{count} rows of {link} refer to rows that do not exist", count: count, ["link": .text(link)])
    }

    static func unknownMigrations(_ names: [String]) -> Phrase {
        .model("written by a newer deskterm (migrations unknown here: {names}): use that version", ["names": .text(names.joined(separator: ", "))])
    }

    public static func unknownSteps(_ names: [String]) -> Phrase {
        .model("written by a newer deskterm (steps unknown here: {names}): use that version", ["names": .text(names.joined(separator: ", "))])
    }

    static func cjkIndex(ofTickets: Bool, missing: Int, extra: Int) -> Phrase {
        let arguments: [String: PhraseArgument] = ["extra": .quantity(Int64(extra))]
        return ofTickets
            ? .model(one: "the CJK index of tickets lacks {count} row and has {extra} that should not be there",
                     other: "the CJK index of tickets lacks {count} rows and has {extra} that should not be there", count: missing, arguments)
            : .model(one: "the CJK index of messages lacks {count} row and has {extra} that should not be there",
                     other: "the CJK index of messages lacks {count} rows and has {extra} that should not be there", count: missing, arguments)
    }

    /// A stored ticket counter against a recount; `stored` nil when its row is missing.
    public static func counter(_ key: String, stored: Int64?, recount: Int64) -> Phrase {
        guard let stored else {
            return .model("ticket_count '{key}' is missing, a recount gives {recount}", ["key": .text(key), "recount": .number(recount)])
        }
        return .model("ticket_count '{key}' is {stored}, a recount gives {recount}",
                      ["key": .text(key), "stored": .number(stored), "recount": .number(recount)])
    }

    /// Rows of the report's per-day counts (`report_day`) a recount gives otherwise.
    public static func reportDays(_ count: Int) -> Phrase {
        .model(one: "{count} row of the report's per-day counts (report_day) differs from a recount",
               other: "{count} rows of the report's per-day counts (report_day) differ from a recount", count: count)
    }

    /// Tickets whose kept first-response time a recount gives otherwise.
    public static func firstResponses(_ count: Int) -> Phrase {
        .model(one: "{count} ticket's kept first-response time differs from its history",
               other: "{count} tickets' kept first-response times differ from their history", count: count)
    }

    static func bodyLengths(_ count: Int) -> Phrase {
        .model(one: "{count} message's stored body length differs from the body",
               other: "{count} messages' stored body lengths differ from their bodies", count: count)
    }

    public static func readMarks(_ count: Int) -> Phrase {
        .model(one: "{count} read mark names a message that is not the ticket's, or no time",
               other: "{count} read marks name a message that is not the ticket's, or no time", count: count)
    }

    static func wordIndex(ofTickets: Bool, table: String) -> Phrase {
        ofTickets
            ? .model("the word index of tickets ({table}) does not match their text", ["table": .text(table)])
            : .model("the word index of messages ({table}) does not match their text", ["table": .text(table)])
    }

    // MARK: - Permissions

    static func openToEveryone(_ file: String, readable: Bool, writable: Bool, mode: String) -> Phrase {
        let arguments: [String: PhraseArgument] = ["file": .text(file), "mode": .text(mode)]
        return switch (readable, writable) {
        case (true, true): .model("{file} is readable and writable by every user (mode {mode}): chmod o-rwx {file}", arguments)
        case (true, false): .model("{file} is readable by every user (mode {mode}): chmod o-rwx {file}", arguments)
        default: .model("{file} is writable by every user (mode {mode}): chmod o-rwx {file}", arguments)
        }
    }

    static func folderWritable(_ folder: String, mode: String) -> Phrase {
        .model("the desk's folder {folder} is writable by every user (mode {mode}): anyone could replace the desk or its log; chmod o-w {folder}",
               ["folder": .text(folder), "mode": .text(mode)])
    }

    static func cannotRead(_ file: String) -> Phrase {
        .model("cannot read {file}", ["file": .text(file)])
    }

    static func keysFileWritable(_ file: String, keys: Int, mode: String) -> Phrase {
        .model(one: "{file} ({count} key to this desk) is writable by others (mode {mode}): anyone could add a key; chmod go-w {file}",
               other: "{file} ({count} keys to this desk) is writable by others (mode {mode}): anyone could add a key; chmod go-w {file}",
               count: keys, ["file": .text(file), "mode": .text(mode)])
    }

    static func keysFolderWritable(_ folder: String, keysFile: String, mode: String) -> Phrase {
        .model("{folder} (the folder of {file}) is writable by others (mode {mode}): anyone could add a key; chmod go-w {folder}",
               ["folder": .text(folder), "file": .text(keysFile), "mode": .text(mode)])
    }

    static func keysProgramMissing(_ file: String, program: String) -> Phrase {
        .model("keys in {file} run {program}, which does not exist", ["file": .text(file), "program": .text(program)])
    }

    static func keysProgramWritable(_ file: String, program: String, mode: String) -> Phrase {
        .model("keys in {file} run {program}, which others may change (mode {mode}): chmod go-w {program}",
               ["file": .text(file), "program": .text(program), "mode": .text(mode)])
    }
}
