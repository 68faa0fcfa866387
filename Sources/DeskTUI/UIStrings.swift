import DeskModel

/// Every sentence and label the full-screen client shows, in one place, so a translation can
/// replace this file without touching the screens. (Refusals from the desk itself come from
/// `DeskError.message`.)
public enum UIStrings {
    static let terminalTooSmall = "Terminal too small"
    static func terminalTooSmallDetail(minColumns: Int, minRows: Int) -> String { "need \(minColumns)x\(minRows)" }
    static let noTickets = "No tickets in this view"
    static let loading = "Loading…"
    static let noTicketOpen = "No ticket open: Enter opens the selected one"
    static let history = "History"
    static let internalNote = "INTERNAL NOTE"
    static let unassigned = "unassigned"
    static let searchPrompt = "Search: "
    static let jumpPrompt = "Go to ticket #"
    static let jumpHints: [(String, String)] = [("enter", "go"), ("esc", "cancel")]
    static func jumpOffer(_ number: Int64) -> String { "Enter: go to ticket #\(number)" }
    static let searchHint = "type to search · ↑/↓ select · Enter open · Esc close"
    static let noSearchResults = "No tickets match"
    static let helpTitle = "Keys"
    static func ticketWatchersTitle(_ number: Int64) -> String { "Watchers of #\(number)" }
    static func copied(_ text: String) -> String { "Copied \(text)" }
    static let copyOffOverSSH = "Copying to the clipboard is off in SSH sessions: the command settings set osc52 on turns it on"
    static let ticketWatchersHint = "Enter adds or removes · ✓ watches"
    /// The help's last line when it scrolls: which rows show, and whether more lie above or below.
    static func helpPosition(first: Int, shown: Int, of total: Int) -> String {
        let last = min(total, first + shown)
        let more = first == 0 ? "↓ more below" : last >= total ? "↑ more above" : "↑↓ more above and below"
        return "\(more) · rows \(first + 1)–\(last) of \(total)"
    }
    static let helpScrollHints: [(String, String)] = [("j/k pgdn/pgup", "scroll"), ("other keys", "close")]
    static let statusMenuTitle = "Change status"
    static let assignMenuTitle = "Assign to"
    static let unassign = "unassigned"
    static let menuHint = "↑/↓ choose · Enter apply · Esc cancel"
    static let sending = "Sending…"
    static let duplicateTitle = "Possible duplicate"
    static let duplicateIntro = "This looks like your active ticket"
    static func duplicateExisting(_ number: Int64, subject: String) -> String { "#\(number) \"\(subject)\"" }

    /// The rows of the duplicate warning, which name the existing ticket.
    static func duplicateChoice(_ command: Command, number: Int64) -> String {
        switch command {
        case .replyThere: "reply on #\(number) instead, with this text"
        case .createAnyway: "create the new ticket anyway"
        default: "back to editing"
        }
    }
    static let desk = "desk"

    static func confirmationTitle(_ confirmation: Confirmation) -> String {
        switch confirmation {
        case .closeTicket(let number): "Close #\(number)"
        case .overwriteFile: "Replace file"
        case .bulk(_, let count): "\(FieldLimits.grouped(count)) tagged tickets"
        }
    }

    static func confirmationQuestion(_ confirmation: Confirmation) -> String {
        switch confirmation {
        case .closeTicket(let number): "Close #\(number) for good? A follow-up will be needed to continue (y/N)"
        case .overwriteFile(_, let path): "\(TextSafety.sanitizedLine(path)) exists. Replace it? (y/N)"
        case .bulk(let operation, let count): BulkStrings.question(operation, count: count)
        }
    }

    /// The rows under a question, one per answer.
    static func confirmationChoice(_ command: Command, _ confirmation: Confirmation) -> String {
        switch (command, confirmation) {
        case (.confirmYes, .closeTicket): "close it for good"
        case (.confirmYes, .overwriteFile): "replace the file"
        case (.confirmYes, .bulk(let operation, let count)): BulkStrings.yes(operation, count: count)
        case (_, .bulk): "change nothing"
        default: "keep it as it is"
        }
    }

