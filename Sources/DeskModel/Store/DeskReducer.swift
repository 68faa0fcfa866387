import Foundation

/// The pure reducer: `reduce(into:action) -> [DeskEffect]`. No I/O, no clock, no randomness.
public enum DeskReducer {
    public static func reduce(into state: inout DeskState, _ action: DeskAction) -> [DeskEffect] {
        let before = state
        let openBefore = state.openTicket
        var effects = (reduceTagged(&state, action) ?? reduceAction(into: &state, action)).map { applyingListFilter($0, state) }
        effects += followingEffects(before: before, after: state, effects).filter { !effects.contains($0) }
        effects += followUnread(&state, action, openBefore: openBefore)
        effects += followArticleSuggestions(&state, action)
        // While a slot's draft waits for a busy desk, newer text joins it for the next tick's
        // save instead of each keystroke waiting again; deleting the draft drops it.
        return effects.filter { effect in
            switch effect {
            case .saveDraft(let slot, let subject, let body, let fields):
                guard let waiting = state.unsavedDrafts[slot] else { return true }
                state.unsavedDrafts[slot] = Draft(slot: slot, subject: subject, body: body, fields: fields, updatedAt: waiting.updatedAt)
                return false
            case .deleteDraft(let slot):
                state.unsavedDrafts[slot] = nil
                return true
            default:
                return true
            }
        }
    }

