import Foundation

public struct NewOrganisation: Equatable, Sendable {
    public var name: String
    public var plan: Plan
    public var tier: SupportTier

    public init(name: String, plan: Plan, tier: SupportTier) {
        self.name = name
        self.plan = plan
        self.tier = tier
    }
}

public struct NewUser: Equatable, Sendable {
    public var handle: String
    public var name: String
    public var email: String
    public var role: Role
    public var organisationName: String?
    public var caseAccess: CaseAccess
    /// The language the user reads deskterm in (`user add --language`); nil: their terminal's.
    public var language: Language?

    public init(
        handle: String, name: String, email: String, role: Role,
        organisationName: String? = nil, caseAccess: CaseAccess = .own, language: Language? = nil
    ) {
        self.handle = handle
        self.name = name
        self.email = email
        self.role = role
        self.organisationName = organisationName
        self.caseAccess = caseAccess
        self.language = language
    }
}

public struct NewTicket: Equatable, Sendable {
    public var subject: String
    public var description: String
    public var kind: TicketKind
    public var product: String
    public var category: String
    public var subcategory: String
    public var urgency: Urgency
    public var contact: ContactPreference
    /// Staff may open a ticket on behalf of a customer; nil means the viewer.
    public var requesterHandle: String?
    /// The closed ticket this one continues.
    public var followUpOfNumber: Int64?
    /// People who watch the ticket from the start (`Permissions.canNameWatcher`).
    public var watcherHandles: [String]
    /// The requester's account the ticket is filed under (`Account`); nil: their primary one.
    public var organisationName: String?

    public init(
        subject: String, description: String, kind: TicketKind, product: String = "",
        category: String = "", subcategory: String = "", urgency: Urgency = .none,
        contact: ContactPreference = .portal, requesterHandle: String? = nil,
        followUpOfNumber: Int64? = nil, watcherHandles: [String] = [], organisationName: String? = nil
    ) {
        self.organisationName = organisationName
        self.subject = subject
        self.description = description
        self.kind = kind
        self.product = product
        self.category = category
        self.subcategory = subcategory
        self.urgency = urgency
        self.contact = contact
        self.requesterHandle = requesterHandle
        self.followUpOfNumber = followUpOfNumber
        self.watcherHandles = watcherHandles
    }
}

/// What a reply or note does besides adding a message.
public enum ReplyIntent: String, Equatable, Sendable {
    case plain
    /// Agents: the reply asks the requester for information (awaiting customer).
    case askCustomer
    /// Agents: the reply proposes a solution (pending).
    case proposeSolution
}

public struct NewMessage: Equatable, Sendable {
    public var ticketNumber: Int64
    public var body: String
    public var isInternal: Bool
    public var intent: ReplyIntent
    public var inReplyToID: MessageID?

    public init(
        ticketNumber: Int64, body: String, isInternal: Bool = false, intent: ReplyIntent = .plain,
        inReplyToID: MessageID? = nil
    ) {
        self.ticketNumber = ticketNumber
        self.body = body
        self.isInternal = isInternal
        self.intent = intent
        self.inReplyToID = inReplyToID
    }
}

/// Everything the detail pane and `deskterm show` need, already filtered for the viewer.
public struct TicketDetail: Equatable, Sendable {
    public var ticket: Ticket
    public var requester: User
    public var assignee: User?
    public var organisation: Organisation?
    public var followUpOfNumber: Int64?
    /// Messages the viewer may see, in time order (thread them with `ThreadTree`).
    public var messages: [Message]
    public var attachments: [Attachment]
    public var watchers: [User]
    /// Display data for every user the detail names: message authors, requester, assignee, uploaders.
    public var authors: [UserID: User]
    /// Messages whose body is not read yet (`HistoryBodies.nearEnds`; their `body` is empty),
    /// with the body's length in characters for estimating its height.
    public var unloadedBodies: BodyLengths
    /// The service-level due times, for staff; nil for customers.
    public var due: TicketDue?

