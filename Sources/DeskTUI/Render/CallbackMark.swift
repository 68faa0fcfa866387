import DeskModel

/// The list's marker of a ticket with an open call-back request: a telephone sign before the
/// subject, so it shows without colour and moves no column. The client's list and search
/// results and the command line's tables (`list`, `search`) all mark rows this way.
public enum CallbackMark {
    /// U+2706 TELEPHONE LOCATION SIGN: one column wide in every terminal (not East Asian
    /// ambiguous, unlike U+260E), and read as "phone" without a legend.
    public static let symbol = "✆"

    public static func subject(_ row: TicketSummary) -> String {
        row.callback == nil ? row.subject : "\(symbol) \(row.subject)"
    }
}
