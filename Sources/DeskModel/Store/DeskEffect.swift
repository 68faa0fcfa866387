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
    /// Bodies of messages of an open ticket, read as the reader comes near them.
    case loadMessageBodies(number: Int64, ids: [MessageID])
    case loadTicketWatcherCandidates(number: Int64)
    /// Adds (or removes) someone as a watcher of a ticket.
    case setWatcher(number: Int64, handle: String, watching: Bool)
}