    static func composerTitle(_ kind: ComposerKind, number: Int64?) -> String {
        switch kind {
        case .reply: "Reply to #\(number ?? 0)"
        case .internalNote: "Internal note on #\(number ?? 0) (agents only)"
        case .newTicket: "New ticket"
        case .followUp: "Follow-up of #\(number ?? 0)"
        }
    }

    static func fieldLabel(_ field: ComposerField) -> String {
        switch field {
        case .subject: "Subject"
        case .kind: "Kind"
        case .product: "Product"
        case .category: "Category"
        case .subcategory: "Subcategory"
        case .urgency: "Urgency"
        case .contact: "Contact"
        case .watchers: "Watchers"
        case .body: "Description"
        }
    }

    static func contactLabel(_ contact: ContactPreference) -> String {
        switch contact {
        case .portal: "Portal"
        case .email: "Email"
        }
    }

    /// After a kind the viewer's plan does not include (the bottom line says why).
    static let kindUnavailable = "not in your plan"
    static let assigneeLabel = "Assignee"
    /// Who a follow-up will go to, and why.
    static func inheritedAssignee(_ handle: String?, closedNumber: Int64) -> String {
        handle.map { "\($0) (handled #\(closedNumber))" } ?? "unassigned (nobody held #\(closedNumber))"
    }
    static let watcherMenuTitle = "Add a watcher"
    static let watchersPlaceholder = "handles, or Enter to pick from a list"
    static let discardTitle = "Discard draft"
    static let discardQuestion = "Discard this draft for good? (y/N)"

    static func fieldName(_ name: String) -> String {
        switch name {
        case "status": "Status"
        case "kind": "Kind"
        case "urgency": "Urgency"
        case "requester": "Requester"
        case "organisation": "Organisation"
        case "assignee": "Assignee"
        case "product": "Product"
        case "contact": "Contact"
        case "followUpOf": "Follow-up of"
        case "created": "Created"
        case "updated": "Updated"
        case "watchers": "Watchers"
        case "attachment": "Attachment"
        default: name
        }
    }

    static func kindLabel(_ kind: TicketKind) -> String {
        switch kind {
        case .incident: "Incident"
        case .serviceRequest: "Service request"
        case .question: "Question"
        }
    }

    static func urgencyLabel(_ urgency: Urgency) -> String {
        switch urgency {
        case .none: "None"
        case .low: "Low"
        case .serious: "Serious"
        case .critical: "Critical"
        }
    }

    /// The urgency column of the list: the same words, and nothing for none.
    static func urgencyInList(_ urgency: Urgency) -> String {
        urgency == .none ? "" : urgencyLabel(urgency)
    }

    /// The status column of the list, as the viewer's role sees it, short.
    static func statusShort(_ status: TicketStatus, role: Role) -> String {
        if role.isStaff {
            switch status {
            case .new: return "new"
            case .open: return "open"
            case .awaitingCustomer: return "awaiting"
            case .pending: return "pending"
            case .closed: return "closed"
            }
        }
        switch status {
        case .new, .open: return "Open"
        case .awaitingCustomer: return "Action needed"
        case .pending: return "Solution"
        case .closed: return "Closed"
        }
    }

    static func roleLabel(_ role: Role) -> String {
        switch role {
        case .customer: "customer"
        case .agent: "agent"
        case .admin: "admin"
        }
    }

    static func sortLabel(_ order: TicketOrder, in view: CaseView) -> String { "sort: \(order.label(in: view))" }

    /// The sort in a word or two, for a narrow top bar.
    static func sortShort(_ order: TicketOrder, in view: CaseView) -> String {
        switch (order.key, order.reversed) {
        case (.created, false): view == .recent ? "last viewed" : "newest"
        case (.created, true): view == .recent ? "first viewed" : "oldest"
        case (.updated, false): "updated ↓"
        case (.updated, true): "updated ↑"
        case (.triage, false): "triage"
        case (.triage, true): "triage ↑"
        }
    }

