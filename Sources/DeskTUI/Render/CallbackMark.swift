import DeskModel

/// The list's marker of a ticket with an open call-back request: a telephone sign before the
/// subject, so it shows without colour and moves no column.
enum CallbackMark {
    /// U+2706 TELEPHONE LOCATION SIGN: one column wide in every terminal (not East Asian
    /// ambiguous, unlike U+260E), and read as "phone" without a legend.
    static let symbol = "✆"

    static func subject(_ row: TicketSummary) -> String {
        row.callback == nil ? row.subject : "\(symbol) \(row.subject)"
    }
}
