/// The composer's own keys that are not plain editing. The composer takes text, so they are
/// control and function keys; Ctrl-D already deletes forward, so discarding is Ctrl-X.
enum ComposerKeys {
    static let discard = Key.control("x")
    static let help = Key.function(1)
    /// Agents' replies: what the reply does (reply, ask the customer, propose a solution).
    static let intent = Key.control("t")
    /// A file to send with the message (Ctrl-A is already the start of the line).
    static let attach = Key.control("o")
}

/// "Discard this draft? (y/N)": only y discards; any other key keeps the draft.
enum DiscardPrompt {
    static func route(_ key: Key) -> [KeyOutcome] {
        switch key {
        case .character("y"), .character("Y"): [.action(.draftDiscardConfirmed)]
        default: [.action(.menuClosed)]
        }
    }
}
