import DeskModel

/// The filter syntax of `list --filter` and `search` (README, "Filters"), read into the
/// desk's typed query; mistakes come back as the desk's one-line errors.
enum FilterInput {
    static func query(_ text: String) throws(DeskError) -> TicketQuery {
        do {
            return try TicketQuery.parse(text)
        } catch {
            throw .invalidFilter(error)
        }
    }

    /// Conditions only: words belong to `search`, which can rank them.
    static func filter(_ text: String?) throws(DeskError) -> TicketFilter {
        guard let text else { return TicketFilter() }
        let query = try query(text)
        guard query.words.isEmpty else {
            throw .cli("--filter takes key:value conditions only; to find words, use: deskterm search '{text}'", ["text": .text(text)])
        }
        return query.filter
    }
}
