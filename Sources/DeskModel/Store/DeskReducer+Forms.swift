/// The new-ticket and follow-up form (its starting values, the free plan's incidents, the
/// watcher menu) and the end of a draft (closing an untouched one, discarding).
extension DeskReducer {
    /// Starting values of a new ticket's or follow-up's form. A follow-up is about the same
    /// thing as the closed ticket: it starts with its fields and shows who it will go to.
    static func prepareForm(_ composer: inout ComposerState, _ state: DeskState) {
        composer.fields = [
            "kind": TicketKind.question.rawValue, "urgency": Urgency.none.rawValue,
            "contact": ContactPreference.portal.rawValue,
        ]
        composer.offersWatchers = Permissions.canNameWatchers(state.viewer)
        ComposerAccount.prepare(&composer, viewer: state.viewer)
        guard composer.kind == .followUp, let detail = state.openTicket?.detail else { return }
        composer.subject = Notices.followUpSubject(detail.ticket.subject).text(in: state.language)
        composer.prefilledSubject = composer.subject
        composer.fields.merge(FollowUpRules.formFields(of: detail.ticket)) { _, carried in carried }
        composer.inheritedAssignee = FollowUpRules.assignee(detail.assignee)?.handle
    }

    /// What keeps the form from being sent, said before the desk would refuse it.
    static func formRefusal(_ composer: ComposerState, _ state: DeskState) -> Phrase? {
        let kind = composer.fields["kind"].flatMap(TicketKind.init(lenient:)) ?? .question
        return Permissions.kindAllowed(kind, plan: ComposerAccount.plan(of: composer, viewer: state.viewer)) ? nil : Notices.incidentNotInFreePlan
    }

    /// Esc: a written draft stays (it is saved as typed); an untouched one is deleted.
    static func closeComposer(_ state: inout DeskState) -> [DeskEffect] {
        guard let composer = state.composer else { return [] }
        state.composer = nil
        state.focus = state.openTicket != nil ? .detail : .list
        if composer.isUntouched { return [.deleteDraft(composer.slot)] }
        state.message = StatusMessage(.info, Notices.draftKept)
        return []
    }

    static func requestDiscard(_ state: inout DeskState) -> [DeskEffect] {
        guard let composer = state.composer, !composer.isSending else { return [] }
        if composer.isUntouched { return discardDraft(&state) }
        state.overlay = .discardDraft
        return []
    }

    static func discardDraft(_ state: inout DeskState) -> [DeskEffect] {
        state.overlay = nil
        guard let composer = state.composer, !composer.isSending else { return [] }
        state.composer = nil
        state.focus = state.openTicket != nil ? .detail : .list
        state.message = StatusMessage(.info, Notices.draftDiscarded)
        return [.deleteDraft(composer.slot)]
    }

    // MARK: - Watchers

    static func requestWatcherMenu(_ state: inout DeskState) -> [DeskEffect] {
        guard let composer = state.composer, composer.field == .watchers, composer.offersWatchers else { return [] }
        return [.loadWatcherCandidates]
    }

    /// The candidates not yet named whose handle or name starts with the word being typed.
    static func showWatcherMenu(_ state: inout DeskState, _ candidates: [User]) -> [DeskEffect] {
        guard let composer = state.composer, composer.field == .watchers else { return [] }
        let (named, partial) = splitWatchers(composer.fields[ComposerField.watchers.rawValue] ?? "")
        let wanted = partial.lowercased()
        let options = candidates.filter { user in
            !named.contains(user.handle)
                && (wanted.isEmpty || user.handle.lowercased().hasPrefix(wanted) || user.name.lowercased().hasPrefix(wanted))
        }
        if options.isEmpty {
            state.message = StatusMessage(.info, partial.isEmpty ? Notices.noWatcherCandidates : Notices.noWatcherMatches(partial))
            return []
        }
        state.overlay = .watcherMenu(options: options, selected: 0)
        return []
    }

    /// The chosen person completes the word being typed (or joins the list).
    static func chooseWatcher(_ state: inout DeskState, _ user: User) -> [DeskEffect] {
        guard var composer = state.composer else { return [] }
        let (named, _) = splitWatchers(composer.fields[ComposerField.watchers.rawValue] ?? "")
        // The separator after it: the next Enter offers the next person, typing starts a new word.
        let text = (named + [user.handle]).joined(separator: ", ") + ", "
        composer.fields[ComposerField.watchers.rawValue] = text
        composer.field = .watchers
        composer.cursor = text.count
        state.composer = composer
        return [.saveDraft(slot: composer.slot, subject: composer.subject, body: composer.body, fields: composer.fields)]
    }

    /// The handles already complete, and the word after the last separator (being typed).
    static func splitWatchers(_ text: String) -> (named: [String], partial: String) {
        var words = ComposerState.handles(in: text)
        let endsInSeparator = text.last.map { $0 == "," || $0.isWhitespace } ?? true
        let partial = endsInSeparator ? "" : (words.popLast() ?? "")
        return (words, partial)
    }
}
