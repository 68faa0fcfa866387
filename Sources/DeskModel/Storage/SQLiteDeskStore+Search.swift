import Foundation
import GRDB

/// Full-text search over subjects, descriptions and messages, within what the viewer may see.
extension SQLiteDeskStore {
    public func search(_ query: String, viewer: Viewer, limit: Int = 50) throws(DeskError) -> [TicketSummary] {
        guard let match = FullTextQuery.match(for: query) else { return [] }
        let visibility = VisibilitySQL.predicate(viewer)
        // A customer's search never matches an internal note.
        let messageKinds = viewer.isStaff ? "" : " AND m.kind != 'internalNote'"
        let sql = """
            WITH hits(ticket_id) AS (
                SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ?
                UNION
                SELECT m.ticket_id FROM message_fts JOIN message m ON m.id = message_fts.rowid
                WHERE message_fts MATCH ?\(messageKinds)
            )
            SELECT \(RowDecoding.summaryColumns), t.updated_at AS k
            FROM hits h
            JOIN ticket t ON t.id = h.ticket_id
            JOIN user r ON r.id = t.requester_id
            LEFT JOIN organisation o ON o.id = t.organisation_id
            LEFT JOIN user a ON a.id = t.assignee_id
            WHERE \(visibility.sql)
            ORDER BY t.updated_at DESC, t.id DESC
            LIMIT ?
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: [match, match] + visibility.arguments + [limit]).map {
                RowDecoding.summary($0, sortValue: $0["k"])
            }
        }
    }
}

/// Turns what a person types into an FTS5 query that cannot be a syntax error: every word is
/// quoted (so `"`, `*`, `AND`, `:` are plain text) and the last one matches as a prefix, which
/// gives results as you type.
public enum FullTextQuery {
    public static func match(for text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map { word in
            String(word).replacingOccurrences(of: "\"", with: "\"\"")
        }.filter { word in word.contains { $0.isLetter || $0.isNumber } }
        guard !words.isEmpty else { return nil }
        var terms = words.map { "\"\($0)\"" }
        terms[terms.count - 1] += "*"
        return terms.joined(separator: " ")
    }
}