    private static func reduceAction(into state: inout DeskState, _ action: DeskAction) -> [DeskEffect] {
        switch action {
        case .started:
            return reloadList(&state, select: nil) + [.loadCounts]

        case .terminalResized(let size):
            state.size = size
            clampScroll(&state)
            return []

        case .viewSelected(let view):
            guard view != state.view || state.activeSavedView != nil else { return [] }
            state.view = view
            state.activeSavedView = nil
            state.listFilter = TicketFilter()
            state.focus = .list
            return reloadList(&state, select: nil)

        case .sortCycled:
            state.order = TicketOrder(key: state.order.key.next(for: state.viewer.role), reversed: false)
            state.message = StatusMessage(.info, Notices.sorted(state.order, in: state.view))
            return reloadList(&state, select: state.list.selectedID)

        case .orderFlipped:
            state.order.reversed.toggle()
            state.message = StatusMessage(.info, Notices.sorted(state.order, in: state.view))
            return reloadList(&state, select: state.list.selectedID)

        case .selectionMoved(let delta):
            if state.focus == .detail { return reduce(into: &state, .historyScrolled(by: delta)) }
            return moveSelection(&state, by: delta)

        case .pageMoved(let pages):
            if state.focus == .detail {
                return reduce(into: &state, .historyScrolled(by: pages * max(1, state.visibleListRows - 1)))
            }
            return moveSelection(&state, by: pages * state.visibleListRows)

        case .jumpedToTop:
            if state.focus == .detail, state.openTicket != nil {
                state.openTicket?.scroll = 0
                return []
            }
            if state.list.reachedTop, let first = state.list.rows.first {
                state.list.selectedID = first.id
                state.list.scrollOffset = 0
                return []
            }
            return reloadList(&state, select: nil)

        case .jumpedToBottom:
            if state.focus == .detail, let open = state.openTicket {
                state.openTicket?.scroll = open.maxScroll
                return []
            }
            if state.list.reachedBottom, let last = state.list.rows.last {
                state.list.selectedID = last.id
                clampScroll(&state)
                return []
            }
            state.list.isLoading = true
            let request = PageRequest(view: state.view, order: state.order, direction: .backward, limit: state.pageLimit)
            return [.loadPage(request, .replaceAtBottom)]

        case .pageLoaded(let request, let page, let placement):
            // A page for a view or order the user has already left is stale.
            guard request.view == state.view, request.order == state.order, request.filter == state.listFilter else { return [] }
            applyPage(&state, page, placement, readFromStart: request.cursor == nil)
            return []

        case .countsLoaded(let counts):
            state.counts = counts
            return []

        case .ticketOpened:
            guard let number = selectedNumber(state) else { return [] }
            state.focus = .detail
            state.afterOpening = nil
            // Recent's count changes with the view.
            let effects: [DeskEffect] = [.loadTicket(number: number), .recordViewed(number: number), .loadCounts]
            guard let result = selectedSearchResult(state) else { return effects }
            return effects + followInList(&state, result)

        case .ticketRequested(let number):
            state.focus = .detail
            state.afterOpening = nil
            // Recent's count changes with the view.
            return [.loadTicket(number: number), .recordViewed(number: number), .loadCounts]

        case .ticketLoaded(let detail):
            let thread = ThreadTree.lines(detail.messages, includeInternalNotes: state.viewer.isStaff)
            // Reloading the ticket that is already open keeps the reader's place.
            if var open = state.openTicket, open.detail.ticket.id == detail.ticket.id {
                open.detail = detail
                open.thread = thread
                open.requestedBodies = []
                state.openTicket = open
            } else {
                state.openTicket = OpenTicketState(detail: detail, thread: thread)
            }
            return runAfterOpening(&state, loaded: detail.ticket.number)

        case .historyScrolled(let delta):
            guard var open = state.openTicket else { return [] }
            open.scroll = min(max(0, open.scroll + delta), open.maxScroll)
            state.openTicket = open
            return []

        case .focusCycled(let forward):
            var panes: [Pane] = [.list]
            if state.openTicket != nil { panes.append(.detail) }
            if state.composer != nil { panes.append(.composer) }
            let index = panes.firstIndex(of: state.focus) ?? 0
            state.focus = panes[(index + (forward ? 1 : panes.count - 1)) % panes.count]
            return []

        case .composerOpened(let kind):
            if kind != .newTicket, let opening = openFirst(&state, then: action) { return opening }
            return openComposer(&state, kind)

        case .draftLoaded(let stored):
            // What is still waiting to be saved is newer than what the desk has.
            let draft = state.composer.flatMap { state.unsavedDrafts[$0.slot] } ?? stored
            if state.composer?.carriedFrom != nil { return mergeCarriedText(&state, with: draft) }
            if state.composer?.opensWithQuote == true { return mergeQuote(&state, with: draft) }
            guard let draft, var composer = state.composer, composer.slot == draft.slot else { return [] }
            composer.subject = draft.subject
            composer.body = draft.body
            // A message picked on opening is newer than the one the draft answered.
            let pickedTarget = composer.inReplyToID
            composer.fields.merge(draft.fields) { _, saved in saved }
            if let pickedTarget { composer.inReplyToID = pickedTarget }
            composer.cursor = fieldText(composer, composer.field).count
            state.composer = composer
            return []

        case .composerEdited(let subject, let body):
            guard var composer = state.composer else { return [] }
            composer.subject = subject
            composer.body = body
            state.composer = composer
            return [.saveDraft(slot: composer.slot, subject: subject, body: body, fields: composer.fields)]

        case .composerSubmitted:
            return submitComposer(&state)

        case .composerClosed:
            return closeComposer(&state)

        case .messageSent(let message, let number):
            // A reply carrying a new ticket's text ("reply there") used that draft up too.
            let slots = [state.composer?.slot, state.composer?.carriedFrom].compactMap { $0 }
            state.composer = nil
            state.focus = .detail
            state.message = StatusMessage(.info, message.kind == .internalNote ? Notices.noteAdded(number) : Notices.replySent(number))
            return [.loadTicket(number: number), .loadCounts] + slots.map { .deleteDraft($0) }
                + refreshWindow(&state)

        case .ticketCreated(let ticket):
            let slot = state.composer?.slot
            state.composer = nil
            state.focus = .detail
            state.message = StatusMessage(.info, Notices.ticketCreated(ticket.number))
            return [.loadTicket(number: ticket.number), .recordViewed(number: ticket.number), .loadCounts]
                + (slot.map { [.deleteDraft($0)] } ?? []) + reloadList(&state, select: ticket.id)

        case .statusChangeRequested(let status):
            guard let number = currentTicketNumber(state) else { return [] }
            return changeStatus(&state, number: number, to: status)

        case .assignRequested(let handle):
            guard state.viewer.isStaff else {
                state.message = StatusMessage(.error, DeskError.notAllowedPhrase(Notices.onlyAgentsAssign))
                return []
            }
            guard let number = currentTicketNumber(state) else { return [] }
            return [.assign(number: number, handle: handle)]

        case .watchToggled:
            // Whether the viewer watches is in the ticket's details.
            if let opening = openFirst(&state, then: action) { return opening }
            guard let number = currentTicketNumber(state) else { return [] }
            let watching = state.openTicket?.detail.ticket.number == number
                && state.openTicket!.detail.watchers.contains { $0.id == state.viewer.id }
            return [.setWatching(number: number, watching: !watching)]

        case .ticketChanged(let ticket, let info):
            state.message = StatusMessage(.info, info)
            var effects: [DeskEffect] = [.loadCounts]
            if state.openTicket?.detail.ticket.id == ticket.id { effects.append(.loadTicket(number: ticket.number)) }
            return effects + refreshWindow(&state)

        case .searchStarted:
            state.search = SearchState()
            return []

        case .searchQueryChanged(let query):
            return searchFor(&state, query)

        case .searchResultsLoaded(let query, let results):
            // Results of an older query arriving late must not replace newer ones.
            guard state.search?.query == query else { return [] }
            state.search?.results = results
            state.search?.selectedIndex = 0
            // Another query's snippets are not this one's.
            state.search?.snippets = [:]
            state.search?.snippetsRequested = 0
            return requestSnippets(&state)

        case .searchClosed:
            state.search = nil
            return []

        case .refreshRequested, .deskChanged:
            var effects: [DeskEffect] = [.loadCounts]
            if let number = state.openTicket?.detail.ticket.number { effects.append(.loadTicket(number: number)) }
            return effects + refreshWindow(&state)

        case .backRequested:
            if state.search != nil {
                state.search = nil
            } else if state.composer != nil {
                return reduce(into: &state, .composerClosed)
            } else if state.openTicket != nil {
                state.openTicket = nil
                state.focus = .list
            } else {
                state.shouldQuit = true
            }
            return []

        case .closeRequested:
            if state.search != nil || state.composer != nil || state.openTicket != nil {
                return reduce(into: &state, .backRequested)
            }
            // Esc is pressed to back out of things; quitting stays a deliberate q.
            state.message = StatusMessage(.info, Notices.escapeNeverQuits(state.noticeKeys))
            return []

        case .quitRequested:
            state.shouldQuit = true
            return []

        case .failed(.possibleDuplicate(let number, let subject)) where state.composer?.isSending == true:
            return warnOfDuplicate(&state, ofNumber: number, subject: subject)

        case .failed(let error) where error.meansDeskUnreachable:
            return loseDesk(&state, error)

        case .failed(let error):
            state.message = StatusMessage(.error, error.phrase)
            state.afterOpening = nil
            state.list.isLoading = false
            state.composer?.isSending = false
            return []

        case .clockTicked(let now) where state.deskUnreachable:
            return tickWhileUnreachable(&state, now)

        case .clockTicked(let now):
            state.now = now
            let waiting = state.unsavedDrafts.values.sorted { $0.slot.key < $1.slot.key }
            state.unsavedDrafts = [:]
            return waiting.map { draft in
                .saveDraft(slot: draft.slot, subject: draft.subject, body: draft.body, fields: draft.fields)
            }

        case .draftSaveDeferred(let draft):
            state.unsavedDrafts[draft.slot] = draft
            return []

        case .composerInput(let edit):
            return editComposer(&state, edit)

        case .composerFieldMoved(let forward):
            moveComposerField(&state, forward: forward)
            return []

        case .composerChoiceCycled(let forward):
            return cycleComposerChoice(&state, forward: forward)

        case .composerBodyReplaced(let body):
            guard var composer = state.composer else { return [] }
            composer.body = body
            composer.field = .body
            composer.cursor = body.count
            state.composer = composer
            return [.saveDraft(slot: composer.slot, subject: composer.subject, body: body, fields: composer.fields)]

        case .searchInput(let edit):
            guard let search = state.search else { return [] }
            let query = TextEditing.apply(edit, text: search.query, cursor: search.query.count, singleLine: true).text
            return reduce(into: &state, .searchQueryChanged(query))

        case .searchSelectionMoved(let delta):
            guard var search = state.search, !search.results.isEmpty else { return [] }
            search.selectedIndex = min(max(0, search.selectedIndex + delta), search.results.count - 1)
            state.search = search
            return requestSnippets(&state)

        case .helpToggled:
            state.overlay = state.overlay == .help ? nil : .help
            state.helpScroll = 0
            return []

        case .statusMenuRequested:
            if let opening = openFirst(&state, then: action) { return opening }
            return openStatusMenu(&state)

        case .assignMenuRequested:
            guard state.viewer.isStaff else {
                state.message = StatusMessage(.error, DeskError.notAllowedPhrase(Notices.onlyAgentsAssign))
                return []
            }
            guard currentTicketNumber(state) != nil else { return [] }
            return [.loadAgents]

        case .agentsLoaded(let agents):
            guard let number = currentTicketNumber(state) else { return [] }
            // "Unassigned" comes first, where it is seen; the highlight starts on the first agent.
            state.overlay = .assignMenu(ticketNumber: number, options: [nil] + agents.map { Optional($0) }, selected: agents.isEmpty ? 0 : 1)
            return []

        case .menuMoved(let delta):
            moveMenu(&state, by: delta)
            return []

        case .menuChosen:
            return chooseMenu(&state)

        case .menuClosed:
            state.overlay = nil
            state.watcherMenuTicket = nil
            return []

        case .detailMeasured(let contentHeight, let viewportHeight, let firstLine):
            guard var open = state.openTicket else { return [] }
            open.contentHeight = contentHeight
            open.viewportHeight = viewportHeight
            open.scroll = min(firstLine ?? open.scroll, open.maxScroll)
            state.openTicket = open
            return []

        case .messageDismissed:
            state.message = nil
            return []

        case .infoShown(let text):
            state.message = StatusMessage(.info, text)
            return []

        case .errorShown(let text):
            state.message = StatusMessage(.error, text)
            return []

        case .listRowClicked(let visibleIndex):
            let index = state.list.scrollOffset + visibleIndex
            guard state.list.rows.indices.contains(index) else { return [] }
            state.focus = .list
            state.list.selectedID = state.list.rows[index].id
            return growWindowIfNeeded(&state)

        case .duplicateChoiceMade(let choice):
            return chooseOnDuplicate(&state, choice)

        case .textPasted(let text):
            return paste(text, into: &state)

        case .draftDiscardRequested:
            return requestDiscard(&state)

        case .draftDiscardConfirmed:
            return discardDraft(&state)

        case .watcherMenuRequested:
            return requestWatcherMenu(&state)

        case .watcherCandidatesLoaded(let candidates):
            return showWatcherMenu(&state, candidates)

        case .jumpStarted, .jumpInput, .jumpCancelled, .jumpSubmitted, .jumpRequested, .jumpTargetLoaded, .jumpTargetMissing:
            return reduceJump(&state, action)

        case .confirmationAnswered(let yes):
            return answerConfirmation(&state, yes: yes)

        case .savedViewsLoaded, .savedViewSelected, .savedViewTabChosen, .viewSaveRequested, .viewSaved, .sortChosen:
            return reduceSavedViews(&state, action)

        case .snippetsLoaded(let query, let snippets):
            guard state.search?.query == query else { return [] }
            state.search?.snippets.merge(snippets) { _, new in new }
            return []

        case .commandLineStarted, .commandLineInput, .commandLineCompleted, .commandLineRecalled, .commandLineCancelled,
             .commandLineSubmitted, .agentHandlesLoaded:
            return reduceCommandLine(&state, action)
        case .messageSelectionMoved, .selectedMessageRevealed, .quoteRequested, .replyIntentCycled:
            return reduceReply(&state, action)

        case .attachmentMenuRequested, .attachmentOpenRequested, .attachmentOpenFinished, .savePromptRequested,
             .attachPromptRequested, .pathPromptInput, .pathCompletionRequested, .pathCompletionsLoaded, .pathPromptSubmitted,
             .attachmentSaved, .saveTargetExists, .composerFileAccepted:
            return reduceAttachments(&state, action)
        case .unreadCountsLoaded, .markUnreadRequested, .tagToggled, .tagAllRequested, .tagTargetsLoaded, .bulkContinued, .bulkBatchDone:
            return reduceUnreadAndBulk(&state, action)
        case .historyBodiesNeeded(let ids):
            return requestBodies(&state, ids)
        case .languageChosen(let language):
            return chooseLanguage(&state, language)

        case .article(let action):
            return reduceArticle(&state, action)
        case .report(let action):
            return reduceReports(&state, action)

        case .ticketEdit(let action):
            return reduceTicketEdit(&state, action)
        case .callback(let action):
            return reduceCallback(&state, action)
        case .people(let action):
            return reducePeople(&state, action)

        case .historyBodiesLoaded(let number, let bodies):
            return takeBodies(&state, number: number, bodies)

        case .helpScrolled(let row):
            guard state.overlay == .help else { return [] }
            state.helpScroll = max(0, row)
            return []

        case .ticketWatchersRequested:
            return requestTicketWatchers(&state, action)

        case .ticketWatcherCandidatesLoaded(let number, let candidates):
            return showTicketWatchers(&state, number: number, candidates)

        case .deskReconnected:
            return reconnect(&state)

        case .quotedHistory(let action):
            return reduceQuotedHistory(&state, action)

        case .mailPreferences(let action):
            return reduceMailPreferences(&state, action)
        }
    }