    public init(
        ticket: Ticket, requester: User, assignee: User?, organisation: Organisation?,
        followUpOfNumber: Int64?, messages: [Message], attachments: [Attachment], watchers: [User],
        authors: [UserID: User], unloadedBodies: BodyLengths = [:]
    ) {
        self.ticket = ticket
        self.requester = requester
        self.assignee = assignee
        self.organisation = organisation
        self.followUpOfNumber = followUpOfNumber
        self.messages = messages
        self.attachments = attachments
        self.watchers = watchers
        self.authors = authors
        self.unloadedBodies = unloadedBodies
    }
}

public enum DraftSlot: Hashable, Codable, Sendable {
    case reply(ticketNumber: Int64)
    case internalNote(ticketNumber: Int64)
    case followUp(ticketNumber: Int64)
    case newTicket

    /// The stable text key stored in the database.
    public var key: String {
        switch self {
        case .reply(let n): "reply:\(n)"
        case .internalNote(let n): "note:\(n)"
        case .followUp(let n): "followup:\(n)"
        case .newTicket: "new"
        }
    }
}

/// An unfinished reply, note or ticket, saved as it is typed.
public struct Draft: Equatable, Codable, Sendable {
    public var slot: DraftSlot
    public var subject: String
    public var body: String
    /// Form fields of a new ticket (kind, product, urgency...) by name.
    public var fields: [String: String]
    public var updatedAt: Date

    public init(slot: DraftSlot, subject: String = "", body: String, fields: [String: String] = [:], updatedAt: Date) {
        self.slot = slot
        self.subject = subject
        self.body = body
        self.fields = fields
        self.updatedAt = updatedAt
    }
}

public struct DeskSettings: Equatable, Sendable {
    public var name: String
    /// A pending ticket with no update for this many days closes by itself.
    public var autoCloseDays: Int
    /// Largest attachment stored in the desk, in bytes.
    public var attachmentLimit: Int64
    /// Most bytes of attachments one customer may store in all, so that no customer can fill
    /// the disk. Agents and admins are not counted.
    public var attachmentQuota: Int64

    public init(
        name: String = "deskterm", autoCloseDays: Int = 5, attachmentLimit: Int64 = 25 * 1024 * 1024,
        attachmentQuota: Int64 = 250 * 1024 * 1024
    ) {
        self.name = name
        self.autoCloseDays = autoCloseDays
        self.attachmentLimit = attachmentLimit
        self.attachmentQuota = attachmentQuota
    }
}

/// The desk's storage. Every read of tickets takes the viewer and applies the permission rules
/// where the data is read; a ticket the viewer may not see is reported as not found.
public protocol DeskStore: Sendable, DeskAccounts, DeskCustomerAdministration {
    func settings() throws(DeskError) -> DeskSettings
    func updateSettings(_ settings: DeskSettings) throws(DeskError)

    func addOrganisation(_ organisation: NewOrganisation) throws(DeskError) -> Organisation
    func organisations() throws(DeskError) -> [Organisation]
    func addUser(_ user: NewUser) throws(DeskError) -> User
    func users() throws(DeskError) -> [User]
    func viewer(handle: String) throws(DeskError) -> Viewer

    func createTicket(_ ticket: NewTicket, by viewer: Viewer, allowDuplicate: Bool) throws(DeskError) -> Ticket
    /// Creates the ticket and deletes the draft it was typed in, in one transaction.
    func createTicket(_ ticket: NewTicket, by viewer: Viewer, allowDuplicate: Bool, clearingDraft: DraftSlot?) throws(DeskError) -> Ticket
    func ticket(number: Int64, viewer: Viewer) throws(DeskError) -> Ticket
    func detail(number: Int64, viewer: Viewer) throws(DeskError) -> TicketDetail
    func page(_ request: PageRequest, viewer: Viewer) throws(DeskError) -> TicketPage
    func counts(viewer: Viewer) throws(DeskError) -> [CaseView: Int]

