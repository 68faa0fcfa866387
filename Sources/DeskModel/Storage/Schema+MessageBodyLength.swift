import GRDB

/// Each message's body length, stored once, and an index that holds a whole history outline.
///
/// Opening a ticket reads one outline row per message (`historyOutline`). Through
/// `message_ticket` that meant a table lookup and `length(body)` for every message of the
/// ticket, and the writes each opening makes (read marker, Recent) empty the readers' page
/// cache, so the rows were read again every time. `message_outline` holds every column the
/// outline needs but an event's text, so a 20,000-message history is one index range
/// (about 3 ms of SQLite instead of 8).
enum MessageBodyLengthSchema {
    /// Same prefix as `message_ticket`, in the history's order (time, then id), then the
    /// outline's columns; `kind` also lets customers' reads drop notes inside the index.
    static let outlineIndex = """
        CREATE INDEX message_outline ON message(ticket_id, created_at, id, kind, author_id, in_reply_to_id, body_length)
        """

    /// Every way a message is written keeps its length: an insert that did not give it (the
    /// generator gives it in the statement) and any later change of the body.
    static let triggers = [
        """
        CREATE TRIGGER message_body_length_insert AFTER INSERT ON message WHEN new.body_length IS NULL BEGIN
            UPDATE message SET body_length = length(new.body) WHERE id = new.id;
        END
        """,
        """
        CREATE TRIGGER message_body_length_update AFTER UPDATE OF body ON message BEGIN
            UPDATE message SET body_length = length(new.body) WHERE id = new.id;
        END
        """,
    ]

    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v13-message-body-length", foreignKeyChecks: .immediate) { db in
            // Nullable: the outline falls back to `length(body)` for a row without it.
            try db.execute(sql: "ALTER TABLE message ADD COLUMN body_length INTEGER")
            try db.execute(sql: "UPDATE message SET body_length = length(body)")
            try db.execute(sql: outlineIndex)
            for trigger in triggers { try db.execute(sql: trigger) }
        }
    }
}
