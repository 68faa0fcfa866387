/// Work for the runtime, as values: the reducer stays pure and tests can read what it asked for.
public enum DeskEffect: Equatable, Sendable {
    case loadPage(PageRequest, PagePlacement)
    case loadCounts
    case loadTicket(number: Int64)
    case recordViewed(number: Int64)
    case loadDraft(DraftSlot)
    case saveDraft(slot: DraftSlot, subject: String, body: String, fields: [String: String])
    case deleteDraft(DraftSlot)
    case sendMessage(NewMessage, slot: DraftSlot)
    case createTicket(NewTicket, slot: DraftSlot)
    case changeStatus(number: Int64, TicketStatus)
    case assign(number: Int64, handle: String?)
    case setWatching(number: Int64, watching: Bool)
    case search(String)
    case loadAgents
}