    func addMessage(_ message: NewMessage, by viewer: Viewer) throws(DeskError) -> Message
    /// Adds the message and deletes the draft it was typed in, in one transaction.
    func addMessage(_ message: NewMessage, by viewer: Viewer, clearingDraft: DraftSlot?) throws(DeskError) -> Message
    func changeStatus(number: Int64, to status: TicketStatus, by viewer: Viewer) throws(DeskError) -> Ticket
    func assign(number: Int64, to handle: String?, by viewer: Viewer) throws(DeskError) -> Ticket
    func setWatching(number: Int64, handle: String, watching: Bool, by viewer: Viewer) throws(DeskError)
    func attach(number: Int64, name: String, mediaType: String, data: Data, by viewer: Viewer) throws(DeskError) -> Attachment
    func attachmentData(id: AttachmentID, viewer: Viewer) throws(DeskError) -> Data

    func search(_ query: String, viewer: Viewer, limit: Int) throws(DeskError) -> [TicketSummary]
    /// Words and a filter (`TicketQuery.parse`); a filter alone lists most recently updated first.
    func search(_ query: TicketQuery, viewer: Viewer, limit: Int) throws(DeskError) -> [TicketSummary]
    /// Tickets in a (filtered) view, counted no further than `cap`.
    func count(_ request: PageRequest, viewer: Viewer, upTo cap: Int) throws(DeskError) -> Int

    /// The viewer's own saved views (`SavedView`), in the order they were first saved.
    func saveView(_ saved: SavedView, viewer: Viewer) throws(DeskError)
    func savedViews(viewer: Viewer) throws(DeskError) -> [SavedView]
    func savedView(named name: String, viewer: Viewer) throws(DeskError) -> SavedView
    func deleteSavedView(named name: String, viewer: Viewer) throws(DeskError)
    func recordViewed(number: Int64, viewer: Viewer) throws(DeskError)

    func saveDraft(_ draft: Draft, viewer: Viewer) throws(DeskError)
    func draft(_ slot: DraftSlot, viewer: Viewer) throws(DeskError) -> Draft?
    func deleteDraft(_ slot: DraftSlot, viewer: Viewer) throws(DeskError)

    /// Closes pending tickets idle longer than the desk's setting; returns their numbers.
    func autoCloseIdleTickets() throws(DeskError) -> [Int64]
    /// A number that changes whenever anything in the desk changes (for live refresh).
    func changeToken() throws(DeskError) -> Int64

    /// The viewer's own settings (`UserSettings`); nothing chosen yet reads as nils.
    func userSettings(viewer: Viewer) throws(DeskError) -> UserSettings
    /// Stores the settings given (nil fields stay as they are). Never waits for another
    /// process's write: a busy desk answers `databaseBusy` at once.
    func saveUserSettings(_ settings: UserSettings, viewer: Viewer) throws(DeskError)

