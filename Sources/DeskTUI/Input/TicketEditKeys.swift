import DeskModel

/// Keys of the edit form (`TicketEditForm`): typing edits the focused field, Tab and
/// Shift-Tab (the composer's field keys) move, Left/Right or Space change a choice, Enter
/// moves on (a new line in the description), the composer's send key saves, Esc cancels.
enum TicketEditKeys {
    /// Nil when no edit form is up.
    static func route(_ key: Key, state: DeskState, keymap: Keymap) -> [KeyOutcome]? {
        guard let form = state.ticketEdit else { return nil }
        func send(_ action: TicketEditAction) -> [KeyOutcome] { [.action(.ticketEdit(action))] }
        switch keymap.command(for: key, in: .composer) {
        case .send?: return send(.submitted)
        case .nextField?: return send(.fieldMoved(forward: true))
        case .previousField?: return send(.fieldMoved(forward: false))
        default: break
        }
        let isChoice = TicketEditForm.choices(of: form.focused) != nil
        let inDescription = form.focused == .description
        switch key {
        case .escape: return send(.cancelled)
        case .enter where inDescription: return send(.input(.insert("\n")))
        case .enter, .down: return send(.fieldMoved(forward: true))
        case .up: return send(.fieldMoved(forward: false))
        case .left where isChoice: return send(.choiceCycled(forward: false))
        case .right where isChoice, .character(" ") where isChoice: return send(.choiceCycled(forward: true))
        case _ where isChoice: return []
        case .left: return send(.input(.moveLeft))
        case .right: return send(.input(.moveRight))
        case .home, .control("a"): return send(.input(.moveToLineStart))
        case .end: return send(.input(.moveToLineEnd))
        case .backspace: return send(.input(.deleteBackward))
        case .delete, .control("d"): return send(.input(.deleteForward))
        case .control("w"): return send(.input(.deleteWordBackward))
        case .control("u"): return send(.input(.deleteToLineStart))
        case .character(let character): return send(.input(.insert(String(character))))
        default: return []
        }
    }
}
