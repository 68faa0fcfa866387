import Foundation

/// A desk server that cannot be reached (a restart, a fail-over, the network): the client keeps
/// running and keeps every draft in memory, says so on the bottom line, asks at each clock tick
/// (about once a second) whether the desk answers again, and then saves the drafts and reloads.
extension DeskReducer {
    /// A read or write failed because the desk could not be reached.
    static func loseDesk(_ state: inout DeskState, _ error: DeskError) -> [DeskEffect] {
        state.deskUnreachable = true
        state.afterOpening = nil
        state.list.isLoading = false
        state.composer?.isSending = false
        if case .writeOutcomeUnknown = error {
            state.message = StatusMessage(.error, Notices.changeMaybeLost)
        } else if state.message?.phrase != Notices.changeMaybeLost {
            // Said again at each failed try, so a key that dismissed it does not hide the state.
            let keepingDraft = state.composer != nil || !state.unsavedDrafts.isEmpty
            state.message = StatusMessage(.error, Notices.deskLost(keepingDraft: keepingDraft))
        }
        return []
    }

    /// Drafts stay waiting in memory: saving them now would only fail again.
    static func tickWhileUnreachable(_ state: inout DeskState, _ now: Date) -> [DeskEffect] {
        state.now = now
        return [.checkDeskReachable]
    }

    /// The desk answers again: the waiting drafts are saved, and what is on screen is read
    /// again (others may have changed it meanwhile).
    static func reconnect(_ state: inout DeskState) -> [DeskEffect] {
        state.deskUnreachable = false
        // A change whose fate is unknown stays the news until the reader has seen it.
        let changeMaybeLost = state.message?.phrase == Notices.changeMaybeLost
        state.message = StatusMessage(.info, changeMaybeLost ? Notices.reconnectedCheckChange : Notices.reconnected)
        let waiting = state.unsavedDrafts.values.sorted { $0.slot.key < $1.slot.key }
        state.unsavedDrafts = [:]
        let saves: [DeskEffect] = waiting.map { draft in
            .saveDraft(slot: draft.slot, subject: draft.subject, body: draft.body, fields: draft.fields)
        }
        var reload: [DeskEffect] = [.loadCounts]
        if let number = state.openTicket?.detail.ticket.number { reload.append(.loadTicket(number: number)) }
        return saves + reload + refreshWindow(&state)
    }
}

extension DeskError {
    /// Failures that mean the desk server could not be reached, not that it refused something.
    var meansDeskUnreachable: Bool {
        switch self {
        case .deskUnreachable, .writeOutcomeUnknown: return true
        default: return false
        }
    }
}
