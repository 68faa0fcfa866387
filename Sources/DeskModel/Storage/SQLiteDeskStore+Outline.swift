import Foundation
import GRDB
import GRDBSQLite

/// Reading the outline of a history: one row per message, tens of thousands for a long ticket.
extension SQLiteDeskStore {
    /// Every message the viewer may see in time order with an empty body (events keep theirs:
    /// one short line, and untyped old events have nothing else), and each body's length in
    /// characters. Customers never receive internal notes, not even as outline rows.
    ///
    /// Columns are read straight from the statement: going through `Row` cost several times
    /// what SQLite itself spends on the query. The rows come from `message_outline` alone
    /// (`MessageBodyLengthSchema`): SQLite defers the table lookup until a column outside the
    /// index is read, which only an event (its text) or a row without a stored length needs.
    static func historyOutline(
        _ db: Database, ticketID: TicketID, viewer: Viewer
    ) throws -> (messages: [Message], bodyLengths: [Int]) {
        let internalFilter = viewer.isStaff ? "" : " AND kind != 'internalNote'"
        // The kind as a number (anything unknown reads as an event, as `RowDecoding.message`
        // does), and the event's columns read only for events: each column read is a call.
        let statement = try db.makeStatement(sql: """
            SELECT id, CASE kind WHEN 'reply' THEN 0 WHEN 'internalNote' THEN 1 ELSE 2 END, author_id,
                CASE WHEN kind = 'systemEvent' THEN body END,
                created_at, in_reply_to_id, CASE WHEN kind = 'systemEvent' THEN event END,
                coalesce(body_length, length(body))
            FROM message INDEXED BY message_outline
            WHERE ticket_id = ?\(internalFilter) ORDER BY created_at, id
            """)
        statement.arguments = [ticketID]
        var messages: [Message] = []
        var lengths: [Int] = []
        let rows = try Row.fetchCursor(statement)
        let raw = statement.sqliteStatement
        while try rows.next() != nil {
            let kind = OutlineColumns.kinds[Int(sqlite3_column_int64(raw, 1))]
            let isEvent = kind == .systemEvent
            messages.append(Message(
                id: sqlite3_column_int64(raw, 0), ticketID: ticketID, kind: kind,
                authorID: OutlineColumns.optionalID(raw, 2),
                body: isEvent ? OutlineColumns.optionalText(raw, 3) ?? "" : "",
                createdAt: Date(deskSeconds: sqlite3_column_int64(raw, 4)),
                inReplyToID: OutlineColumns.optionalID(raw, 5),
                event: isEvent ? OutlineColumns.optionalText(raw, 6).flatMap(SystemEvent.init(payload:)) : nil))
            lengths.append(Int(sqlite3_column_int64(raw, 7)))
        }
        return (messages, lengths)
    }
}

/// Column readers over a stepped SQLite statement, for the outline loop.
private enum OutlineColumns {
    /// By the numbers the outline's query gives them.
    static let kinds: [MessageKind] = [.reply, .internalNote, .systemEvent]

    /// An id column that may be NULL: its type is asked only when it reads 0 (as NULL does).
    static func optionalID(_ statement: SQLiteStatement, _ column: Int32) -> Int64? {
        let value = sqlite3_column_int64(statement, column)
        return value == 0 && sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : value
    }

    static func optionalText(_ statement: SQLiteStatement, _ column: Int32) -> String? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        return String(cString: text)
    }
}
