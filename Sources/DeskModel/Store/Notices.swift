/// The sentences the client's store puts on the bottom line, in one place (refusals are
/// `DeskError.phrase`; the screens' own labels are DeskTUI's), as phrases the screen renders
/// in the reader's language. Keys they name come from `NoticeKeys`, which the client fills
/// from its keymap.
public enum Notices {
    public static func sorted(_ order: TicketOrder, in view: CaseView) -> Phrase {
        .model("Sorted by {order}", ["order": .phrase(order.labelPhrase(in: view))])
    }
    public static let draftKept = Phrase.model("Draft kept")
    public static let draftDiscarded = Phrase.model("Draft discarded")
    public static let incidentNotInFreePlan = Phrase.model("Your organisation's free plan does not include incidents; ask a question")
    public static let noWatcherCandidates = Phrase.model("There is nobody you may name as a watcher")
    public static func noWatcherMatches(_ typed: String) -> Phrase {
        .model("Nobody you may name as a watcher matches '{typed}'", ["typed": .text(typed)])
    }
    /// The same words for a number that does not exist and one the viewer may not see.
    public static func noTicket(_ number: Int64) -> Phrase { .model("No ticket #{number}", ["number": .number(number)]) }
    public static func escapeNeverQuits(_ keys: NoticeKeys) -> Phrase {
        .model("Esc does not quit: press {key} to quit (drafts are kept)", ["key": .text(keys.back)])
    }
    public static func noteAdded(_ number: Int64) -> Phrase { .model("Note added to #{number}", ["number": .number(number)]) }
    public static func replySent(_ number: Int64) -> Phrase { .model("Reply sent to #{number}", ["number": .number(number)]) }
    public static func ticketCreated(_ number: Int64) -> Phrase { .model("Ticket #{number} created", ["number": .number(number)]) }
    public static func openBeforeStatus(_ keys: NoticeKeys) -> Phrase {
        .model("Open a ticket first ({open}), then press {status}", ["open": .text(keys.open), "status": .text(keys.statusMenu)])
    }
    public static func noStatusChange(_ number: Int64) -> Phrase {
        .model("No status change is open to you on #{number}", ["number": .number(number)])
    }
    public static func closedUseFollowUp(_ number: Int64, _ keys: NoticeKeys) -> Phrase {
        .model("Ticket #{number} is closed: press {key} to open a follow-up", ["number": .number(number), "key": .text(keys.followUp)])
    }
    /// The subject a follow-up starts with (text the user edits and sends, so rendered at once).
    public static func followUpSubject(_ subject: String) -> Phrase { .model("Follow-up: {subject}", ["subject": .text(subject)]) }
    public static let emptyMessage = Phrase.model("Nothing to send: the message is empty")
    /// The fold key on a message (or ticket) without quoted history.
    public static let noQuotedHistory = Phrase.model("No quoted history here")
    public static func statusChanged(_ number: Int64, to status: TicketStatus, for role: Role) -> Phrase {
        .model("#{number} is now {status}", ["number": .number(number), "status": .phrase(status.labelPhrase(for: role, inSentence: true))])
    }
    public static func assigned(_ number: Int64, to handle: String?) -> Phrase {
        handle.map { .model("#{number} assigned to {handle}", ["number": .number(number), "handle": .text($0)]) }
            ?? .model("#{number} unassigned", ["number": .number(number)])
    }
    public static func watching(_ number: Int64, _ watching: Bool) -> Phrase {
        watching ? .model("Watching #{number}", ["number": .number(number)])
            : .model("No longer watching #{number}", ["number": .number(number)])
    }
    public static func watcherChanged(_ handle: String, _ number: Int64, _ watching: Bool) -> Phrase {
        watching ? .model("{handle} now watches #{number}", ["handle": .text(handle), "number": .number(number)])
            : .model("{handle} no longer watches #{number}", ["handle": .text(handle), "number": .number(number)])
    }
    public static func watchersForContactsOnly(_ keys: NoticeKeys) -> Phrase {
        .model("Only agents and your organisation's support contact add watchers; {key} watches it yourself", ["key": .text(keys.watch)])
    }
    public static let onlyAgentsAssign = Phrase.model("only agents assign tickets", context: "not allowed")
    public static let onlyAgentsWriteNotes = Phrase.model("only agents write internal notes", context: "not allowed")
    public static let pasteIgnored = Phrase.model("Paste ignored: no text field has the keyboard")
    public static func pasteJoined(lines: Int, into field: ComposerField?) -> Phrase {
        .model("Pasted {count} lines joined with spaces: the {field} is one line",
               ["count": .quantity(Int64(lines)), "field": .phrase(pastedField(field))])
    }
    public static func noSavedViewAt(_ key: Int) -> Phrase {
        .model("No saved view on {key}: save one with :save NAME CONDITIONS", ["key": .number(Int64(key))])
    }
    public static func viewSaved(_ name: String) -> Phrase { .model("View '{name}' saved", ["name": .text(name)]) }
    public static func deskLost(keepingDraft: Bool) -> Phrase {
        keepingDraft ? .model("Lost the connection to the desk; retrying… your draft is kept") : .model("Lost the connection to the desk; retrying…")
    }
    public static let changeMaybeLost =
        Phrase.model("Lost the connection to the desk while saving: it may or may not have been saved; look once reconnected (your text is kept)")
    /// At start, when the desk closed pending tickets left idle.
    public static func idleClosed(_ count: Int) -> Phrase {
        .model(one: "Closed {count} idle pending ticket", other: "Closed {count} idle pending tickets", count: count)
    }
    public static let reconnected = Phrase.model("Reconnected to the desk")
    public static let reconnectedCheckChange = Phrase.model("Reconnected to the desk: look whether your last change was saved before making it again")
}

extension Notices {
    /// A one-line field a multi-line paste was joined into (nil: the search field), as
    /// "the … is one line" names it.
    static func pastedField(_ field: ComposerField?) -> Phrase {
        switch field {
        case nil: .model("search", context: "pasted field")
        case .subject?: TextField.subject.labelPhrase
        case .product?: TextField.product.labelPhrase
        case .category?: TextField.category.labelPhrase
        case .subcategory?: TextField.subcategory.labelPhrase
        case .watchers?: .model("watchers", context: "field")
        default: .model("field", context: "pasted field")
        }
    }
}

/// The keys notices tell people to press, as the client's keymap binds them (the keymap is
/// DeskTUI's; the client sets these at start). The defaults are the standard keymap's.
public struct NoticeKeys: Equatable, Sendable {
    /// Backs out, and quits from the list (`q`).
    public var back = "q"
    public var open = "enter"
    public var statusMenu = "S"
    public var followUp = "f"
    public var watch = "w"
    public var tagAll = "T"

    public init() {}
}
