/// The sentences the client's store puts on the bottom line, in one place (refusals are
/// `DeskError.message`; the screens' own labels are DeskTUI's `UIStrings`), so a translation
/// replaces catalogues, not code.
public enum Notices {
    public static func sorted(_ order: TicketOrder, in view: CaseView) -> String { "Sorted by \(order.label(in: view))" }
    public static let draftKept = "Draft kept"
    public static let draftDiscarded = "Draft discarded"
    public static let incidentNotInFreePlan = "Your organisation's free plan does not include incidents; ask a question"
    public static let noWatcherCandidates = "There is nobody you may name as a watcher"
    public static func noWatcherMatches(_ typed: String) -> String { "Nobody you may name as a watcher matches '\(typed)'" }
    /// The same words for a number that does not exist and one the viewer may not see.
    public static func noTicket(_ number: Int64) -> String { "No ticket #\(number)" }
    public static let escapeNeverQuits = "Esc does not quit: press q to quit (drafts are kept)"
    public static func noteAdded(_ number: Int64) -> String { "Note added to #\(number)" }
    public static func replySent(_ number: Int64) -> String { "Reply sent to #\(number)" }
    public static func ticketCreated(_ number: Int64) -> String { "Ticket #\(number) created" }
    public static let openBeforeStatus = "Open a ticket first (Enter), then press S"
    public static func noStatusChange(_ number: Int64) -> String { "No status change is open to you on #\(number)" }
    public static func closedUseFollowUp(_ number: Int64) -> String { "Ticket #\(number) is closed: press f to open a follow-up" }
    public static func followUpSubject(_ subject: String) -> String { "Follow-up: \(subject)" }
    public static let emptyMessage = "Nothing to send: the message is empty"
    public static func statusChanged(_ number: Int64, to label: String) -> String { "#\(number) is now \(label.lowercased())" }
    public static func assigned(_ number: Int64, to handle: String?) -> String {
        handle.map { "#\(number) assigned to \($0)" } ?? "#\(number) unassigned"
    }
    public static func watching(_ number: Int64, _ watching: Bool) -> String {
        watching ? "Watching #\(number)" : "No longer watching #\(number)"
    }
    public static func watcherChanged(_ handle: String, _ number: Int64, _ watching: Bool) -> String {
        watching ? "\(handle) now watches #\(number)" : "\(handle) no longer watches #\(number)"
    }
    public static let watchersForContactsOnly = "Only agents and your organisation's support contact add watchers; w watches it yourself"
    public static let pasteIgnored = "Paste ignored: no text field has the keyboard"
    public static func pasteJoined(lines: Int, into field: String) -> String {
        "Pasted \(lines) lines joined with spaces: the \(field) is one line"
    }
    public static func noSavedViewAt(_ key: Int) -> String { "No saved view on \(key): save one with :save NAME CONDITIONS" }
    public static func viewSaved(_ name: String) -> String { "View '\(name)' saved" }
    public static func deskLost(keepingDraft: Bool) -> String {
        keepingDraft ? "Lost the connection to the desk; retrying… your draft is kept" : "Lost the connection to the desk; retrying…"
    }
    public static let changeMaybeLost =
        "Lost the connection to the desk while saving: it may or may not have been saved; look once reconnected (your text is kept)"
    public static let reconnected = "Reconnected to the desk"
    public static let reconnectedCheckChange = "Reconnected to the desk: look whether your last change was saved before making it again"
}