    // MARK: - List window

    static func reloadList(_ state: inout DeskState, select: TicketID?) -> [DeskEffect] {
        state.list.isLoading = true
        let request = PageRequest(view: state.view, order: state.order, limit: state.pageLimit)
        return [.loadPage(request, .replace(select: select))]
    }

    /// Re-reads the window from its first row, keeping selection and scroll.
    static func refreshWindow(_ state: inout DeskState) -> [DeskEffect] {
        guard let first = state.list.rows.first else {
            return reloadList(&state, select: state.list.selectedID)
        }
        state.list.isLoading = true
        // Re-read as many rows as the window holds, so the selection past the first page stays:
        // from the view's start when the window holds it, else inclusively from its first row.
        var request = PageRequest(view: state.view, order: state.order, limit: max(state.pageLimit, state.list.rows.count))
        if !state.list.reachedTop {
            request.cursor = first.cursor
            request.inclusive = true
        }
        return [.loadPage(request, .replace(select: state.list.selectedID))]
    }

    static func moveSelection(_ state: inout DeskState, by delta: Int) -> [DeskEffect] {
        let rows = state.list.rows
        guard !rows.isEmpty else { return [] }
        let current = state.list.selectedIndex ?? 0
        let target = min(max(0, current + delta), rows.count - 1)
        state.list.selectedID = rows[target].id
        clampScroll(&state)
        return growWindowIfNeeded(&state)
    }

