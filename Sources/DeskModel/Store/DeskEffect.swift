/// Work for the runtime, as values: the reducer stays pure and tests can read what it asked for.
public enum DeskEffect: Equatable, Sendable {
    case loadPage(PageRequest, PagePlacement)
    case loadCounts
    case loadTicket(number: Int64)
    /// Like `loadTicket`, for a number the user typed: not found comes back as
    /// `jumpTargetMissing`.
    case loadJumpTarget(number: Int64)
    case recordViewed(number: Int64)
    case loadDraft(DraftSlot)
    case saveDraft(slot: DraftSlot, subject: String, body: String, fields: [String: String])
    case deleteDraft(DraftSlot)
    case sendMessage(NewMessage, slot: DraftSlot)
    /// The first submit keeps the duplicate guard; the requester's "create anyway" lifts it.
    case createTicket(NewTicket, slot: DraftSlot, allowDuplicate: Bool)
    case changeStatus(number: Int64, TicketStatus)
    case assign(number: Int64, handle: String?)
    case setWatching(number: Int64, watching: Bool)
    case search(String)
    case loadAgents
    /// The people the viewer may name as watchers of a ticket they open.
    case loadWatcherCandidates
    /// The viewer's saved views, each counted up to `SavedViewTabs.countCap`.
    case loadSavedViews
    case saveView(SavedView)
    /// Keeps the viewer's view, sort and order in the desk; skipped when the desk is busy.
    case saveUserSettings(UserSettings)
    /// Agents' handles, for completing `:assign`.
    case loadAgentHandles
    /// Lines of matching text for these search results (`DeskStore.searchSnippets`).
    case loadSnippets(query: String, [TicketID])
    /// Writes an attachment's bytes to a file of this machine (replacing it only with `overwrite`).
    case saveAttachment(id: AttachmentID, path: String, overwrite: Bool)
    /// Lists the names that complete a typed path.
    case completePath(String)
    /// Checks that a file can be attached (a readable regular file within the desk's limit).
    case checkFile(String)
    /// Sends a reply or note with files of this machine attached to it, in one transaction.
    case sendMessageWithFiles(NewMessage, slot: DraftSlot, files: [String])
    /// Creates a ticket with files of this machine attached to it, in one transaction.
    case createTicketWithFiles(NewTicket, slot: DraftSlot, allowDuplicate: Bool, files: [String])
    case markUnread(number: Int64)
    /// The first tickets of a view, to tag them.
    case loadTagTargets(PageRequest)
    /// One batch of a bulk action, each ticket in its own transaction.
    case runBulk(BulkOperation, numbers: [Int64])
    /// Bodies of messages of an open ticket, read as the reader comes near them.
    case loadMessageBodies(number: Int64, ids: [MessageID])
    case loadTicketWatcherCandidates(number: Int64)
    /// Adds (or removes) someone as a watcher of a ticket.
    case setWatcher(number: Int64, handle: String, watching: Bool)
    /// Records that the viewer read a ticket through a message (`DeskStore.markRead`). The
    /// runtime asks for it when it loads a ticket to show, to run after the frame.
    case markRead(number: Int64, throughMessage: MessageID?)
    /// Asks the desk whether it answers again: `deskReconnected`, or the failure once more.
    case checkDeskReachable
    /// The knowledge base (`ArticleEffect`).
    case article(ArticleEffect)
    /// The reader's mail notification preferences (`MailPreferencesEffect`).
    case mailPreferences(MailPreferencesEffect)
    /// Saves the edit form (`TicketEditForm`); answers `ticketEdit(.saved)` or `.refused`.
    case editTicket(number: Int64, TicketEdit)
    /// The team lead's report (`ReportsEffect`).
    case report(ReportsEffect)
    case callback(CallbackEffect)
    /// The People screen's reads and changes (`PeopleEffect`).
    case people(PeopleEffect)
}
