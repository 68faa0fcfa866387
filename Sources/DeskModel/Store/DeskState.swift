import Foundation

/// The whole state of the client: everything a screen shows comes from here, and nothing a
/// screen shows is held anywhere else.

public struct TerminalSize: Equatable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}

public enum Pane: String, CaseIterable, Equatable, Sendable {
    case list, detail, composer
}

/// The loaded window of a case list. Only rows near the screen are held: the window grows by
/// keyset pages as the selection moves and is trimmed on the far side.
public struct ListState: Equatable, Sendable {
    /// Rows in display order.
    public var rows: [TicketSummary] = []
    /// No row of the view precedes `rows.first` / follows `rows.last`.
    public var reachedTop = false
    public var reachedBottom = false
    /// The selection is held by ticket id, so reloading or growing the window keeps it.
    public var selectedID: TicketID?
    /// Index in `rows` of the first row on screen.
    public var scrollOffset = 0
    /// A page read in flight; further reads wait for it.
    public var isLoading = false
    /// Rows of the view before `rows.first` while the window does not hold the top, when a
    /// read from the end or a trim told it.
    public var rowsAboveWindow: Int?

    /// Rows of the view before `rows.first`, when known: the list shows the selection's
    /// position (`37/200`) from it.
    public var rowsBefore: Int? { reachedTop ? 0 : rowsAboveWindow }

    public init() {}

    public var selectedIndex: Int? {
        guard let selectedID else { return nil }
        return rows.firstIndex { $0.id == selectedID }
    }

    public var selected: TicketSummary? { selectedIndex.map { rows[$0] } }

    /// Rows of the window that are unread for the viewer (`UnreadSQL`).
    public var unreadIDs: Set<TicketID> = []
}

public struct OpenTicketState: Equatable, Sendable {
    public var detail: TicketDetail
    /// The history in display order; the renderer draws the tree from these facts.
    public var thread: [ThreadLine]
    /// First line of the detail pane on screen.
    public var scroll: Int
    /// Lines of the laid-out detail and rows of its pane, as the client last measured them
    /// (`detailMeasured`); scrolling stops at the end of the content.
    public var contentHeight = 0
    public var viewportHeight = 0

    public var maxScroll: Int { max(0, contentHeight - viewportHeight) }

    /// The message the reader picked with `]` / `[`: `r` answers it, `Q` quotes it. Only
    /// messages in `thread` can be picked, so a customer never picks an internal note.
    public var selectedMessageID: MessageID?
    /// The selection moved: the client scrolls it into view at the next frame.
    public var revealSelectedMessage = false

    public init(detail: TicketDetail, thread: [ThreadLine], scroll: Int = 0) {
        self.detail = detail
        self.thread = thread
        self.scroll = scroll
    }

    /// Bodies asked of the store and not yet come back (`historyBodiesNeeded`): asked once.
    public var requestedBodies: Set<MessageID> = []
    /// Quoted history the mailgate cut from mailed messages, shown folded under each
    /// (`QuotedHistoryFolding`), and the messages whose quote the reader unfolded.
    public var quotedHistory: [MessageID: String] = [:]
    public var unfoldedQuotes: Set<MessageID> = []
}

public enum ComposerKind: String, Equatable, Sendable {
    case reply, internalNote, newTicket, followUp
}

/// The fields of the composer's form, in Tab order. Replies and notes have only a body.
public enum ComposerField: String, CaseIterable, Equatable, Sendable {
    case subject, account, kind, product, category, subcategory, urgency, contact, watchers, body

    /// Fields whose value is picked from a fixed list (Left/Right or Space cycle it).
    public var isChoice: Bool { self == .kind || self == .urgency || self == .contact || self == .account }
}

public struct ComposerState: Equatable, Sendable {
    public var kind: ComposerKind
    public var slot: DraftSlot
    public var subject: String
    public var body: String
    /// Form values by name: kind, product, category, subcategory, urgency.
    public var fields: [String: String]
    public var isSending = false
    /// The field the keyboard edits.
    public var field: ComposerField = .body
    /// The caret in the focused text field, in graphemes.
    public var cursor = 0
    /// The draft this composer's text was carried over from ("reply there" takes a new
    /// ticket's text to a reply): it is deleted when this one is sent, and kept until then.
    public var carriedFrom: DraftSlot?
    /// The subject the composer opened with (a follow-up's "Follow-up: …"): leaving only that
    /// is leaving the draft untouched.
    public var prefilledSubject: String
    /// A follow-up goes to whoever handled the closed ticket (`FollowUpRules`): shown, not edited.
    public var inheritedAssignee: String?
    /// Whether the viewer may name watchers on a new ticket (`Permissions.canNameWatchers`).
    public var offersWatchers = true
    /// The viewer's accounts to file under, when they have several (the Account field).
    public var accountNames: [String] = []
    /// The body holds a quote made on opening: the saved draft, when it arrives, goes first.
    public var opensWithQuote = false

