import DeskModel

/// Labels of the search's conditions, the command line, saved-view tabs and snippets.
extension UIStrings {
    /// The condition words stay as they are typed; only the lead is translated.
    static func searchFilterHelp(_ language: Language) -> String {
        Phrase.client("Conditions: {conditions}", ["conditions": .text(conditionWords)]).text(in: language)
    }

    /// The search's condition words, typed as they are in every language.
    static let conditionWords = "status: urgency: kind: assignee: requester: watching: org: updated: created:"
}

extension UIStrings {
    /// What each `:` command takes and does, for the help overlay. Command names and literal
    /// values (`me`, `none`, `created`…) are typed as they are in every language.
    static func commandLineUsage(_ name: String, _ language: Language) -> String {
        let phrase: Phrase? = switch name {
        case "assign": Phrase.client("HANDLE|me|none: assign", context: "command-line usage; keep the literal words me, none, created, updated, triage as they are")
        case "status": Phrase.client("STATUS: change status", context: "command-line usage; keep the literal words me, none, created, updated, triage as they are")
        case "view": Phrase.client("NAME: case or saved view", context: "command-line usage; keep the literal words me, none, created, updated, triage as they are")
        case "sort": nil
        case "order": Phrase.client("flip the order")
        case "search": Phrase.client("WORDS conditions: search", context: "command-line usage; keep the literal words me, none, created, updated, triage as they are")
        case "filter": Phrase.client("conditions: search", context: "command-line usage; keep the literal words me, none, created, updated, triage as they are")
        case "save": Phrase.client("NAME [conditions]: save view", context: "command-line usage; keep the literal words me, none, created, updated, triage as they are")
        case "open": Phrase.client("N: go to ticket #N", context: "command-line usage; keep the literal words me, none, created, updated, triage as they are")
        case "reply": Phrase.client("reply")
        case "note": Phrase.client("internal note")
        case "new": Phrase.client("new ticket")
        case "watch": Phrase.client("watch / unwatch")
        case "follow-up": Phrase.client("follow-up of a closed ticket")
        case "help": Phrase.client("this help")
        case "quit": Phrase.client("quit", context: "key hint on the bottom line, short")
        case "articles": Phrase.client("articles (knowledge base)")
        case "NUMBER": Phrase.client("go to that ticket", context: "command-line usage; keep the literal words me, none, created, updated, triage as they are")
        case "language":
            Phrase.client("TAG: the screens' language ({tags})", context: "command-line usage; keep the literal words me, none, created, updated, triage as they are",
                          ["tags": .text(Language.allCases.map(\.rawValue).joined(separator: " "))])
        default: nil
        }
        // `sort` takes its three literal keys, the same in every language.
        return phrase?.text(in: language) ?? (name == "sort" ? sortKeys : name)
    }

    /// What `:sort` takes, typed as it is in every language.
    static let sortKeys = "created|updated|triage"

    static let commandLinePrompt = ":"
    static func commandLineHints(_ language: Language) -> [(String, String)] {
        [("tab", Phrase.client("complete", context: "key hint on the bottom line, short").text(in: language)),
         ("enter", Phrase.client("run", context: "key hint on the bottom line, short").text(in: language)),
         ("esc", cancelHint(language))]
    }
    /// A saved view's count when there are at least `cap` tickets.
    static func cappedCount(_ cap: Int) -> String { "\(cap)+" }
}

extension UIStrings {
    /// Before a search result's line of matching text.
    static let snippetLead = "› "
}
