import Foundation
import GRDB

/// Search and counts with a filter (`printer status:open assignee:me`).
extension SQLiteDeskStore {
    /// Words and filter together: the tickets that contain the words (as `search(String)`
    /// finds them, newest matching text first) and pass the filter. A filter without words
    /// lists every visible ticket that passes it, most recently updated first.
    public func search(_ query: TicketQuery, viewer: Viewer, limit: Int = 50) throws(DeskError) -> [TicketSummary] {
        guard limit > 0 else { return [] }
        if FullTextQuery.match(for: query.text) != nil {
            return try searchText(query.text, viewer: viewer, limit: limit, filter: query.filter)
        }
        guard !query.filter.isEmpty else { return [] }
        let request = PageRequest(view: .all, order: TicketOrder(key: .updated), limit: limit, filter: query.filter)
        return try page(request, viewer: viewer).rows
    }

    /// How many tickets the request's view and filter hold, counting no further than `cap`
    /// (a filter may leave no counter to read, and counting must stay bounded).
    public func count(_ request: PageRequest, viewer: Viewer, upTo cap: Int) throws(DeskError) -> Int {
        guard cap > 0 else { return 0 }
        return try read { db in
            let query = try listQuery(db, request, viewer: viewer)
            if query.restriction.isEmpty {
                let all = query.countSQL()
                return min(cap, try Int.fetchOne(db, sql: all.sql, arguments: all.arguments) ?? 0)
            }
            var arguments: StatementArguments = []
            let union = query.branches().map { branch -> String in
                arguments += branch.arguments
                return "SELECT t.id FROM \(branch.from) WHERE \(branch.condition)"
            }.joined(separator: " UNION ")
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(union) LIMIT \(cap))", arguments: arguments) ?? 0
        }
    }
}