    /// Tab order of this composer's form.
    public var formFields: [ComposerField] {
        switch kind {
        case .reply, .internalNote: [.body]
        case .newTicket, .followUp:
            ComposerField.allCases.filter { (offersWatchers || $0 != .watchers) && (accountNames.count > 1 || $0 != .account) }
        }
    }

    public init(kind: ComposerKind, slot: DraftSlot, subject: String = "", body: String = "", fields: [String: String] = [:]) {
        self.kind = kind
        self.slot = slot
        self.subject = subject
        self.body = body
        self.fields = fields
        self.prefilledSubject = subject
    }
}

public struct SearchState: Equatable, Sendable {
    public var query: String
    public var results: [TicketSummary]
    public var selectedIndex: Int
    /// Why the conditions typed cannot be read (`status:opn`): shown instead of results.
    public var filterError: Phrase?
    /// A line of matching text per result, read for the results on screen (and a screen on).
    public var snippets: [TicketID: String] = [:]
    /// Results whose snippets have been asked for, from the first.
    public var snippetsRequested = 0

    public init(query: String = "", results: [TicketSummary] = [], selectedIndex: Int = 0, filterError: Phrase? = nil) {
        self.query = query
        self.results = results
        self.selectedIndex = selectedIndex
        self.filterError = filterError
    }
}

public struct StatusMessage: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable { case info, error }
    public var kind: Kind
    /// Rendered in the reader's language by the screen.
    public var phrase: Phrase

    public init(_ kind: Kind, _ phrase: Phrase) {
        self.kind = kind
        self.phrase = phrase
    }
}

/// A modal layer over the panes.
public enum Overlay: Equatable, Sendable {
    case help
    /// The statuses this viewer may move the ticket to, and the highlighted one.
    case statusMenu(ticketNumber: Int64, options: [TicketStatus], selected: Int)
    /// Agents to assign to (nil = unassign), and the highlighted one.
    case assignMenu(ticketNumber: Int64, options: [User?], selected: Int)
    /// The new ticket in the composer looks like the requester's active ticket `number`
    /// (`subject` is that ticket's, as stored): reply there, create anyway, or keep editing.
    case possibleDuplicate(ofNumber: Int64, subject: String)
    /// People the new ticket's author may name as watchers, matching what the Watchers field
    /// is being typed, and the highlighted one.
    case watcherMenu(options: [User], selected: Int)
    /// "Discard this draft?" before a written draft is deleted.
    case discardDraft
    /// A step that cannot be undone waits for a yes.
    case confirm(Confirmation)
    /// The open ticket's attachments (`TicketDetail.attachments`), and the highlighted one.
    case attachmentMenu(ticketNumber: Int64, selected: Int)
    /// A file path being typed: where to save an attachment, or what to attach.
    case pathPrompt(PathPrompt)
}

/// What a yes/no question is about; the words are chosen by the client.
public enum Confirmation: Equatable, Sendable {
    /// Closing is final: only a follow-up ticket continues it.
    case closeTicket(number: Int64)
    /// Saving an attachment would replace a file that exists.
    case overwriteFile(attachmentID: AttachmentID, path: String)
    /// One question before a bulk action changes `count` tagged tickets.
    case bulk(BulkOperation, count: Int)
    /// Removing a member's account with an organisation (the People screen).
    case removeMember(handle: String, organisation: String)
    /// Revoking every SSH key of a member (the People screen).
    case revokeKeys(handle: String, organisation: String)
}

