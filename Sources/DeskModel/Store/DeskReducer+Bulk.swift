/// Tags (`t`, `T`, Esc clears) and the bulk actions they turn `S`, `a`, `A` and `w` into: one
/// question, batches run between frames with progress, one summary.
extension DeskReducer {
    /// With tickets tagged, the ticket commands act on the tags; nil lets the action through
    /// to the single-ticket reducer (and its refusals, such as "only agents assign").
    static func reduceTagged(_ state: inout DeskState, _ action: DeskAction) -> [DeskEffect]? {
        guard !state.tagged.isEmpty else { return nil }
        switch action {
        case .statusMenuRequested:
            if let busy = refuseWhileBulk(&state) { return busy }
            state.overlay = .statusMenu(ticketNumber: BulkLimits.taggedTickets, options: bulkStatuses(state.viewer), selected: 0)
            return []
        case .assignMenuRequested:
            guard state.viewer.isStaff else { return nil }
            return refuseWhileBulk(&state) ?? [.loadAgents]
        case .agentsLoaded(let agents):
            state.overlay = .assignMenu(
                ticketNumber: BulkLimits.taggedTickets, options: [nil] + agents.map { Optional($0) }, selected: agents.isEmpty ? 0 : 1)
            return []
        case .assignRequested(let handle):
            guard state.viewer.isStaff else { return nil }
            return confirmBulk(&state, .assign(handle: handle))
        case .watchToggled:
            return confirmBulk(&state, .watch)
        case .menuChosen:
            switch state.overlay {
            case .statusMenu(BulkLimits.taggedTickets, let options, let selected) where options.indices.contains(selected):
                return confirmBulk(&state, .changeStatus(options[selected]))
            case .assignMenu(BulkLimits.taggedTickets, let options, let selected) where options.indices.contains(selected):
                return confirmBulk(&state, .assign(handle: options[selected]?.handle))
            default:
                return nil
            }
        case .closeRequested where state.search == nil && state.composer == nil && state.openTicket == nil && state.bulk == nil:
            state.tagged = [:]
            state.message = StatusMessage(.info, BulkNotices.tagsCleared)
            return []
        default:
            return nil
        }
    }

    /// The statuses a bulk change offers: every one the viewer's side reaches from some open
    /// status; each ticket is then checked on its own (a refusal is reported in the summary).
    static func bulkStatuses(_ viewer: Viewer) -> [TicketStatus] {
        let side = Permissions.side(of: viewer)
        let reachable = TicketStatus.allCases.filter { target in
            TicketStatus.allCases.contains { !$0.isClosed && Workflow.reachableStatuses(from: $0, side: side).contains(target) }
        }
        // Customers may only close (`Permissions.canApply`).
        return viewer.isStaff ? reachable : reachable.filter(\.isClosed)
    }

    static func refuseWhileBulk(_ state: inout DeskState) -> [DeskEffect]? {
        guard state.bulk != nil else { return nil }
        state.message = StatusMessage(.info, BulkNotices.bulkBusy)
        return []
    }

    static func confirmBulk(_ state: inout DeskState, _ operation: BulkOperation) -> [DeskEffect] {
        state.overlay = nil
        if let busy = refuseWhileBulk(&state) { return busy }
        state.overlay = .confirm(.bulk(operation, count: state.tagged.count))
        return []
    }

    /// After the yes: the first batch at once, the others as the loop asks (`bulkContinued`).
    static func startBulk(_ state: inout DeskState, _ operation: BulkOperation) -> [DeskEffect] {
        guard state.bulk == nil else { return [] }
        state.bulk = BulkRun(operation: operation, numbers: state.tagged.values.sorted())
        return nextBulkBatch(&state)
    }

    static func nextBulkBatch(_ state: inout DeskState) -> [DeskEffect] {
        guard var run = state.bulk, !run.pending.isEmpty,
              run.done + run.pending.count == run.total // no batch still running
        else { return [] }
        let batch = Array(run.pending.prefix(BulkLimits.batchSize))
        run.pending.removeFirst(batch.count)
        state.bulk = run
        return [.runBulk(run.operation, numbers: batch)]
    }

    static func finishBulkBatch(_ state: inout DeskState, _ outcomes: [BulkOutcome]) -> [DeskEffect] {
        guard var run = state.bulk else { return [] }
        run.outcomes += outcomes
        state.bulk = run
        guard run.done >= run.total else { return [] }
        state.bulk = nil
        state.tagged = [:]
        state.message = StatusMessage(.info, BulkNotices.summary(run, viewer: state.viewer))
        var effects: [DeskEffect] = [.loadCounts]
        if let open = state.openTicket?.detail.ticket.number, run.outcomes.contains(where: { $0.number == open }) {
            effects.append(.loadTicket(number: open))
        }
        return effects + refreshWindow(&state)
    }

    /// `t`: tags or untags the selected row and moves to the next, as mutt does.
    static func toggleTag(_ state: inout DeskState) -> [DeskEffect] {
        if let busy = refuseWhileBulk(&state) { return busy }
        guard state.search == nil, let row = state.list.selected else { return [] }
        if state.tagged.removeValue(forKey: row.id) == nil { state.tagged[row.id] = row.number }
        state.focus = .list
        return moveSelection(&state, by: 1)
    }

    static func requestTagAll(_ state: inout DeskState) -> [DeskEffect] {
        if let busy = refuseWhileBulk(&state) { return busy }
        guard state.search == nil else { return [] }
        return [.loadTagTargets(PageRequest(view: state.view, order: state.order, limit: BulkLimits.tagAllLimit))]
    }

    static func tagAll(_ state: inout DeskState, _ page: TicketPage) {
        guard !page.rows.isEmpty else {
            state.message = StatusMessage(.info, BulkNotices.nothingTagged)
            return
        }
        for row in page.rows { state.tagged[row.id] = row.number }
        state.message = StatusMessage(.info, BulkNotices.tagged(page.rows.count, more: page.hasMore, keys: state.noticeKeys))
    }
}
