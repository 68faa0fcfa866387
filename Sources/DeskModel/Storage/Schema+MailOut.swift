import GRDB

/// Mail the desk sends (`mail_outbox`: written in the transaction of the change that causes
/// it, delivered later by `deskterm mail deliver`) and what each user wants mailed to them
/// (`mail_preference`: a row only where they chose otherwise than the default).
enum MailOutSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v15-mail-out", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE mail_outbox (
                    id INTEGER PRIMARY KEY,
                    ticket_id INTEGER REFERENCES ticket(id),
                    -- The desk message the mail tells of, if one.
                    message_id INTEGER REFERENCES message(id),
                    recipient_id INTEGER REFERENCES user(id),
                    recipient TEXT NOT NULL,
                    event TEXT NOT NULL,
                    -- Its Message-ID header, without brackets: the thread's next mail refers to it.
                    header_id TEXT NOT NULL,
                    data BLOB NOT NULL,
                    created_at INTEGER NOT NULL,
                    -- Not sent before this time: the first try, a retry's back-off, or a
                    -- delivering process's claim.
                    next_attempt_at INTEGER NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    sent_at INTEGER
                );
                CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at, id) WHERE sent_at IS NULL;
                CREATE INDEX mail_outbox_ticket ON mail_outbox(ticket_id, id);
                CREATE INDEX mail_outbox_recipient ON mail_outbox(recipient, event, created_at);
                -- A bounce names the Message-ID it returns.
                CREATE INDEX mail_outbox_header ON mail_outbox(header_id);

                CREATE TABLE mail_preference (
                    user_id INTEGER NOT NULL REFERENCES user(id),
                    event TEXT NOT NULL,
                    wanted INTEGER NOT NULL,
                    PRIMARY KEY (user_id, event)
                ) WITHOUT ROWID;
                """)
        }
    }
}