    /// Asks for the next page when the selection comes within a screen of the window's edge.
    static func growWindowIfNeeded(_ state: inout DeskState) -> [DeskEffect] {
        guard !state.list.isLoading, let index = state.list.selectedIndex else { return [] }
        let margin = state.visibleListRows
        let rows = state.list.rows
        if !state.list.reachedBottom && index + margin >= rows.count - 1, let last = rows.last {
            state.list.isLoading = true
            let request = PageRequest(view: state.view, order: state.order, cursor: last.cursor, direction: .forward, limit: state.pageLimit)
            return [.loadPage(request, .append)]
        }
        if !state.list.reachedTop && index - margin <= 0, let first = rows.first {
            state.list.isLoading = true
            let request = PageRequest(view: state.view, order: state.order, cursor: first.cursor, direction: .backward, limit: state.pageLimit)
            return [.loadPage(request, .prepend)]
        }
        return []
    }

    static func applyPage(_ state: inout DeskState, _ page: TicketPage, _ placement: PagePlacement, readFromStart: Bool) {
        var list = state.list
        list.isLoading = false
        switch placement {
        case .replace(let select):
            let previousIndex = list.selectedIndex ?? 0
            list.rows = page.rows
            list.reachedBottom = !page.hasMore
            // Only a read from the very start proves there is nothing above.
            list.reachedTop = readFromStart
            if let select, page.rows.contains(where: { $0.id == select }) {
                list.selectedID = select
            } else if select != nil, !page.rows.isEmpty {
                // The selected ticket left the view: stay at the same position.
                list.selectedID = page.rows[min(previousIndex, page.rows.count - 1)].id
            } else {
                list.selectedID = page.rows.first?.id
                list.scrollOffset = 0
            }
        case .replaceAtBottom:
            list.rows = page.rows
            list.reachedBottom = true
            list.reachedTop = !page.hasMore
            list.selectedID = page.rows.last?.id
            if page.hasMore { list.rowsAboveWindow = state.listCount.map { max(0, $0 - page.rows.count) } }
        case .append:
            list.rows += page.rows
            list.reachedBottom = !page.hasMore
            let excess = list.rows.count - state.windowLimit
            if excess > 0 {
                list.rowsAboveWindow = list.rowsBefore.map { $0 + excess }
                list.rows.removeFirst(excess)
                list.scrollOffset = max(0, list.scrollOffset - excess)
                list.reachedTop = false
            }
        case .around(let id):
            guard page.rows.contains(where: { $0.id == id }) else { break }
            list.rows = page.rows
            list.reachedBottom = !page.hasMore
            list.reachedTop = readFromStart
            list.selectedID = id
            list.scrollOffset = 0
        case .prepend:
            list.rows = page.rows + list.rows
            list.scrollOffset += page.rows.count
            list.reachedTop = !page.hasMore
            if !list.reachedTop { list.rowsAboveWindow = list.rowsAboveWindow.map { max(0, $0 - page.rows.count) } }
            let excess = list.rows.count - state.windowLimit
            if excess > 0 {
                list.rows.removeLast(excess)
                list.reachedBottom = false
            }
        }
        state.list = list
        clampScroll(&state)
    }

