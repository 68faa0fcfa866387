import Foundation

/// The duplicate guard in the client: a new ticket that looks like one of the requester's
/// active tickets is held back, and the requester chooses what to do with the text.
///
/// The new ticket's composer and its saved draft stay as they were until a choice is made;
/// "reply there" keeps that draft until the reply is sent, so no choice loses text.
extension DeskReducer {
    static func warnOfDuplicate(_ state: inout DeskState, ofNumber number: Int64, subject: String) -> [DeskEffect] {
        state.composer?.isSending = false
        state.overlay = .possibleDuplicate(ofNumber: number, subject: subject)
        return []
    }

    static func chooseOnDuplicate(_ state: inout DeskState, _ choice: DuplicateChoice) -> [DeskEffect] {
        guard case .possibleDuplicate(let number, _) = state.overlay, var composer = state.composer else { return [] }
        state.overlay = nil
        state.focus = .composer
        switch choice {
        case .keepEditing:
            return []
        case .createAnyway:
            composer.isSending = true
            state.composer = composer
            return [createTicket(from: composer, allowDuplicate: true)]
        case .replyThere:
            return replyThere(&state, number: number, carrying: composer)
        }
    }

    /// Opens the existing ticket with a reply composer holding the new ticket's description.
    /// The reply's own saved draft, if any, is read first and kept ahead of it
    /// (`mergeCarriedText`).
    private static func replyThere(_ state: inout DeskState, number: Int64, carrying draft: ComposerState) -> [DeskEffect] {
        let slot = DraftSlot.reply(ticketNumber: number)
        var reply = ComposerState(kind: .reply, slot: slot, body: draft.body)
        reply.carriedFrom = draft.slot
        reply.cursor = draft.body.count
        state.composer = reply
        return [.loadTicket(number: number), .recordViewed(number: number), .loadCounts, .loadDraft(slot)]
    }

    /// The reply slot's saved draft arrived for a composer carrying text: the saved text comes
    /// first, the carried text after it, and the whole is saved as the reply's draft.
    static func mergeCarriedText(_ state: inout DeskState, with saved: Draft?) -> [DeskEffect] {
        guard var composer = state.composer else { return [] }
        if let saved, saved.slot == composer.slot,
           !saved.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            composer.body = saved.body + "\n\n" + composer.body
            composer.cursor = composer.body.count
        }
        state.composer = composer
        return [.saveDraft(slot: composer.slot, subject: composer.subject, body: composer.body, fields: composer.fields)]
    }
}
