import Foundation

/// Executes effects against the store and turns their results into actions. Synchronous:
/// SQLite answers in microseconds to milliseconds, and one ordered queue keeps the client simple.
public struct DeskRuntime: Sendable {
    public let store: any DeskStore
    public let viewer: Viewer
    public let clock: DeskClock

    public init(store: any DeskStore, viewer: Viewer, clock: DeskClock = .system) {
        self.store = store
        self.viewer = viewer
        self.clock = clock
    }

    /// Saves what could not be saved while the desk was busy, waiting this time: the client is
    /// ending, and a draft typed is a draft kept.
    public func saveWaiting(_ drafts: [DraftSlot: Draft]) {
        for draft in drafts.values { try? store.saveDraft(draft, viewer: viewer) }
    }

    public func perform(_ effect: DeskEffect) -> [DeskAction] {
        do {
            return try run(effect)
        } catch {
            return [.failed(error)]
        }
    }

    private func run(_ effect: DeskEffect) throws(DeskError) -> [DeskAction] {
        switch effect {
        case .loadPage(let request, let placement):
            return [.pageLoaded(request, try store.page(request, viewer: viewer), placement)]
        case .loadCounts:
            return [.countsLoaded(try store.counts(viewer: viewer))]
        case .loadTicket(let number):
            return [.ticketLoaded(try store.detail(number: number, viewer: viewer, bodies: .client))]
        case .loadJumpTarget(let number):
            do {
                return [.jumpTargetLoaded(try store.detail(number: number, viewer: viewer, bodies: .client))]
            } catch .ticketNotFound {
                return [.jumpTargetMissing(number: number)]
            }
        case .recordViewed(let number):
            try store.recordViewed(number: number, viewer: viewer)
            return []
        case .loadDraft(let slot):
            return [.draftLoaded(try store.draft(slot, viewer: viewer))]
        case .saveDraft(let slot, let subject, let body, let fields):
            let draft = Draft(slot: slot, subject: subject, body: body, fields: fields, updatedAt: clock.now())
            do {
                try store.saveDraft(draft, viewer: viewer)
            } catch .databaseBusy {
                return [.draftSaveDeferred(draft)]
            }
            return []
        case .deleteDraft(let slot):
            try store.deleteDraft(slot, viewer: viewer)
            return []
        case .sendMessage(let message, let slot):
            return [.messageSent(try store.addMessage(message, by: viewer, clearingDraft: slot), ticketNumber: message.ticketNumber)]
        case .createTicket(let ticket, let slot, let allowDuplicate):
            return [.ticketCreated(try store.createTicket(ticket, by: viewer, allowDuplicate: allowDuplicate, clearingDraft: slot))]
        case .changeStatus(let number, let status):
            let ticket = try store.changeStatus(number: number, to: status, by: viewer)
            return [.ticketChanged(ticket, info: Notices.statusChanged(number, to: status.label(for: viewer.role)))]
        case .assign(let number, let handle):
            let ticket = try store.assign(number: number, to: handle, by: viewer)
            return [.ticketChanged(ticket, info: Notices.assigned(number, to: handle))]
        case .setWatching(let number, let watching):
            try store.setWatching(number: number, handle: viewer.user.handle, watching: watching, by: viewer)
            let ticket = try store.ticket(number: number, viewer: viewer)
            return [.ticketChanged(ticket, info: Notices.watching(number, watching))]
        case .loadAgents:
            return [.agentsLoaded(try store.users().filter { $0.role.isStaff })]
        case .loadWatcherCandidates:
            return [.watcherCandidatesLoaded(try store.watcherCandidates(for: viewer))]
        case .loadMessageBodies(let number, let ids):
            return [.historyBodiesLoaded(number: number, bodies: try store.messageBodies(number: number, ids: ids, viewer: viewer))]
        case .loadTicketWatcherCandidates(let number):
            return [.ticketWatcherCandidatesLoaded(number: number, try store.ticketWatcherCandidates(number: number, viewer: viewer))]
        case .setWatcher(let number, let handle, let watching):
            try store.setWatching(number: number, handle: handle, watching: watching, by: viewer)
            let ticket = try store.ticket(number: number, viewer: viewer)
            return [.ticketChanged(ticket, info: Notices.watcherChanged(handle, number, watching))]
        case .search(let query):
            return [.searchResultsLoaded(query: query, try store.search(query, viewer: viewer, limit: 50))]
        }
    }
}

/// Runs actions through the reducer and effects through the runtime until nothing is left:
/// the loop the client and tests share.
public final class DeskEngine {
    public private(set) var state: DeskState
    public let runtime: DeskRuntime

    public init(state: DeskState, runtime: DeskRuntime) {
        self.state = state
        self.runtime = runtime
    }

    public func send(_ action: DeskAction) {
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in DeskReducer.reduce(into: &state, next) {
                queue += runtime.perform(effect)
            }
        }
    }
}