    /// Keeps the selected row on screen and the scroll inside the window.
    static func clampScroll(_ state: inout DeskState) {
        let height = state.visibleListRows
        var offset = state.list.scrollOffset
        if let index = state.list.selectedIndex {
            if index < offset { offset = index }
            if index >= offset + height { offset = index - height + 1 }
        }
        offset = min(offset, max(0, state.list.rows.count - height))
        state.list.scrollOffset = max(0, offset)
    }

    // MARK: - Composer

    static func openComposer(_ state: inout DeskState, _ kind: ComposerKind) -> [DeskEffect] {
        let slot: DraftSlot
        switch kind {
        case .newTicket:
            slot = .newTicket
        case .reply, .internalNote, .followUp:
            // `openFirst` has opened the ticket the composer is for; without one there is none.
            guard let ticket = state.openTicket?.detail.ticket else { return [] }
            if kind == .internalNote && !state.viewer.isStaff {
                state.message = StatusMessage(.error, DeskError.notAllowedPhrase(Notices.onlyAgentsWriteNotes))
                return []
            }
            if kind == .followUp && !ticket.status.isClosed {
                state.message = StatusMessage(.error, DeskError.followUpOfOpenTicket(number: ticket.number).phrase)
                return []
            }
            if kind != .followUp && ticket.status.isClosed {
                state.message = StatusMessage(.error, Notices.closedUseFollowUp(ticket.number, state.noticeKeys))
                return []
            }
            switch kind {
            case .reply: slot = .reply(ticketNumber: ticket.number)
            case .internalNote: slot = .internalNote(ticketNumber: ticket.number)
            default: slot = .followUp(ticketNumber: ticket.number)
            }
        }
        var composer = ComposerState(kind: kind, slot: slot)
        answerSelection(&composer, state)
        if kind == .newTicket || kind == .followUp { prepareForm(&composer, state) }
        composer.field = composer.formFields[0]
        composer.cursor = fieldText(composer, composer.field).count
        state.composer = composer
        state.focus = .composer
        return [.loadDraft(slot)]
    }

