/// Mailed messages keep the history their sender quoted (`Desk.quotedHistory`, cut by the
/// mailgate). The ticket screen shows each such message with its new text and the quote folded
/// to one line; the reader unfolds the quote of one message, or of all of them.
public enum QuotedHistoryAction: Equatable, Sendable {
    /// The quoted history of ticket `number`'s messages, read with the ticket.
    case loaded(number: Int64, [MessageID: String])
    /// Fold or unfold the quote of the picked message, else of the last message that has one.
    case toggled
    /// Unfold every quote of the open ticket, or fold them all when all are unfolded.
    case allToggled
}

public enum QuotedHistoryFolding {
    /// The message whose quote the fold key acts on: the picked message (`]` / `[`), else the
    /// last message of the thread that has a quote; nil when that message has none.
    public static func target(_ open: OpenTicketState) -> MessageID? {
        if let picked = open.selectedMessageID { return open.quotedHistory[picked] == nil ? nil : picked }
        return open.thread.last { open.quotedHistory[$0.message.id] != nil }?.message.id
    }

    /// Lines of a quote, as the folded line counts them (trailing blank lines left out).
    public static func lineCount(_ quoted: String) -> Int {
        var lines = quoted.split(separator: "\n", omittingEmptySubsequences: false)
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.count
    }
}

extension DeskReducer {
    static func reduceQuotedHistory(_ state: inout DeskState, _ action: QuotedHistoryAction) -> [DeskEffect] {
        guard var open = state.openTicket else { return [] }
        switch action {
        case .loaded(let number, let quoted):
            guard open.detail.ticket.number == number else { return [] }
            open.quotedHistory = quoted
            // A reload keeps what the reader unfolded, for the quotes still there.
            open.unfoldedQuotes.formIntersection(quoted.keys)
        case .toggled:
            guard let id = QuotedHistoryFolding.target(open) else {
                state.message = StatusMessage(.info, Notices.noQuotedHistory)
                return []
            }
            if open.unfoldedQuotes.remove(id) == nil { open.unfoldedQuotes.insert(id) }
        case .allToggled:
            let all = Set(open.quotedHistory.keys)
            guard !all.isEmpty else {
                state.message = StatusMessage(.info, Notices.noQuotedHistory)
                return []
            }
            open.unfoldedQuotes = open.unfoldedQuotes == all ? [] : all
        }
        state.openTicket = open
        return []
    }
}

extension DeskRuntime {
    /// The quote of each message of a ticket being shown; nothing when it has none. A quote
    /// that cannot be read leaves the ticket shown without it.
    func quotedHistoryLoaded(_ number: Int64) -> [DeskAction] {
        guard let quoted = try? store.quotedHistory(number: number, viewer: viewer), !quoted.isEmpty else { return [] }
        return [.quotedHistory(.loaded(number: number, quoted))]
    }
}
