/// `W` adds or removes watchers of the ticket in front of the reader (the list's selected row
/// or the open ticket) through the watcher menu; who may be offered is the store's rule.
extension DeskReducer {
    static func requestTicketWatchers(_ state: inout DeskState, _ action: DeskAction) -> [DeskEffect] {
        guard Permissions.canNameWatchers(state.viewer) else {
            state.message = StatusMessage(.error, Notices.watchersForContactsOnly(state.noticeKeys))
            return []
        }
        // The menu marks who watches already: that is in the ticket's details.
        if let opening = openFirst(&state, then: action) { return opening }
        guard let number = currentTicketNumber(state) else { return [] }
        return [.loadTicketWatcherCandidates(number: number)]
    }

    static func showTicketWatchers(_ state: inout DeskState, number: Int64, _ candidates: [User]) -> [DeskEffect] {
        guard state.openTicket?.detail.ticket.number == number else { return [] }
        guard !candidates.isEmpty else {
            state.message = StatusMessage(.info, Notices.noWatcherCandidates)
            return []
        }
        state.overlay = .watcherMenu(options: candidates, selected: 0)
        state.watcherMenuTicket = number
        return []
    }

    /// The chosen person stops watching if they watch, else starts.
    static func toggleTicketWatcher(_ state: inout DeskState, _ user: User) -> [DeskEffect] {
        guard let number = state.watcherMenuTicket else { return [] }
        state.watcherMenuTicket = nil
        let watching = state.openTicket?.detail.ticket.number == number
            && state.openTicket!.detail.watchers.contains { $0.id == user.id }
        return [.setWatcher(number: number, handle: user.handle, watching: !watching)]
    }
}
