import DeskModel

/// Keys of the attachment menu (`v`) and of the path prompt (save as, attach a file).
enum AttachmentKeys {
    /// Nil when neither is up.
    static func route(_ key: Key, state: DeskState) -> [KeyOutcome]? {
        switch state.overlay {
        case .attachmentMenu(_, let selected):
            return menu(key, selected: selected, count: state.openTicket?.detail.attachments.count ?? 0)
        case .pathPrompt:
            return prompt(key)
        default:
            return nil
        }
    }

    static func menu(_ key: Key, selected: Int, count: Int) -> [KeyOutcome] {
        switch key {
        case .down, .character("j"), .tab: return [.action(.menuMoved(by: 1))]
        case .up, .character("k"), .backTab: return [.action(.menuMoved(by: -1))]
        case .home, .character("g"): return [.action(.menuMoved(by: -selected))]
        case .end, .character("G"): return [.action(.menuMoved(by: count - 1 - selected))]
        case .enter, .character(" "): return [.action(.attachmentOpenRequested)]
        case .character("s"): return [.action(.savePromptRequested)]
        case .escape, .character("q"), .character("v"): return [.action(.menuClosed)]
        case .character(let c):
            if let digit = c.wholeNumberValue, digit >= 1, digit <= count {
                return [.action(.menuMoved(by: digit - 1 - selected))]
            }
            return []
        default:
            return []
        }
    }

    static func prompt(_ key: Key) -> [KeyOutcome] {
        switch key {
        case .enter: return [.action(.pathPromptSubmitted)]
        case .escape: return [.action(.menuClosed)]
        case .tab: return [.action(.pathCompletionRequested)]
        case .backspace: return [.action(.pathPromptInput(.deleteBackward))]
        case .control("w"): return [.action(.pathPromptInput(.deleteWordBackward))]
        case .control("u"): return [.action(.pathPromptInput(.deleteToLineStart))]
        case .character(let c): return [.action(.pathPromptInput(.insert(String(c))))]
        default: return []
        }
    }
}
