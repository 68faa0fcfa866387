import GRDB

/// Mail in (`deskterm mailgate`): every message received, raw bytes included (export, audit,
/// and references matched against later replies), and each organisation's mail domain (which
/// unknown senders join). PostgreSQL's `pg8-mail-in` is the same.
enum MailSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v14-mail-in", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                ALTER TABLE organisation ADD COLUMN mail_domain TEXT;
                CREATE INDEX organisation_mail_domain ON organisation(mail_domain COLLATE NOCASE);
                CREATE INDEX user_email ON user(email COLLATE NOCASE);

                CREATE TABLE mail_received (
                    id INTEGER PRIMARY KEY,
                    received_at INTEGER NOT NULL,
                    -- The Message-ID header with its angle brackets; '' when the mail had none.
                    header_message_id TEXT NOT NULL,
                    sender TEXT NOT NULL,
                    ticket_id INTEGER REFERENCES ticket(id),
                    message_id INTEGER REFERENCES message(id),
                    -- `MailClassification`: person, or why it is automatic.
                    classification TEXT NOT NULL,
                    -- `MailOutcome`: what the mailgate did with it.
                    outcome TEXT NOT NULL,
                    -- What could not be read (one per line): the mail was stored as well as it could be.
                    problems TEXT NOT NULL,
                    -- The quoted history cut from the stored message's body.
                    quoted TEXT NOT NULL,
                    raw BLOB NOT NULL
                );
                CREATE INDEX mail_received_header_message_id ON mail_received(header_message_id);
                CREATE INDEX mail_received_ticket ON mail_received(ticket_id);
                CREATE INDEX mail_received_message ON mail_received(message_id);
                """)
        }
    }
}
