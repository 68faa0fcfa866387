import DeskModel

/// The watcher menu of an existing ticket (`W`): everyone who may watch it, those who do
/// marked ✓; choosing one adds or removes them.
enum TicketWatcherMenu {
    static func draw(number: Int64, options: [User], selected: Int, state: DeskState, into grid: inout Grid) {
        let watching = Set(state.openTicket?.detail.ticket.number == number ? state.openTicket!.detail.watchers.map(\.id) : [])
        let rows = options.enumerated().map { item in
            ("\(item.offset + 1)", (watching.contains(item.element.id) ? "✓ " : "  ")
                + "\(TextSafety.sanitizedLine(item.element.name)) (\(item.element.handle))")
        }
        Overlays.box(title: UIStrings.ticketWatchersTitle(number, state.language), rows: rows, selected: selected,
                     footer: UIStrings.ticketWatchersHint(state.language), into: &grid)
    }
}