    /// For each ticket the viewer may see, a line of its text (description, replies, and for
    /// staff internal notes) where the query's words occur; tickets without one are left out.
    func searchSnippets(_ query: String, ticketIDs: [TicketID], viewer: Viewer) throws(DeskError) -> [TicketID: String]
    /// Adds the message with files attached to it and deletes its draft, in one transaction:
    /// a file refused (too large, over the quota) sends nothing.
    func addMessage(_ message: NewMessage, by viewer: Viewer, clearingDraft: DraftSlot?, attaching files: [NewAttachment]) throws(DeskError) -> Message
    /// Creates the ticket with files attached to it and deletes its draft, in one transaction.
    func createTicket(
        _ ticket: NewTicket, by viewer: Viewer, allowDuplicate: Bool, clearingDraft: DraftSlot?, attaching files: [NewAttachment]
    ) throws(DeskError) -> Ticket
    /// Unread tickets per view (`UnreadSQL`), counted no further than `UnreadSQL.countCap`.
    func unreadCounts(viewer: Viewer) throws(DeskError) -> [CaseView: Int]
    /// The client showed the ticket through this message (nil: none the viewer may see).
    /// Whether the ticket was unread for the viewer before (the counts change only then).
    @discardableResult
    func markRead(number: Int64, throughMessage: MessageID?, viewer: Viewer) throws(DeskError) -> Bool
    /// Like mutt's N: unread again until next opened.
    func markUnread(number: Int64, viewer: Viewer) throws(DeskError)
    /// One batch of a bulk action: each ticket through the single action's rules, all-or-nothing
    /// per ticket; refusals come back as outcomes, the others are done.
    func bulk(_ operation: BulkOperation, numbers: [Int64], by viewer: Viewer) throws(DeskError) -> [BulkOutcome]
    /// `detail(number:viewer:)` with only the bodies `bodies` says (the client opens a long
    /// ticket with an outline and reads bodies as the reader nears them).
    func detail(number: Int64, viewer: Viewer, bodies: HistoryBodies) throws(DeskError) -> TicketDetail
    /// Bodies of messages of one ticket the viewer may see (others are left out).
    func messageBodies(number: Int64, ids: [MessageID], viewer: Viewer) throws(DeskError) -> [MessageID: String]
    /// People the viewer may add to or remove from the watchers of an existing ticket.
    func ticketWatcherCandidates(number: Int64, viewer: Viewer) throws(DeskError) -> [User]

