import GRDB

/// Migrations for importing history from mail and other help desks (registered after the
/// core ones; a migration never changes once released).
enum ImportSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-import", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                -- Where each imported message came from: its Message-ID (`<id>`), a hash of the raw
                -- message when it had none (`sha256:...`), or a JSON conversation turn
                -- (`json:conversation#turn`). Importing the same message twice finds it here and adds
                -- nothing. `message_id` is NULL for the message that opened the ticket: it became the
                -- ticket's description.
                CREATE TABLE import_source (
                    external_id TEXT PRIMARY KEY NOT NULL,
                    ticket_id INTEGER NOT NULL REFERENCES ticket(id),
                    message_id INTEGER REFERENCES message(id)
                ) WITHOUT ROWID;
                CREATE INDEX import_source_ticket ON import_source(ticket_id, message_id);

                -- The normalised subject of each imported thread, for the subject fallback of later
                -- imports (a reply whose parent never arrived joins the thread with its subject).
                CREATE TABLE import_thread (
                    ticket_id INTEGER PRIMARY KEY REFERENCES ticket(id),
                    subject_key TEXT NOT NULL
                );
                CREATE INDEX import_thread_subject ON import_thread(subject_key);

                -- Which user an imported author became (`mail:address` or `name:author`).
                CREATE TABLE import_author (
                    key TEXT PRIMARY KEY NOT NULL,
                    user_id INTEGER NOT NULL REFERENCES user(id)
                ) WITHOUT ROWID;
                """)
        }
    }
}
