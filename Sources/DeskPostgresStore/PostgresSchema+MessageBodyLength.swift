import DeskPostgres

extension PostgresSchema {
    /// Each message's body length beside it, and the outline index that holds every column
    /// the history outline reads (SQLite's `v13-message-body-length`): opening a long history
    /// reads one index range, never the bodies. PostgreSQL keeps the length as a generated
    /// column, so no trigger and no writer can let it drift.
    static let messageBodyLengthStep = PostgresMigrationStep(
        name: "pg6-message-body-length",
        sql: """
            ALTER TABLE message ADD COLUMN body_length bigint GENERATED ALWAYS AS (char_length(body)) STORED;
            CREATE INDEX message_outline ON message(ticket_id, created_at, id, kind, author_id, in_reply_to_id, body_length);
            """)
}