    /// Where the desk is, for messages: a path, or an address without its password.
    var location: String { get }
    /// `autoCloseIdleTickets()`; with `waitsForWriters: false` (a login) a desk another
    /// process is writing answers `databaseBusy` at once and is left for the next login or `maintain`.
    func autoCloseIdleTickets(waitsForWriters: Bool) throws(DeskError) -> [Int64]
    /// Records one SSH session or remote command in the audit log and returns its id, so that a
    /// long session can set its outcome at the end. Audit rows announce no desk change. `at` is
    /// the session's start when the entry could only be written at its end (nil: now);
    /// `waitsForWriters: false` fails at once with `databaseBusy` rather than delay a login.
    @discardableResult
    func recordAudit(
        handle: String, address: String, command: String, outcome: String, at: Date?, waitsForWriters: Bool
    ) throws(DeskError) -> Int64
    /// Sets the outcome of an audit entry `recordAudit` wrote.
    func updateAuditOutcome(id: Int64, outcome: String) throws(DeskError)
    /// Audit entries, newest first, of one user or of everyone (nil); admins only.
    func auditLog(viewer: Viewer, handle: String?, limit: Int) throws(DeskError) -> [AuditEntry]
    /// A ticket as the viewer may see it, with its attachments' bytes, for `MboxExport`.
    func exportTicket(number: Int64, viewer: Viewer) throws(DeskError) -> ExportedTicket
    /// The ticket with one of the longest threads, as the bulk generator recorded it (for `bench`).
    func longestThreadTicket() -> Int64?
    /// The ticket the bulk generator gave a long reply chain (`demo --long-thread`), if any.
    func longThreadTicket() -> Int64?
    /// Starts an import (`DeskImport`): the writer takes the conversations read, in batches,
    /// each batch one transaction; numbers, people and threads carry over from one batch to
    /// the next, and the batches written before a failure stay written.
    func startImport(options: ImportOptions) throws(DeskError) -> ImportWriter
    /// A whole import through one writer: batches as `startImport` gives them, or, on a SQLite
    /// desk the import may own (`ImportOptions.bulk`), all of it in one transaction that builds
    /// the desk's indexes once at the end. `progress` hears that last step.
    func runImport<T>(
        options: ImportOptions, progress: DeskImport.ProgressHandler?, _ body: (inout ImportWriter) throws(DeskError) -> T
    ) throws(DeskError) -> T
    /// A feed that tells the client of changes as they happen (`DeskChangeFeed`), or nil:
    /// then the client compares `changeToken()` now and then.
    func openChangeFeed() -> (any DeskChangeFeed)?
    /// Sets or (nil) clears the language a user reads deskterm in; admins' `user set`.
    func setUserLanguage(_ language: Language?, handle: String) throws(DeskError)
    /// Every user's stored language, by user; users who chose none are absent.
    func userLanguages() throws(DeskError) -> [UserID: Language]
    /// Changes a ticket's own fields (`TicketEdit`, `EditRules`), one history event per field.
    func editTicket(number: Int64, _ edit: TicketEdit, by viewer: Viewer) throws(DeskError) -> Ticket
    /// The service-level targets and calendar (`ServiceLevels`).
    func serviceLevels() throws(DeskError) -> ServiceLevels
    /// Stores new targets or calendar (admins).
    func updateServiceLevels(_ levels: ServiceLevels, by viewer: Viewer) throws(DeskError)
    /// Breached tickets and tickets due within `soon` seconds (staff); `mine`: the viewer's.
    func dueCounts(viewer: Viewer, mine: Bool, soon: TimeInterval) throws(DeskError) -> DueCounts
    /// The knowledge base (`Desk+Articles.swift`).
    func articles(viewer: Viewer, limit: Int) throws(DeskError) -> [Article]
    func article(slug: String, viewer: Viewer) throws(DeskError) -> Article
    func searchArticles(_ query: ArticleQuery, viewer: Viewer) throws(DeskError) -> [Article]
    @discardableResult
    func countArticleEvent(_ event: ArticleEvent, ids: [ArticleID], viewer: Viewer) throws(DeskError) -> Int
    func addArticle(_ draft: ArticleDraft, by viewer: Viewer) throws(DeskError) -> Article
    func editArticle(slug: String, _ edit: ArticleEdit, by viewer: Viewer) throws(DeskError) -> Article
    func importArticles(
        _ files: [(file: String, article: Result<ArticleDraft, ArticleFileProblem>)], by viewer: Viewer
    ) throws(DeskError) -> ArticleImportReport
    /// The quoted history cut from the ticket's mailed messages the viewer may see (`Desk+QuotedHistory`).
    func quotedHistory(number: Int64, viewer: Viewer) throws(DeskError) -> [MessageID: String]
    /// What the viewer receives by mail, event by event (nil: the default), and changing it.
    func mailPreferences(viewer: Viewer) throws(DeskError) -> [(event: MailNotificationEvent, wanted: Bool?)]
    func setMailPreference(_ event: MailNotificationEvent, wanted: Bool, viewer: Viewer) throws(DeskError)
    /// The team lead's report (`Desk+Report.swift`, staff).
    func report(_ query: ReportQuery, viewer: Viewer) throws(DeskError) -> Report
    /// Call-back requests (`Desk+Callbacks.swift`).
    func requestCallback(number: Int64, _ ask: CallbackAsk, by viewer: Viewer) throws(DeskError) -> CallbackRequest
    func takeCallback(number: Int64, by viewer: Viewer) throws(DeskError) -> CallbackRequest
    func recordCallback(number: Int64, _ report: CallbackReport, by viewer: Viewer) throws(DeskError) -> CallbackRequest
    func callbacks(states: Set<CallbackState>, viewer: Viewer, limit: Int) throws(DeskError) -> [CallbackRequest]
    func callback(number: Int64, viewer: Viewer) throws(DeskError) -> CallbackRequest?
    func callbackPhone(viewer: Viewer) throws(DeskError) -> String?
    func callbackZone(viewer: Viewer) throws(DeskError) -> String?
}

/// The desk's notion of now, injected so tests and `maintain --now` can move time.
public struct DeskClock: Sendable {
    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = DeskClock { Date() }
    public static func fixed(_ date: Date) -> DeskClock { DeskClock { date } }
}
