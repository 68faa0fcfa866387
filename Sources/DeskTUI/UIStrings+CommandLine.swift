import DeskModel

/// Labels of the search's conditions, the command line, saved-view tabs and snippets.
extension UIStrings {
    static let searchFilterHelp = "Conditions: status: urgency: kind: assignee: requester: watching: org: updated: created:"
}
