/// The client's `/` search reads the same syntax as `deskterm search`: words and `key:value`
/// conditions (`printer status:open assignee:me`). A condition that cannot be read is shown
/// with its own message, not as an empty list.
extension DeskReducer {
    static func searchFor(_ state: inout DeskState, _ query: String) -> [DeskEffect] {
        guard state.search != nil else { return [] }
        state.search?.query = query
        state.search?.filterError = nil
        let parsed: TicketQuery
        do {
            parsed = try TicketQuery.parse(query)
        } catch {
            state.search?.results = []
            state.search?.selectedIndex = 0
            state.search?.filterError = error.phrase
            return []
        }
        if SearchWords(typed: parsed.text) == nil && parsed.filter.isEmpty {
            state.search?.results = []
            state.search?.selectedIndex = 0
            return []
        }
        return [.search(query)]
    }
}

extension TicketQuery {
    /// The query as the client's search runs it: a filter that cannot be read is the store's
    /// `invalidFilter` error.
    static func parseForSearch(_ text: String) throws(DeskError) -> TicketQuery {
        do {
            return try parse(text)
        } catch {
            throw .invalidFilter(error)
        }
    }
}

extension DeskReducer {
    /// Snippets are read for the results on screen and a screen beyond the selection, as the
    /// selection moves: never for the whole list of results.
    static func requestSnippets(_ state: inout DeskState) -> [DeskEffect] {
        guard var search = state.search, !search.results.isEmpty,
              let parsed = try? TicketQuery.parse(search.query), SearchWords(typed: parsed.text) != nil else { return [] }
        let wanted = min(search.results.count, search.selectedIndex + 1 + state.visibleListRows)
        guard wanted > search.snippetsRequested else { return [] }
        let ids = search.results[search.snippetsRequested..<wanted].map(\.id)
        search.snippetsRequested = wanted
        state.search = search
        return [.loadSnippets(query: search.query, ids)]
    }
}

extension DeskEffect {
    /// Work the client does after drawing the screen it was asked for: a search's results
    /// show at once, and the lines of matching text under them follow. The tabs' counts
    /// (about 9 ms on a 100,000-ticket desk) follow the ticket opened or the change made, and
    /// so do the two writes of an opening (the read mark and Recent's entry: write
    /// transactions, 2-3 ms and now and then a WAL checkpoint), which the screen does not wait for.
    public var waitsForIdle: Bool {
        switch self {
        case .loadSnippets, .loadCounts, .markRead, .recordViewed: true
        case .article(let effect): effect.waitsForIdle
        // The screen says it is loading before the report (up to a second on a million tickets) is computed.
        case .report: true
        default: false
        }
    }
}
