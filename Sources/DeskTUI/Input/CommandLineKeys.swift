import DeskModel

/// Keys while the `:` command line is open: text is typed, Tab / Shift-Tab complete and
/// cycle, Up/Down recall the session's commands, Enter runs, Esc cancels.
enum CommandLineKeys {
    /// In the search: save its conditions as a view (opens `:save `).
    static let saveSearch = Key.control("s")

    static func route(_ key: Key) -> [KeyOutcome] {
        switch key {
        case .enter: return [.action(.commandLineSubmitted)]
        case .escape: return [.action(.commandLineCancelled)]
        case .tab: return [.action(.commandLineCompleted(forward: true))]
        case .backTab: return [.action(.commandLineCompleted(forward: false))]
        case .up, .control("p"): return [.action(.commandLineRecalled(by: -1))]
        case .down, .control("n"): return [.action(.commandLineRecalled(by: 1))]
        case .backspace: return [.action(.commandLineInput(.deleteBackward))]
        case .control("w"): return [.action(.commandLineInput(.deleteWordBackward))]
        case .control("u"): return [.action(.commandLineInput(.deleteToLineStart))]
        case .character(let c): return [.action(.commandLineInput(.insert(String(c))))]
        default: return []
        }
    }
}
