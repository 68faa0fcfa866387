import DeskModel

/// What a key asks of the client: actions for the reducer, or one of the few things only the
/// event loop can do.
public enum KeyOutcome: Equatable, Sendable {
    case action(DeskAction)
    /// Ctrl-E in the composer: hand the draft to `$VISUAL`/`$EDITOR`.
    case openEditor
    /// `y`: put this text on the terminal's clipboard (OSC 52).
    case copyToClipboard(String)
}

/// Turns a key into outcomes, given the state: text goes to the composer or the search box
/// when they have the keyboard; everything else goes through the keymap.
public enum KeyRouter {
    public static func route(_ key: Key, state: DeskState, keymap: Keymap, size: TerminalSize, restricted: Bool) -> [KeyOutcome] {
        if key == .control("c") { return [.action(.quitRequested)] }
        if case .possibleDuplicate = state.overlay {
            // The warning's choices are commands of their own scope in the keymap.
            guard let command = keymap.command(for: key, in: .duplicateWarning) else { return [] }
            return [.action(command.action(viewer: state.viewer))]
        }
        if case .confirm = state.overlay {
            // Only an answer closes the question; other keys wait.
            guard let command = keymap.command(for: key, in: .confirmation) else { return [] }
            return [.action(command.action(viewer: state.viewer))]
        }
        if state.overlay == .help { return HelpOverlay.route(key, state: state, keymap: keymap, size: size) }
        if let routed = AttachmentKeys.route(key, state: state) { return routed }
        if state.overlay == nil, let routed = MailPreferencesBox.route(key, state: state) { return routed }
        if state.overlay == nil, let routed = ArticleKeys.route(key, state: state, keymap: keymap) { return routed }
        if state.overlay == nil, let routed = TicketEditKeys.route(key, state: state, keymap: keymap) { return routed }
        if state.overlay == nil, let routed = CallbackFormKeys.route(key, state: state, keymap: keymap) { return routed }
        if state.overlay == nil, let routed = ReportKeys.route(key, state: state) { return routed }
        if state.overlay == nil, let routed = PeopleKeys.route(key, state: state, keymap: keymap) { return routed }
        if let overlay = state.overlay { return routeOverlay(key, overlay) }
        if state.commandLine != nil { return CommandLineKeys.route(key) }
        if state.jumpPrompt != nil { return routeJump(key) }
        if let search = state.search {
            if key == .enter, let number = search.jumpNumber { return [.action(.searchClosed), .action(.jumpRequested(number: number))] }
            return routeSearch(key)
        }
        if state.focus == .composer, let composer = state.composer {
            if let command = keymap.command(for: key, in: .composer) { return composerOutcome(command, state: state, restricted: restricted) }
            return routeComposer(key, composer: composer, state: state, size: size, restricted: restricted)
        }
        guard let command = keymap.command(for: key) else { return [] }
        // Customers have no Reports key (the help does not list it): `D` does what an unbound
        // key does, so a refusal does not tell them there is a report. The desk refuses them too.
        if command == .reports, !state.viewer.isStaff { return [] }
        if command == .copyReference { return TicketReference.text(state).map { [.copyToClipboard($0)] } ?? [] }
        return [.action(command.action(viewer: state.viewer, key: key, keymap: keymap))]
    }

    static func routeOverlay(_ key: Key, _ overlay: Overlay) -> [KeyOutcome] {
        if overlay == .help { return [.action(.helpToggled)] }
        let selected: Int
        let count: Int
        switch overlay {
        case .statusMenu(_, let options, let current): (selected, count) = (current, options.count)
        case .assignMenu(_, let options, let current): (selected, count) = (current, options.count)
        case .watcherMenu(let options, let current): (selected, count) = (current, options.count)
        case .discardDraft: return DiscardPrompt.route(key)
        case .help, .possibleDuplicate, .confirm, .attachmentMenu, .pathPrompt: return []
        }
        switch key {
        case .down, .character("j"), .tab: return [.action(.menuMoved(by: 1))]
        case .up, .character("k"), .backTab: return [.action(.menuMoved(by: -1))]
        case .home, .character("g"): return [.action(.menuMoved(by: -selected))]
        case .end, .character("G"): return [.action(.menuMoved(by: count - 1 - selected))]
        case .enter, .character(" "): return [.action(.menuChosen)]
        case .escape, .character("q"): return [.action(.menuClosed)]
        case .character(let c):
            // Digits pick a row directly.
            if let digit = c.wholeNumberValue, digit >= 1, digit <= count {
                return [.action(.menuMoved(by: digit - 1 - selected)), .action(.menuChosen)]
            }
            return []
        default:
            return []
        }
    }