    /// Tab titles for a narrow top bar.
    static func viewShortTitle(_ view: CaseView) -> String {
        switch view {
        case .recent: "Rec"
        case .active: "Act"
        case .mine: "Mine"
        case .open: "Open"
        case .all: "All"
        }
    }

    static func commandLabel(_ command: Command) -> String {
        switch command {
        case .moveDown: "next ticket / scroll down"
        case .moveUp: "previous ticket / scroll up"
        case .pageDown: "page down"
        case .pageUp: "page up"
        case .top: "first ticket / top"
        case .bottom: "last ticket / bottom"
        case .open: "open the selected ticket"
        case .focusNext: "next pane"
        case .focusPrevious: "previous pane"
        case .viewRecent: "view: Recent"
        case .viewActive: "view: Active"
        case .viewMine: "view: Mine"
        case .viewOpen: "view: All open"
        case .viewAll: "view: All"
        case .cycleSort: "sort: created / updated / triage"
        case .flipOrder: "flip the order"
        case .search: "full-text search"
        case .jumpToNumber: "go to a ticket by number"
        case .newTicket: "new ticket"
        case .reply: "reply"
        case .internalNote: "internal note"
        case .statusMenu: "change status"
        case .assign: "assign to an agent"
        case .assignToMe: "assign to me"
        case .watch: "watch / unwatch"
        case .followUp: "follow-up of a closed ticket"
        case .refresh: "refresh"
        case .close: "close search, composer or ticket"
        case .back: "back, then quit"
        case .quit: "quit (drafts are kept)"
        case .help: "this help"
        case .replyThere: "duplicate: reply there"
        case .createAnyway: "duplicate: create anyway"
        case .keepEditing: "duplicate: keep editing"
        case .confirmYes: "question: yes"
        case .confirmNo: "question: no (the default)"
        case .savedView: "saved views 1-4 (tabs)"
        case .commandLine: "command line (Tab completes)"
        case .nextMessage: "pick next message"
        case .previousMessage: "pick previous message"
        case .quote: "quote picked message"
        case .attachments: "attachments: open, save"
        case .tag: "tag / untag the row"
        case .tagAll: "tag the whole view"
        case .markUnread: "mark unread"
        case .send: "composer: send"
        case .closeComposer: "composer: close, keep draft"
        case .discardDraft: "composer: discard draft"
        case .externalEditor: "composer: $EDITOR"
        case .nextField: "composer: next field"
        case .previousField: "composer: previous field"
        case .composerHelp: "composer: this help"
        case .manageWatchers: "add / remove watchers"
        case .copyReference: "copy \"#42 Subject\""
        case .replyIntent: "composer: reply intent"
        case .attachFile: "composer: attach a file"
        }
    }

    /// Short names for the hints on the bottom line.
    static func commandHint(_ command: Command) -> String {
        switch command {
        case .open: "open"
        case .reply: "reply"
        case .internalNote: "note"
        case .statusMenu: "status"
        case .assign: "assign"
        case .newTicket: "new"
        case .search: "search"
        case .jumpToNumber: "go to #"
        case .followUp: "follow-up"
        case .watch: "watch"
        case .back: "back"
        case .help: "help"
        case .cycleSort: "sort"
        case .quit: "quit"
        case .replyThere: "reply there"
        case .createAnyway: "create anyway"
        case .keepEditing: "keep editing"
        case .close: "close"
        case .confirmYes: "yes"
        case .confirmNo: "no"
        default: command.rawValue
        }
    }

    /// Every key of the composer, for the help overlay (the bottom line shows the first few).
    /// F1 is the help's own row; Enter on Watchers opens the pick list (shown in the field).
    /// Composer keys that depend on the field, beside its commands in the keymap.
    static let composerKeys: [(String, String)] = [("← →", "choice"), ("enter", "pick watchers")]
    static let discardHints: [(String, String)] = [("y", "discard"), ("any key", "keep")]
    static let composerHints: [(String, String)] = [("ctrl-s", "send"), ("esc", "close, keep draft"), ("ctrl-e", "editor"), ("tab", "next field")]
    static let composerHintsRestricted: [(String, String)] = [("ctrl-s", "send"), ("esc", "close, keep draft"), ("tab", "next field")]
}