    static func submitComposer(_ state: inout DeskState) -> [DeskEffect] {
        guard var composer = state.composer, !composer.isSending else { return [] }
        if composer.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            state.message = StatusMessage(.error, Notices.emptyMessage)
            return []
        }
        if composer.formFields.count > 1, let refusal = formRefusal(composer, state) {
            state.message = StatusMessage(.error, refusal)
            return []
        }
        composer.isSending = true
        state.composer = composer
        switch composer.slot {
        case .reply(let number), .internalNote(let number):
            return [sendEffect(composer, ticketNumber: number, viewer: state.viewer)]
        case .followUp, .newTicket:
            // The guard first: a look-alike of an active ticket comes back as a warning.
            return [createTicket(from: composer, allowDuplicate: false)]
        }
    }

    static func createTicket(from composer: ComposerState, allowDuplicate: Bool) -> DeskEffect {
        let followUpOf: Int64? = if case .followUp(let number) = composer.slot { number } else { nil }
        let ticket = newTicket(from: composer, followUpOf: followUpOf)
        if !composer.attachedFiles.isEmpty {
            return .createTicketWithFiles(ticket, slot: composer.slot, allowDuplicate: allowDuplicate, files: composer.attachedFiles)
        }
        return .createTicket(ticket, slot: composer.slot, allowDuplicate: allowDuplicate)
    }

    static func newTicket(from composer: ComposerState, followUpOf: Int64?) -> NewTicket {
        let fields = composer.fields
        return NewTicket(
            subject: composer.subject, description: composer.body,
            kind: fields["kind"].flatMap(TicketKind.init(lenient:)) ?? .question,
            product: fields["product"] ?? "", category: fields["category"] ?? "",
            subcategory: fields["subcategory"] ?? "",
            urgency: fields["urgency"].flatMap(Urgency.init(lenient:)) ?? .none,
            contact: fields["contact"].flatMap(ContactPreference.init(lenient:)) ?? .portal,
            followUpOfNumber: followUpOf, watcherHandles: composer.watcherHandles,
            organisationName: ComposerAccount.chosen(composer))
    }

    // MARK: - Helpers

    static func selectedNumber(_ state: DeskState) -> Int64? {
        selectedSearchResult(state)?.number ?? state.list.selected?.number
    }

    static func selectedSearchResult(_ state: DeskState) -> TicketSummary? {
        guard let search = state.search, search.results.indices.contains(search.selectedIndex) else { return nil }
        return search.results[search.selectedIndex]
    }

    /// The ticket a command applies to: the open one when the detail pane has focus, else the
    /// selected row.
    static func currentTicketNumber(_ state: DeskState) -> Int64? {
        if state.focus != .list, let open = state.openTicket { return open.detail.ticket.number }
        return state.list.selected?.number ?? state.openTicket?.detail.ticket.number
    }
}
