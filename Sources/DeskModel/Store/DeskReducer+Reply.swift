import Foundation

/// Answering a particular message: picking it in the thread (`]` / `[`), replying to it or
/// quoting it, and an agent's choice of what the reply does (Ctrl-T).
extension DeskReducer {
    static func reduceReply(_ state: inout DeskState, _ action: DeskAction) -> [DeskEffect] {
        switch action {
        case .messageSelectionMoved(let delta): moveMessageSelection(&state, by: delta)
        case .selectedMessageRevealed(let firstLine): revealSelectedMessage(&state, firstLine: firstLine)
        case .quoteRequested: quoteMessage(&state)
        case .replyIntentCycled: cycleReplyIntent(&state)
        default: []
        }
    }

    /// The messages a reader may pick, in the thread's display order: what the thread shows
    /// this viewer (no internal note for a customer), system events aside.
    static func pickableMessageIDs(_ open: OpenTicketState) -> [MessageID] {
        open.thread.lazy.filter { $0.message.kind != .systemEvent }.map(\.message.id)
    }

    static func moveMessageSelection(_ state: inout DeskState, by delta: Int) -> [DeskEffect] {
        if let opening = openFirst(&state, then: .messageSelectionMoved(by: delta)) { return opening }
        guard var open = state.openTicket else { return [] }
        let ids = pickableMessageIDs(open)
        guard !ids.isEmpty else {
            state.message = StatusMessage(.info, Notices.noMessageToPick(open.detail.ticket.number))
            return []
        }
        let target: Int
        if let current = open.selectedMessageID, let index = ids.firstIndex(of: current) {
            target = min(max(0, index + delta), ids.count - 1)
        } else {
            // Nothing picked yet: `]` starts from the top, `[` from the bottom.
            target = delta > 0 ? 0 : ids.count - 1
        }
        open.selectedMessageID = ids[target]
        open.revealSelectedMessage = true
        state.openTicket = open
        state.focus = .detail
        return []
    }

    static func revealSelectedMessage(_ state: inout DeskState, firstLine: Int) -> [DeskEffect] {
        guard var open = state.openTicket else { return [] }
        open.scroll = max(0, firstLine)
        open.revealSelectedMessage = false
        state.openTicket = open
        return []
    }

    /// A reply or note opened with a message picked answers that message.
    static func answerSelection(_ composer: inout ComposerState, _ state: DeskState) {
        guard composer.kind == .reply || composer.kind == .internalNote,
              let open = state.openTicket, composer.slot.ticketNumber == open.detail.ticket.number else { return }
        composer.inReplyToID = open.selectedMessageID
    }

    /// The reply composer with the picked message quoted; with none picked, the last message
    /// (or the description when nobody has written yet).
    static func quoteMessage(_ state: inout DeskState) -> [DeskEffect] {
        if let opening = openFirst(&state, then: .quoteRequested) { return opening }
        guard let open = state.openTicket else { return [] }
        let detail = open.detail
        let pickable = Set(pickableMessageIDs(open))
        let visible = detail.messages.filter { pickable.contains($0.id) }
        let target = open.selectedMessageID.flatMap { id in visible.first { $0.id == id } } ?? visible.last
        let effects = openComposer(&state, .reply)
        guard var composer = state.composer, composer.slot == .reply(ticketNumber: detail.ticket.number) else { return effects }
        // The description is the requester's; a message is its author's (if the desk knows them).
        let author = if let target { target.authorID.flatMap { detail.authors[$0]?.name } } else { detail.requester.name }
        composer.body = Quoting.quote(
            target?.body ?? detail.ticket.description, author: author ?? Notices.someoneInQuote.text(in: state.language),
            at: target?.createdAt ?? detail.ticket.createdAt, in: state.language)
        composer.inReplyToID = target?.id
        composer.cursor = composer.body.count
        composer.opensWithQuote = true
        state.composer = composer
        return effects
    }

    /// The reply's saved draft arrived under a fresh quote: the draft's text comes first, the
    /// quote after it; the quoted message stays the one answered.
    static func mergeQuote(_ state: inout DeskState, with saved: Draft?) -> [DeskEffect] {
        guard var composer = state.composer else { return [] }
        composer.opensWithQuote = false
        if let saved, saved.slot == composer.slot {
            let target = composer.inReplyToID
            composer.fields.merge(saved.fields) { _, kept in kept }
            composer.inReplyToID = target
            if !saved.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                composer.body = saved.body + "\n\n" + composer.body
            }
        }
        composer.cursor = composer.body.count
        state.composer = composer
        return [.saveDraft(slot: composer.slot, subject: composer.subject, body: composer.body, fields: composer.fields)]
    }

    /// Ctrl-T: reply → reply and ask the customer → reply and propose a solution → reply.
    /// Customers have no such choice and never hear of it.
    static func cycleReplyIntent(_ state: inout DeskState) -> [DeskEffect] {
        guard var composer = state.composer, !composer.isSending, state.viewer.isStaff else { return [] }
        guard composer.offersIntent(to: state.viewer) else {
            state.message = StatusMessage(.info, Notices.intentOnlyForReplies)
            return []
        }
        let cycle = ReplyIntent.cycle
        composer.replyIntent = cycle[((cycle.firstIndex(of: composer.replyIntent) ?? 0) + 1) % cycle.count]
        state.composer = composer
        return [.saveDraft(slot: composer.slot, subject: composer.subject, body: composer.body, fields: composer.fields)]
    }

    /// What Ctrl-S sends from a reply or note composer.
    static func newMessage(from composer: ComposerState, ticketNumber: Int64, viewer: Viewer) -> NewMessage {
        NewMessage(
            ticketNumber: ticketNumber, body: composer.body, isInternal: composer.kind == .internalNote,
            intent: composer.intentSent(by: viewer), inReplyToID: composer.inReplyToID)
    }
}

extension Notices {
    static func noMessageToPick(_ number: Int64) -> Phrase { .model("#{number} has no message to pick yet", ["number": .number(number)]) }
    static let intentOnlyForReplies = Phrase.model("Only a reply can ask the customer or propose a solution")
    /// An author the desk no longer knows, in a quote's attribution.
    static let someoneInQuote = Phrase.model("Someone", context: "unknown author")
}
