import DeskModel

/// Keys of the call-back form (`CallbackForm`): typing edits the focused field, Tab and
/// Shift-Tab (the composer's field keys) or Up/Down move, Enter or the composer's send key
/// sends, Esc cancels and keeps nothing.
enum CallbackFormKeys {
    /// Nil when no call-back form is up.
    static func route(_ key: Key, state: DeskState, keymap: Keymap) -> [KeyOutcome]? {
        guard state.callbackForm != nil else { return nil }
        func send(_ action: CallbackFormAction) -> [KeyOutcome] { [.action(.callback(.form(action)))] }
        switch keymap.command(for: key, in: .composer) {
        case .send?: return send(.submitted)
        case .nextField?: return send(.fieldMoved(forward: true))
        case .previousField?: return send(.fieldMoved(forward: false))
        default: break
        }
        switch key {
        case .escape: return send(.cancelled)
        case .enter: return send(.submitted)
        case .down: return send(.fieldMoved(forward: true))
        case .up: return send(.fieldMoved(forward: false))
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
