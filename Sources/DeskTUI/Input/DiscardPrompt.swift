/// "Discard this draft? (y/N)": only y discards; any other key keeps the draft.
enum DiscardPrompt {
    static func route(_ key: Key) -> [KeyOutcome] {
        switch key {
        case .character("y"), .character("Y"): [.action(.draftDiscardConfirmed)]
        default: [.action(.menuClosed)]
        }
    }
}