public struct DeskState: Equatable, Sendable {
    public var deskName: String
    public var viewer: Viewer
    public var view: CaseView
    public var order: TicketOrder
    public var counts: [CaseView: Int] = [:]
    public var list = ListState()
    public var openTicket: OpenTicketState?
    public var composer: ComposerState?
    /// Drafts typed while another process held the desk, saved again at the next clock tick
    /// (and, waiting, when the client ends).
    public var unsavedDrafts: [DraftSlot: Draft] = [:]
    public var search: SearchState?
    /// The digits typed after `#` (go to a ticket by number), while that prompt is open.
    public var jumpPrompt: String?
    public var focus: Pane = .list
    public var message: StatusMessage?
    public var size: TerminalSize
    public var overlay: Overlay?
    /// A ticket key pressed on a list row whose ticket was not open: it runs once the ticket
    /// has arrived.
    public var afterOpening: PendingTicketCommand?
    /// The time relative ages ("3h") are measured from; moved by `clockTicked`.
    public var now: Date = Date(timeIntervalSince1970: 0)
    public var shouldQuit = false
    /// The viewer's saved views, shown as tabs after the case views, and how many tickets each
    /// holds (counted up to `SavedViewTabs.countCap`).
    public var savedViews: [SavedView] = []
    public var savedViewCounts: [String: Int] = [:]
    /// The saved view the list shows (its case view is `view`); nil for a plain case view.
    public var activeSavedView: String?
    /// The conditions every page of the list is read with: the active saved view's.
    public var listFilter = TicketFilter()
    /// The `:` command line on the bottom line, while it is open.
    public var commandLine: CommandLineState?
    /// Commands run in this session, oldest first (Up/Down recall them).
    public var commandHistory: [String] = []
    /// Whether files of this machine may be opened, saved or attached: not in an SSH session,
    /// where this machine is the server.
    public var offersLocalFiles = true
    /// An attachment to hand to a viewer program; the client runs it and reports back.
    public var attachmentToOpen: Attachment?
    /// Unread tickets per view, at most `UnreadSQL.countCap` (shown `99+`).
    public var unreadCounts: [CaseView: Int] = [:]
    /// Tagged tickets (`t`, `T`): their numbers by id. Bulk actions act on them.
    public var tagged: [TicketID: Int64] = [:]
    /// The bulk action under way.
    public var bulk: BulkRun?
    /// The desk server could not be reached (a lost connection): drafts wait in memory, and
    /// each clock tick asks whether it answers again (`DeskEffect.checkDeskReachable`).
    public var deskUnreachable = false
    /// The language the screens speak to this viewer (issue #11): chosen at start, switchable
    /// in the client. Everything in the state stays language-neutral; the edge renders it.
    public var language: Language = .english
    /// The keys notices name, as the client's keymap binds them (set by the client at start).
    public var noticeKeys = NoticeKeys()

    public init(deskName: String, viewer: Viewer, view: CaseView = .active, order: TicketOrder = .newestFirst, size: TerminalSize) {
        self.deskName = deskName
        self.viewer = viewer
        self.view = view
        self.order = order
        self.size = size
    }

    /// Rows of the list pane on screen: the terminal minus the top bar, the column header and
    /// the bottom line.
    public var visibleListRows: Int { max(1, size.rows - 3) }

    /// How many rows one read fetches, and the most the window holds.
    public var pageLimit: Int { visibleListRows * 2 }
    public var windowLimit: Int { visibleListRows * 6 }

    /// First row of the help overlay on screen, when it is taller than the screen.
    public var helpScroll = 0
    /// The ticket whose watchers the watcher menu adds and removes (`W`); nil while the menu
    /// names watchers for the new ticket in the composer.
    public var watcherMenuTicket: Int64?
    /// The Articles screen or picker over the panes, when open (`ArticlesState`).
    public var articles: ArticlesState?
    /// The open ticket's edit form (`E`), over the panes.
    public var ticketEdit: TicketEditForm?
    /// The customer's call-back request form (`C`), over the panes.
    public var callbackForm: CallbackForm?
    /// Articles matching the new ticket being written (customers).
    public var articleSuggestions = ArticleSuggestions()
    /// The reader's own mail notification preferences, while that box is open.
    public var mailPreferences: MailPreferencesState?
    /// The Reports screen over the panes, when open (agents, `ReportsState`).
    public var reports: ReportsState?
    /// The People screen over the panes, when open (customer administrators, `PeopleState`).
    public var people: PeopleState?
    /// The terminal shows colours: the Reports screen draws charts (plain numbers otherwise).
    public var drawsCharts = true
}
