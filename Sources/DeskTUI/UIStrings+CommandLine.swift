import DeskModel

/// Labels of the search's conditions, the command line, saved-view tabs and snippets.
extension UIStrings {
    static let searchFilterHelp = "Conditions: status: urgency: kind: assignee: requester: watching: org: updated: created:"
}

extension UIStrings {
    /// What each `:` command takes and does, for the help overlay.
    static func commandLineUsage(_ name: String) -> String {
        switch name {
        case "assign": "HANDLE|me|none: assign"
        case "status": "STATUS: change status"
        case "view": "NAME: case or saved view"
        case "sort": "created|updated|triage"
        case "order": "flip the order"
        case "search": "WORDS conditions: search"
        case "filter": "conditions: search"
        case "save": "NAME [conditions]: save view"
        case "open": "N: go to ticket #N"
        case "reply": "reply"
        case "note": "internal note"
        case "new": "new ticket"
        case "watch": "watch / unwatch"
        case "follow-up": "follow-up of a closed ticket"
        case "help": "this help"
        case "quit": "quit"
        case "NUMBER": "go to that ticket"
        default: name
        }
    }

    static let commandLinePrompt = ":"
    static let commandLineHints: [(String, String)] = [("tab", "complete"), ("enter", "run"), ("esc", "cancel")]
    /// A saved view's count when there are at least `cap` tickets.
    static func cappedCount(_ cap: Int) -> String { "\(cap)+" }
}

extension UIStrings {
    /// Before a search result's line of matching text.
    static let snippetLead = "› "
}
