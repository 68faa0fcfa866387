extension DeskState {
    /// The view, sort and order the client opens with: what was asked for explicitly (flags)
    /// wins, then what the user last chose (stored in the desk), then the defaults. A stored
    /// saved view that no longer exists or reads is passed over.
    public mutating func applyStartChoices(stored: UserSettings, explicit: UserSettings, savedViews: [SavedView]) {
        self.savedViews = savedViews
        if let name = explicit.view ?? stored.view {
            if let caseView = CaseView(lenient: name) {
                view = caseView
            } else if let saved = savedViews.first(where: { $0.name.lowercased() == name.lowercased() }),
                      let filter = try? saved.filter() {
                view = saved.view
                activeSavedView = saved.name
                listFilter = filter
            }
        }
        order = TicketOrder(
            key: explicit.sort ?? stored.sort ?? order.key,
            reversed: explicit.oldestFirst ?? stored.oldestFirst ?? order.reversed)
    }
}
