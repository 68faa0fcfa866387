import DeskModel

/// Keys of the People screen: its commands (`KeyScope.people`) act on the highlighted member;
/// moving, `r` (read again), Esc or q (close) as on the Reports screen. In the audit they
/// scroll and Esc goes back to the members; in the form they type, as in the edit form.
enum PeopleKeys {
    /// Nil when the People screen is not up.
    static func route(_ key: Key, state: DeskState, keymap: Keymap) -> [KeyOutcome]? {
        guard let people = state.people else { return nil }
        func send(_ action: PeopleAction) -> [KeyOutcome] { [.action(.people(action))] }
        if let form = people.form { return routeForm(key, form: form, keymap: keymap) }
        let page = max(1, state.size.rows - 5)
        if people.audit != nil {
            switch key {
            case .escape, .character("q"), .character("l"): return send(.auditClosed)
            case .down, .character("j"): return send(.auditScrolled(by: 1))
            case .up, .character("k"): return send(.auditScrolled(by: -1))
            case .pageDown, .character(" "): return send(.auditScrolled(by: page))
            case .pageUp, .character("b"): return send(.auditScrolled(by: -page))
            case .home, .character("g"): return send(.auditScrolled(by: -1_000_000))
            case .end, .character("G"): return send(.auditScrolled(by: 1_000_000))
            case .character("r"): return send(.refreshed)
            case .character("?"): return [.action(.helpToggled)]
            default: return []
            }
        }
        if let command = keymap.command(for: key, in: .people) { return [.action(command.action(viewer: state.viewer))] }
        if keymap.keys(for: .people).contains(key) { return send(.closed) }
        switch key {
        case .escape, .character("q"): return send(.closed)
        case .down, .character("j"): return send(.moved(by: 1))
        case .up, .character("k"): return send(.moved(by: -1))
        case .pageDown: return send(.moved(by: page))
        case .pageUp: return send(.moved(by: -page))
        case .home, .character("g"): return send(.moved(by: -1_000_000))
        case .end, .character("G"): return send(.moved(by: 1_000_000))
        case .character("r"): return send(.refreshed)
        case .character("?"): return [.action(.helpToggled)]
        default: return []
        }
    }

    /// The form: typing edits the focused field, Tab and Shift-Tab (the composer's field keys),
    /// Up and Down move, Enter moves on and saves from the last field, as does the composer's
    /// send key; Left/Right or Space change the access; Esc cancels.
    static func routeForm(_ key: Key, form: PeopleForm, keymap: Keymap) -> [KeyOutcome] {
        func send(_ action: PeopleAction) -> [KeyOutcome] { [.action(.people(action))] }
        switch keymap.command(for: key, in: .composer) {
        case .send?: return send(.formSubmitted)
        case .nextField?: return send(.formFieldMoved(forward: true))
        case .previousField?: return send(.formFieldMoved(forward: false))
        default: break
        }
        let isChoice = form.focused == .access
        switch key {
        case .escape: return send(.formCancelled)
        case .enter where form.focused == form.fields.last: return send(.formSubmitted)
        case .enter, .down: return send(.formFieldMoved(forward: true))
        case .up: return send(.formFieldMoved(forward: false))
        case .left where isChoice, .right where isChoice, .character(" ") where isChoice: return send(.formChoiceCycled)
        case _ where isChoice: return []
        case .left: return send(.formInput(.moveLeft))
        case .right: return send(.formInput(.moveRight))
        case .home, .control("a"): return send(.formInput(.moveToLineStart))
        case .end: return send(.formInput(.moveToLineEnd))
        case .backspace: return send(.formInput(.deleteBackward))
        case .delete, .control("d"): return send(.formInput(.deleteForward))
        case .control("w"): return send(.formInput(.deleteWordBackward))
        case .control("u"): return send(.formInput(.deleteToLineStart))
        case .character(let character): return send(.formInput(.insert(String(character))))
        default: return []
        }
    }

    /// The bottom line while the screen is up.
    static func hints(_ state: DeskState, keymap: Keymap) -> [(String, String)]? {
        guard let people = state.people else { return nil }
        let language = state.language
        if people.form != nil {
            return [("enter", UIStrings.saveHint(language)), ("tab", Phrase.client("next field", context: "key hint on the bottom line, short").text(in: language)),
                    ("esc", UIStrings.cancelHint(language))]
        }
        if people.audit != nil {
            return [("j/k", Phrase.client("scroll", context: "key hint on the bottom line, short").text(in: language)),
                    ("esc", UIStrings.closeHint(language))]
        }
        var commands: [Command] = [.peopleAdd, .peopleAccess, .peopleRemove, .peopleKey, .peopleRevoke, .peopleAudit]
        if people.organisations.count > 1 { commands.append(.peopleNextOrganisation) }
        let bound = commands.compactMap { command in keymap.keys(for: command).first.map { ($0.name, UIStrings.commandHint(command, language)) } }
        return bound + [("esc", UIStrings.closeHint(language))]
    }
}