    /// The go-to-number prompt takes digits; nothing else reaches the panes while it is open.
    static func routeJump(_ key: Key) -> [KeyOutcome] {
        switch key {
        case .enter: return [.action(.jumpSubmitted)]
        case .escape: return [.action(.jumpCancelled)]
        case .backspace: return [.action(.jumpInput(.deleteBackward))]
        case .control("u"), .control("w"): return [.action(.jumpInput(.deleteToLineStart))]
        case .character(let c) where c.isASCII && c.isNumber: return [.action(.jumpInput(.insert(String(c))))]
        default: return []
        }
    }

    static func routeSearch(_ key: Key) -> [KeyOutcome] {
        switch key {
        case .escape: return [.action(.searchClosed)]
        case CommandLineKeys.saveSearch: return [.action(.commandLineStarted(prefill: "save "))]
        case .enter: return [.action(.ticketOpened), .action(.searchClosed)]
        case .down, .control("n"), .tab: return [.action(.searchSelectionMoved(by: 1))]
        case .up, .control("p"), .backTab: return [.action(.searchSelectionMoved(by: -1))]
        case .pageDown: return [.action(.searchSelectionMoved(by: 10))]
        case .pageUp: return [.action(.searchSelectionMoved(by: -10))]
        case .backspace: return [.action(.searchInput(.deleteBackward))]
        case .control("w"): return [.action(.searchInput(.deleteWordBackward))]
        case .control("u"): return [.action(.searchInput(.deleteToLineStart))]
        case .character(let c): return [.action(.searchInput(.insert(String(c))))]
        default: return []
        }
    }

    static func routeComposer(_ key: Key, composer: ComposerState, state: DeskState, size: TerminalSize, restricted: Bool) -> [KeyOutcome] {
        let inBody = composer.field == .body
        func edit(_ edit: TextEdit) -> [KeyOutcome] { [.action(.composerInput(edit))] }
        switch key {
        case .enter where composer.field == .watchers: return [.action(.watcherMenuRequested)]
        case .enter:
            return inBody ? edit(.insert("\n")) : [.action(.composerFieldMoved(forward: true))]
        case .left where composer.field.isChoice: return [.action(.composerChoiceCycled(forward: false))]
        case .right where composer.field.isChoice: return [.action(.composerChoiceCycled(forward: true))]
        case .up, .down:
            let delta = key == .up ? -1 : 1
            if inBody, let target = ComposerGeometry.verticalMove(state, size: size, delta: delta) {
                return edit(.moveTo(target))
            }
            if inBody && delta > 0 { return edit(.moveTo(Int.max)) }
            if inBody && composer.formFields.count == 1 { return edit(.moveTo(0)) }
            return [.action(.composerFieldMoved(forward: delta > 0))]
        case .left: return edit(.moveLeft)
        case .right: return edit(.moveRight)
        case .home, .control("a"): return edit(.moveToLineStart)
        case .end: return edit(.moveToLineEnd)
        case .backspace: return edit(.deleteBackward)
        case .delete, .control("d"): return edit(.deleteForward)
        case .control("w"): return edit(.deleteWordBackward)
        case .control("u"): return edit(.deleteToLineStart)
        case .character(let c): return edit(.insert(String(c)))
        default: return []
        }
    }

    /// The composer's commands (`KeyScope.composer`), bound through the keymap like the panes'.
    static func composerOutcome(_ command: Command, state: DeskState, restricted: Bool) -> [KeyOutcome] {
        guard command == .externalEditor else { return [.action(command.action(viewer: state.viewer))] }
        if restricted { return [.action(ClientRefusals.notAllowed(ClientRefusals.noEditorInSession))] }
        return [.openEditor]
    }
}
