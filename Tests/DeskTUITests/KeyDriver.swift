import DeskModel

@testable import DeskTUI

/// Presses keys as the client does: each key goes through the router and the keymap, and
/// the actions it yields through the reducer. Returns the effects asked for, in order, so a
/// test can check what a key would make the runtime do without running it.
@discardableResult
func press(_ keys: [Key], on state: inout DeskState, keymap: Keymap = .standard) -> [DeskEffect] {
    var effects: [DeskEffect] = []
    for key in keys {
        for outcome in KeyRouter.route(key, state: state, keymap: keymap, size: state.size, restricted: false) {
            if case .action(let action) = outcome { effects += DeskReducer.reduce(into: &state, action) }
        }
    }
    return effects
}

extension Fixture {
    /// The detail of list row `id` (`#1000+id`), with the given status and watchers.
    static func detail(of id: TicketID, status: TicketStatus = .open, watchers: [User] = []) -> TicketDetail {
        let row = rows.first { $0.id == id } ?? rows[0]
        var ticket = ticket
        ticket.id = row.id
        ticket.number = row.number
        ticket.subject = row.subject
        ticket.status = status
        var detail = detail(ticket: ticket, messages: [])
        detail.watchers = watchers
        return detail
    }
}
