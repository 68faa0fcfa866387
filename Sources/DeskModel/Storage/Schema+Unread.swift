import GRDB

/// What each user has read of each ticket (`UnreadSQL`): the last message the client showed
/// them, and the "mark unread" flag. Unlike `recent_view` it is not trimmed, so a ticket read
/// long ago stays read.
enum UnreadSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11-unread", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE ticket_read (
                    user_id INTEGER NOT NULL REFERENCES user(id),
                    ticket_id INTEGER NOT NULL REFERENCES ticket(id),
                    -- (created_at, id) of the last message shown; (0, 0) when it had none.
                    seen_at INTEGER NOT NULL,
                    seen_message_id INTEGER NOT NULL,
                    marked_unread INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (user_id, ticket_id)
                ) WITHOUT ROWID;
                """)
        }
    }
}
