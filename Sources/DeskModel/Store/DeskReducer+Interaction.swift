/// Composer editing, the new-ticket form, and the status and assign menus.
extension DeskReducer {
    static func editComposer(_ state: inout DeskState, _ edit: TextEdit) -> [DeskEffect] {
        guard var composer = state.composer, !composer.isSending else { return [] }
        switch composer.field {
        case .subject:
            (composer.subject, composer.cursor) = TextEditing.apply(edit, text: composer.subject, cursor: composer.cursor, singleLine: true)
        case .body:
            (composer.body, composer.cursor) = TextEditing.apply(edit, text: composer.body, cursor: composer.cursor, singleLine: false)
        case .product, .category, .subcategory, .watchers:
            let name = composer.field.rawValue
            let result = TextEditing.apply(edit, text: composer.fields[name] ?? "", cursor: composer.cursor, singleLine: true)
            composer.fields[name] = result.text
            composer.cursor = result.cursor
        case .kind, .urgency, .contact, .account:
            // A choice field takes no text; Space cycles it.
            if case .insert(" ") = edit { return cycleComposerChoice(&state, forward: true) }
            return []
        }
        state.composer = composer
        // Saved as typed: a crash or a dropped connection loses nothing.
        return [.saveDraft(slot: composer.slot, subject: composer.subject, body: composer.body, fields: composer.fields)]
    }

    static func moveComposerField(_ state: inout DeskState, forward: Bool) {
        guard var composer = state.composer else { return }
        let order = composer.formFields
        let index = order.firstIndex(of: composer.field) ?? 0
        composer.field = order[(index + (forward ? 1 : order.count - 1)) % order.count]
        composer.cursor = fieldText(composer, composer.field).count
        state.composer = composer
    }

    static func fieldText(_ composer: ComposerState, _ field: ComposerField) -> String {
        switch field {
        case .subject: composer.subject
        case .body: composer.body
        default: composer.fields[field.rawValue] ?? ""
        }
    }

    static func cycleComposerChoice(_ state: inout DeskState, forward: Bool) -> [DeskEffect] {
        guard var composer = state.composer, composer.field.isChoice else { return [] }
        func cycled<T: LenientlyParsable & Equatable>(_ current: T?, _ all: [T]) -> T {
            let index = current.flatMap { all.firstIndex(of: $0) } ?? 0
            return all[(index + (forward ? 1 : all.count - 1)) % all.count]
        }
        switch composer.field {
        case .kind:
            let kind = cycled(composer.fields["kind"].flatMap(TicketKind.init(lenient:)), TicketKind.allCases)
            composer.fields["kind"] = kind.rawValue
            // A free plan is offered Incident all the same, shown unavailable, with the reason.
            if !Permissions.kindAllowed(kind, plan: ComposerAccount.plan(of: composer, viewer: state.viewer)) {
                state.message = StatusMessage(.info, Notices.incidentNotInFreePlan)
            }
        case .account:
            ComposerAccount.cycle(&composer, forward: forward)
        case .contact:
            let contact = cycled(composer.fields["contact"].flatMap(ContactPreference.init(lenient:)), ContactPreference.allCases)
            composer.fields["contact"] = contact.rawValue
        default:
            composer.fields["urgency"] = cycled(composer.fields["urgency"].flatMap(Urgency.init(lenient:)), Urgency.allCases).rawValue
        }
        state.composer = composer
        return [.saveDraft(slot: composer.slot, subject: composer.subject, body: composer.body, fields: composer.fields)]
    }

    static func openStatusMenu(_ state: inout DeskState) -> [DeskEffect] {
        // `openFirst` has opened the selected row's ticket; without one there is nothing to change.
        guard let ticket = state.openTicket?.detail.ticket else {
            state.message = StatusMessage(.info, Notices.openBeforeStatus(state.noticeKeys))
            return []
        }
        if ticket.status.isClosed {
            state.message = StatusMessage(.error, DeskError.ticketClosed(number: ticket.number).phrase)
            return []
        }
        let side = Permissions.side(of: state.viewer)
        let options = Workflow.reachableStatuses(from: ticket.status, side: side).filter { target in
            Workflow.action(reaching: target).map { Permissions.canApply($0, viewer: state.viewer, ticket: ticket) } ?? false
        }
        if options.isEmpty {
            state.message = StatusMessage(.info, Notices.noStatusChange(ticket.number))
            return []
        }
        state.overlay = .statusMenu(ticketNumber: ticket.number, options: options, selected: 0)
        return []
    }

    static func moveMenu(_ state: inout DeskState, by delta: Int) {
        switch state.overlay {
        case .statusMenu(let number, let options, let selected):
            state.overlay = .statusMenu(ticketNumber: number, options: options, selected: clamp(selected + delta, options.count))
        case .assignMenu(let number, let options, let selected):
            state.overlay = .assignMenu(ticketNumber: number, options: options, selected: clamp(selected + delta, options.count))
        case .watcherMenu(let options, let selected):
            state.overlay = .watcherMenu(options: options, selected: clamp(selected + delta, options.count))
        case .attachmentMenu(let number, let selected):
            let count = state.openTicket?.detail.attachments.count ?? 0
            state.overlay = .attachmentMenu(ticketNumber: number, selected: clamp(selected + delta, count))
        case .help, .possibleDuplicate, .discardDraft, .confirm, .pathPrompt, nil:
            break
        }
    }

    static func chooseMenu(_ state: inout DeskState) -> [DeskEffect] {
        let menu = state.overlay
        state.overlay = nil
        switch menu {
        case .statusMenu(let number, let options, let selected):
            guard options.indices.contains(selected) else { return [] }
            return changeStatus(&state, number: number, to: options[selected])
        case .assignMenu(let number, let options, let selected):
            guard options.indices.contains(selected) else { return [] }
            return [.assign(number: number, handle: options[selected]?.handle)]
        case .watcherMenu(let options, let selected):
            guard options.indices.contains(selected) else { return [] }
            if state.watcherMenuTicket != nil { return toggleTicketWatcher(&state, options[selected]) }
            return chooseWatcher(&state, options[selected])
        case .discardDraft:
            return discardDraft(&state)
        case .attachmentMenu:
            state.overlay = menu
            return openHighlightedAttachment(&state)
        case .help, .possibleDuplicate, .confirm, .pathPrompt, nil:
            return []
        }
    }

    private static func clamp(_ value: Int, _ count: Int) -> Int {
        min(max(0, value), max(0, count - 1))
    }
}
