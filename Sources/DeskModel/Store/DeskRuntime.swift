import Foundation

/// Executes effects against the store and turns their results into actions. Synchronous:
/// SQLite answers in microseconds to milliseconds, and one ordered queue keeps the client simple.
public struct DeskRuntime: Sendable {
    public let store: any DeskStore
    public let viewer: Viewer
    public let clock: DeskClock
    /// The desk account's authorized_keys, where the People screen authorises keys; nil where
    /// the client cannot reach it (keys are then managed with `deskterm ssh`).
    public var keysFile: AuthorizedKeysFile?
    private let unreadMemo = UnreadCountMemo()
    private let deferred = DeferredEffects()

    /// The time zone the terminal names (`TZ`), offered in the call-back form when the
    /// viewer's last request gave none. Nil: unknown (over SSH, the server's zone is not the
    /// customer's).
    public let terminalTimeZone: String?

    public init(store: any DeskStore, viewer: Viewer, clock: DeskClock = .system, terminalTimeZone: String? = nil) {
        self.store = store
        self.viewer = viewer
        self.clock = clock
        self.terminalTimeZone = terminalTimeZone
    }

    /// Saves what could not be saved while the desk was busy, waiting this time: the client is
    /// ending, and a draft typed is a draft kept. Returns the drafts the desk still did not take
    /// (it cannot be reached), for the client to hand back to the person who typed them.
    @discardableResult
    public func saveWaiting(_ drafts: [DraftSlot: Draft]) -> [Draft] {
        drafts.values.sorted { $0.slot.key < $1.slot.key }.filter { draft in
            (try? store.saveDraft(draft, viewer: viewer)) == nil
        }
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
            let token = try store.changeToken()
            let unread = try unreadMemo.counts(at: token) { () throws(DeskError) in try store.unreadCounts(viewer: viewer) }
            return [.countsLoaded(try store.counts(viewer: viewer)), .unreadCountsLoaded(unread)]
        case .loadTicket(let number):
            return [.ticketLoaded(try loadForDisplay(number))] + quotedHistoryLoaded(number)
        case .loadJumpTarget(let number):
            do {
                return [.jumpTargetLoaded(try loadForDisplay(number))] + quotedHistoryLoaded(number)
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
            } catch .deskUnreachable(let location, let reason) {
                // Kept like a draft for a busy desk, and the client learns the desk is gone.
                return [.draftSaveDeferred(draft), .failed(.deskUnreachable(location: location, reason: reason))]
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
            return [.ticketChanged(ticket, info: Notices.statusChanged(number, to: status, for: viewer.role))]
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
        case .checkDeskReachable:
            _ = try store.changeToken()
            return [.deskReconnected]
        case .article(let effect):
            return try performArticle(effect)
        case .mailPreferences(let effect):
            return try performMailPreferences(effect)
        case .editTicket(let number, let edit):
            return try savedEdit(number: number, edit)
        case .report(let effect):
            return performReport(effect)
        case .callback(let effect):
            return try performCallback(effect)
        case .people(let effect):
            return try performPeople(effect)
        case .search(let query):
            let parsed = try TicketQuery.parseForSearch(query)
            return [.searchResultsLoaded(query: query, try store.search(parsed, viewer: viewer, limit: 50))]
        case .loadSavedViews:
            let views = try store.savedViews(viewer: viewer)
            return [.savedViewsLoaded(views, counts: try SavedViewTabs.counts(of: views, store: store, viewer: viewer))]
        case .saveView(let saved):
            try store.saveView(saved, viewer: viewer)
            return [.viewSaved(saved)]
        case .saveUserSettings(let settings):
            // A preference is not worth a wait: when another process is writing, skip it.
            do {
                try store.saveUserSettings(settings, viewer: viewer)
            } catch .databaseBusy {}
            return []
        case .loadAgentHandles:
            return [.agentHandlesLoaded(try store.users().filter { $0.role.isStaff }.map(\.handle))]
        case .loadSnippets(let query, let ids):
            return [.snippetsLoaded(query: query, try store.searchSnippets(query, ticketIDs: ids, viewer: viewer))]
        case .saveAttachment(let id, let path, let overwrite):
            let data = try store.attachmentData(id: id, viewer: viewer)
            guard let written = try LocalFiles.write(data, to: path, replacing: overwrite) else {
                return [.saveTargetExists(attachmentID: id, path: path)]
            }
            return [.attachmentSaved(path: written, size: Int64(data.count))]
        case .completePath(let typed):
            return [.pathCompletionsLoaded(typed: typed, LocalFiles.completions(of: typed))]
        case .checkFile(let path):
            return [.composerFileAccepted(path: try LocalFiles.check(path, limit: try store.settings().attachmentLimit))]
        case .sendMessageWithFiles(let message, let slot, let paths):
            let sent = try store.addMessage(message, by: viewer, clearingDraft: slot, attaching: try readFiles(paths))
            return [.messageSent(sent, ticketNumber: message.ticketNumber)]
        case .createTicketWithFiles(let ticket, let slot, let allowDuplicate, let paths):
            let created = try store.createTicket(
                ticket, by: viewer, allowDuplicate: allowDuplicate, clearingDraft: slot, attaching: try readFiles(paths))
            return [.ticketCreated(created)]
        case .markRead(let number, let messageID):
            if (try? store.markRead(number: number, throughMessage: messageID, viewer: viewer)) == true {
                unreadMemo.forget()
            }
            return []
        case .markUnread(let number):
            try store.markUnread(number: number, viewer: viewer)
            unreadMemo.forget()
            return []
        case .loadTagTargets(let request):
            return [.tagTargetsLoaded(try store.page(request, viewer: viewer))]
        case .runBulk(let operation, let numbers):
            do {
                return [.bulkBatchDone(try store.bulk(operation, numbers: numbers, by: viewer))]
            } catch {
                // The batch's transaction rolled back: none of its tickets changed.
                return [.bulkBatchDone(numbers.map { BulkOutcome(number: $0, refusal: error) })]
            }
        }
    }

