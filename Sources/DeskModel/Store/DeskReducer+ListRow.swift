/// Ticket keys act on the ticket in front of the reader, from the list as from the detail
/// pane; and the list follows a search result the reader opened.
public struct PendingTicketCommand: Equatable, Sendable {
    public var number: Int64
    /// The action to run again once the ticket is open.
    public var action: DeskAction

    public init(number: Int64, action: DeskAction) {
        self.number = number
        self.action = action
    }
}

extension DeskReducer {
    /// Commands that need the ticket's details (its status, its watchers) open the list's
    /// selected row first when another ticket, or none, is open, and run when it arrives.
    /// Nil when the target is already open: the command goes ahead.
    static func openFirst(_ state: inout DeskState, then action: DeskAction) -> [DeskEffect]? {
        guard let number = currentTicketNumber(state), state.openTicket?.detail.ticket.number != number else { return nil }
        state.afterOpening = PendingTicketCommand(number: number, action: action)
        state.focus = .detail
        return [.loadTicket(number: number), .recordViewed(number: number), .loadCounts]
    }

    static func runAfterOpening(_ state: inout DeskState, loaded number: Int64) -> [DeskEffect] {
        guard let pending = state.afterOpening, pending.number == number else { return [] }
        state.afterOpening = nil
        return reduce(into: &state, pending.action)
    }

    /// An opened search result becomes the list's selection: at once when the window holds
    /// it, else by reading the view from that ticket on.
    static func followInList(_ state: inout DeskState, _ result: TicketSummary) -> [DeskEffect] {
        if state.list.rows.contains(where: { $0.id == result.id }) {
            state.list.selectedID = result.id
            clampScroll(&state)
            return growWindowIfNeeded(&state)
        }
        state.list.isLoading = true
        var request = PageRequest(view: state.view, order: state.order, limit: state.pageLimit)
        // Recent is ordered by when each ticket was viewed: the one just opened comes first
        // (the view is recorded before this read), so Recent is read from its start.
        if state.view != .recent {
            request.cursor = PageCursor.at(result, orderedBy: state.order.key)
            request.inclusive = true
        }
        return [.loadPage(request, .around(result.id))]
    }
}
