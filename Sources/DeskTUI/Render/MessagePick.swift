import DeskModel

/// The message picked with `]` / `[`: marked in the detail pane with a bar in the left margin,
/// and scrolled into view when the pick moves.
enum MessagePick {
    static let marker = "▌"

    static func mark(_ state: DeskState, open: OpenTicketState, window: DetailWindow, into grid: inout Grid, rect: Rect) {
        guard let id = open.selectedMessageID,
              let lines = DetailLayout.lines(ofMessage: id, in: open, viewer: state.viewer, width: rect.width - 2, now: state.now, language: state.language)
        else { return }
        let shown = max(lines.lowerBound, window.firstLine)..<min(lines.upperBound, window.firstLine + rect.height)
        for line in shown {
            grid.write(marker, x: rect.x, y: rect.y + line - window.firstLine, style: .selected)
        }
    }

    /// After the pick moved: the first line that shows the whole message (or its start, when
    /// it is taller than the pane), moving the pane as little as possible.
    static func reveal(_ state: DeskState) -> DeskAction? {
        guard let open = state.openTicket, open.revealSelectedMessage else { return nil }
        guard let id = open.selectedMessageID, let rect = Layout(state: state, size: state.size).detail,
              let lines = DetailLayout.lines(ofMessage: id, in: open, viewer: state.viewer, width: rect.width - 2, now: state.now, language: state.language)
        else { return .selectedMessageRevealed(firstLine: open.scroll) }
        var first = open.scroll
        if lines.lowerBound < first {
            first = lines.lowerBound
        } else if lines.upperBound > first + rect.height {
            first = min(lines.lowerBound, lines.upperBound - rect.height)
        }
        return .selectedMessageRevealed(firstLine: first)
    }
}