    /// Files of this machine to store with a message or ticket, each within the desk's limit.
    private func readFiles(_ paths: [String]) throws(DeskError) -> [NewAttachment] {
        let limit = try store.settings().attachmentLimit
        var files: [NewAttachment] = []
        for path in paths {
            let name = (path as NSString).lastPathComponent
            files.append(NewAttachment(name: name, mediaType: MediaTypes.guess(name), data: try LocalFiles.read(path, limit: limit)))
        }
        return files
    }

    /// A ticket loaded to be shown is read through its last message shown (`UnreadSQL`), once
    /// it is on screen (`takeDeferred`). A desk that cannot record it (read-only, busy) still
    /// shows the ticket.
    private func loadForDisplay(_ number: Int64) throws(DeskError) -> TicketDetail {
        let detail = try store.detail(number: number, viewer: viewer, bodies: .client)
        deferred.append(.markRead(number: number, throughMessage: detail.messages.last?.id))
        return detail
    }

    /// Effects the runtime itself asked for while performing others, oldest first; each is
    /// handed out once. They wait for idle (`waitsForIdle`).
    public func takeDeferred() -> [DeskEffect] {
        deferred.take()
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
                if effect.waitsForIdle {
                    enqueueIdle([effect])
                    continue
                }
                if background?.start(effect) == true { continue }
                // Marked unread after opening: the read mark still waiting must not undo it.
                if case .markUnread(let number) = effect { idleWork.removeAll { $0.isReadMark(of: number) } }
                // A page read now shows what those writes record (the row read, the ticket first
                // in Recent): it waits for them, not they for the idle moment.
                if effect.readsWhatIdleWritesRecord { runIdleWrites() }
                queue += runtime.perform(effect)
                enqueueIdle(runtime.takeDeferred())
            }
        }
    }

    /// Writes go ahead of the reads already waiting (the counts after a reload see its read
    /// mark); otherwise in the order asked.
    private func enqueueIdle(_ effects: [DeskEffect]) {
        for effect in effects {
            if effect.isIdleWrite, let firstRead = idleWork.firstIndex(where: { !$0.isIdleWrite }) {
                idleWork.insert(effect, at: firstRead)
            } else {
                idleWork.append(effect)
            }
        }
    }

    /// Runs the writes that waited for the screen and drops the reads: the client is ending,
    /// and a ticket opened is a ticket read (and in Recent) even when no idle moment came.
    public func finishIdleWrites() {
        runIdleWrites()
        idleWork = []
    }

    /// Runs the waiting writes now, leaving the waiting reads to the idle moment.
    private func runIdleWrites() {
        let writes = idleWork.filter(\.isIdleWrite)
        guard !writes.isEmpty else { return }
        idleWork.removeAll(where: \.isIdleWrite)
        // Writes give back no actions (`markRead`, `recordViewed`).
        for effect in writes { _ = runtime.perform(effect) }
    }

    /// Effects that wait until the screen is drawn and no key is waiting (`waitsForIdle`).
    public private(set) var idleWork: [DeskEffect] = []

    /// Where effects that may block for seconds run (`BackgroundEffects`); nil runs them in
    /// line, as tests and the benchmark want.
    public var background: BackgroundEffects?

    /// Sends the actions of the background effects that ended; false when none had.
    @discardableResult
    public func receiveBackgroundResults() -> Bool {
        guard let actions = background?.takeFinished(), !actions.isEmpty else { return false }
        for action in actions { send(action) }
        return true
    }

    /// Runs the work that waited for the screen; false when there was none.
    @discardableResult
    public func runIdleWork() -> Bool {
        guard !idleWork.isEmpty else { return false }
        let work = idleWork
        idleWork = []
        for effect in work {
            let actions = runtime.perform(effect)
            enqueueIdle(runtime.takeDeferred())
            for action in actions { send(action) }
        }
        return true
    }
}
