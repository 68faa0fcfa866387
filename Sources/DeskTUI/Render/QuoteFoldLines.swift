import DeskModel

/// The quote cut from one mailed message (`OpenTicketState.quotedHistory`) and whether the
/// reader unfolded it.
struct QuoteFold: Equatable {
    var text: String
    var unfolded: Bool
}

/// The open ticket's quotes and unfolded set, as the thread's layout depends on them.
struct QuoteFolds: Equatable {
    var quoted: [MessageID: String]
    var unfolded: Set<MessageID>

    init(_ open: OpenTicketState) {
        quoted = open.quotedHistory
        unfolded = open.unfoldedQuotes
    }

    func fold(of id: MessageID) -> QuoteFold? {
        guard !quoted.isEmpty, let text = quoted[id] else { return nil }
        return QuoteFold(text: text, unfolded: unfolded.contains(id))
    }
}

/// Under a mailed message's new text: its quoted history folded to one dimmed line
/// ("▸ quoted history (12 lines)"), or that line open ("▾ …") with the quote below it.
enum QuoteFoldLines {
    static func lines(_ quote: QuoteFold, indent: String, width: Int, language: Language) -> [StyledLine] {
        let count = QuotedHistoryFolding.lineCount(quote.text)
        let label = (quote.unfolded ? "▾ " : "▸ ") + summary(count, language)
        var lines = TextWrap.wrap(label, width: width).map { StyledLine([(indent, .border), ($0, .dim)]) }
        guard quote.unfolded else { return lines }
        // The quote's own trailing blank lines are not shown (its count leaves them out too).
        let text = String(TextSafety.sanitizedBlock(quote.text).reversed().drop(while: \.isWhitespace).reversed())
        for part in TextWrap.wrap(text, width: width) {
            lines.append(StyledLine([(indent, .border), (part, .dim)]))
        }
        return lines
    }

    static func summary(_ count: Int, _ language: Language) -> String {
        Phrase.client(one: "quoted history ({count} line)", other: "quoted history ({count} lines)", count: count,
                      ["count": .number(Int64(count))]).text(in: language)
    }
}
