/// What the client's search box holds, read without throwing: whether it has conditions, and
/// the words to highlight in results.
public enum SearchQueryText {
    /// True when the text holds at least one condition that reads (`status:open`).
    public static func hasConditions(_ text: String) -> Bool {
        (try? TicketQuery.parse(text))?.filter.isEmpty == false
    }
}
