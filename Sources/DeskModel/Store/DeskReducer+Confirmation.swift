/// Steps that cannot be undone ask first: the question is an overlay, and nothing reaches
/// the desk before a yes.
extension DeskReducer {
    /// Every way of changing a status comes through here, so closing always asks.
    static func changeStatus(_ state: inout DeskState, number: Int64, to status: TicketStatus) -> [DeskEffect] {
        if status.isClosed {
            state.overlay = .confirm(.closeTicket(number: number))
            return []
        }
        return [.changeStatus(number: number, status)]
    }

    static func answerConfirmation(_ state: inout DeskState, yes: Bool) -> [DeskEffect] {
        guard case .confirm(let confirmation) = state.overlay else { return [] }
        state.overlay = nil
        guard yes else { return [] }
        switch confirmation {
        case .closeTicket(let number): return [.changeStatus(number: number, .closed)]
        case .overwriteFile(let id, let path): return [.saveAttachment(id: id, path: path, overwrite: true)]
        case .bulk(let operation, _): return startBulk(&state, operation)
        case .removeMember(let handle, let organisation):
            return confirmedPeopleChange(&state, .removeAccount(handle: handle, organisation: organisation))
        case .revokeKeys(let handle, let organisation):
            return confirmedPeopleChange(&state, .revokeKeys(handle: handle, organisation: organisation))
        }
    }
}
