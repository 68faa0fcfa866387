import GRDB

/// The desk's schema, as GRDB migrations. A migration never changes once released.
enum Schema {
    /// `PRAGMA application_id` of every desk ("DESK"): how we tell our files from others.
    static let applicationID: Int32 = 0x4445_534B

    /// The list orders each view reads through an index (see `ListQuery`).
    static let sortColumns = ["created_at", "updated_at", "triage_key"]
    /// Column prefixes of the list indexes, one per way a view narrows the tickets.
    static let listIndexPrefixes: [[String]] = [
        [], ["is_closed"],
        ["assignee_id"], ["assignee_id", "is_closed"],
        ["requester_id"], ["requester_id", "is_closed"],
        ["organisation_id"], ["organisation_id", "is_closed"],
    ]

    /// Keeps the full-text tables in step with the text they index. The insert triggers wait
    /// while a bulk write indexes its rows itself (`FullTextSwitch`).
    static let ftsTriggers = [
        """
        CREATE TRIGGER ticket_fts_insert AFTER INSERT ON ticket WHEN deskterm_fts_live() BEGIN
            INSERT INTO ticket_fts(rowid, subject, description)
            VALUES (new.id, new.subject, new.description);
        END
        """,
        """
        CREATE TRIGGER ticket_fts_update AFTER UPDATE OF subject, description ON ticket BEGIN
            INSERT INTO ticket_fts(ticket_fts, rowid, subject, description)
            VALUES ('delete', old.id, old.subject, old.description);
            INSERT INTO ticket_fts(rowid, subject, description)
            VALUES (new.id, new.subject, new.description);
        END
        """,
        """
        CREATE TRIGGER message_fts_insert AFTER INSERT ON message WHEN deskterm_fts_live() BEGIN
            INSERT INTO message_fts(rowid, body) VALUES (new.id, new.body);
        END
        """,
    ]

    /// The triggers as the first schema created them (a released migration never changes).
    static let ftsTriggersV1 = [
        """
        CREATE TRIGGER ticket_fts_insert AFTER INSERT ON ticket BEGIN
            INSERT INTO ticket_fts(rowid, subject, description)
            VALUES (new.id, new.subject, new.description);
        END
        """,
        """
        CREATE TRIGGER ticket_fts_update AFTER UPDATE OF subject, description ON ticket BEGIN
            INSERT INTO ticket_fts(ticket_fts, rowid, subject, description)
            VALUES ('delete', old.id, old.subject, old.description);
            INSERT INTO ticket_fts(rowid, subject, description)
            VALUES (new.id, new.subject, new.description);
        END
        """,
        """
        CREATE TRIGGER message_fts_insert AFTER INSERT ON message BEGIN
            INSERT INTO message_fts(rowid, body) VALUES (new.id, new.body);
        END
        """,
    ]
    static let ftsTriggerNames = ["ticket_fts_insert", "ticket_fts_update", "message_fts_insert"]

    /// One index per (narrowing prefix, sort column): every list page is an index range.
    static var listIndexes: [(name: String, create: String)] {
        listIndexPrefixes.flatMap { prefix in
            sortColumns.map { column in
                let columns = prefix + [column]
                let name = "ticket_list_" + columns.joined(separator: "_")
                return (name, "CREATE INDEX \(name) ON ticket(\(columns.joined(separator: ", ")))")
            }
        }
    }

    /// Migrations after the first add tables, triggers and indexes but never rows that could
    /// break a reference, so they run with immediate foreign-key checks: GRDB's default
    /// (deferred) re-checks every reference of the desk after each one, 7 s on a million tickets.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-desk") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE desk_setting (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;

                -- Bumped by every write transaction: a cheap "did anything change?" for live refresh.
                CREATE TABLE desk_change (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    counter INTEGER NOT NULL
                );
                INSERT INTO desk_change(id, counter) VALUES (1, 0);

                CREATE TABLE organisation (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    plan TEXT NOT NULL,
                    tier TEXT NOT NULL
                );

                CREATE TABLE user (
                    id INTEGER PRIMARY KEY,
                    handle TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    email TEXT NOT NULL,
                    role TEXT NOT NULL,
                    organisation_id INTEGER REFERENCES organisation(id),
                    case_access TEXT NOT NULL
                );
                CREATE INDEX user_organisation ON user(organisation_id);

                CREATE TABLE ticket (
                    id INTEGER PRIMARY KEY,
                    number INTEGER NOT NULL UNIQUE,
                    subject TEXT NOT NULL,
                    description TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    product TEXT NOT NULL,
                    category TEXT NOT NULL,
                    subcategory TEXT NOT NULL,
                    urgency TEXT NOT NULL,
                    status TEXT NOT NULL,
                    is_closed INTEGER NOT NULL GENERATED ALWAYS AS (status = 'closed') VIRTUAL,
                    requester_id INTEGER NOT NULL REFERENCES user(id),
                    organisation_id INTEGER REFERENCES organisation(id),
                    assignee_id INTEGER REFERENCES user(id),
                    contact TEXT NOT NULL,
                    follow_up_of_id INTEGER REFERENCES ticket(id),
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    triage_key INTEGER NOT NULL
                );
                CREATE INDEX ticket_pending_updated ON ticket(status, updated_at);

                CREATE TABLE message (
                    id INTEGER PRIMARY KEY,
                    ticket_id INTEGER NOT NULL REFERENCES ticket(id),
                    kind TEXT NOT NULL,
                    author_id INTEGER REFERENCES user(id),
                    body TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    in_reply_to_id INTEGER REFERENCES message(id)
                );
                CREATE INDEX message_ticket ON message(ticket_id, created_at);

                CREATE TABLE attachment (
                    id INTEGER PRIMARY KEY,
                    ticket_id INTEGER NOT NULL REFERENCES ticket(id),
                    message_id INTEGER REFERENCES message(id),
                    name TEXT NOT NULL,
                    media_type TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    sha256 TEXT NOT NULL,
                    uploader_id INTEGER NOT NULL REFERENCES user(id),
                    created_at INTEGER NOT NULL,
                    data BLOB NOT NULL
                );
                CREATE INDEX attachment_ticket ON attachment(ticket_id);

                CREATE TABLE watcher (
                    ticket_id INTEGER NOT NULL REFERENCES ticket(id),
                    user_id INTEGER NOT NULL REFERENCES user(id),
                    PRIMARY KEY (ticket_id, user_id)
                ) WITHOUT ROWID;
                CREATE INDEX watcher_user ON watcher(user_id, ticket_id);

                CREATE TABLE recent_view (
                    user_id INTEGER NOT NULL REFERENCES user(id),
                    ticket_id INTEGER NOT NULL REFERENCES ticket(id),
                    viewed_at INTEGER NOT NULL,
                    sequence INTEGER NOT NULL,
                    PRIMARY KEY (user_id, ticket_id)
                ) WITHOUT ROWID;
                CREATE INDEX recent_view_order ON recent_view(user_id, viewed_at, sequence);

                CREATE TABLE draft (
                    user_id INTEGER NOT NULL REFERENCES user(id),
                    slot TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    body TEXT NOT NULL,
                    fields TEXT NOT NULL,
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (user_id, slot)
                ) WITHOUT ROWID;

                -- Full-text search over the text already stored in ticket and message
                -- (external content: no second copy). remove_diacritics 2 lets `ecole` find `école`.
                CREATE VIRTUAL TABLE ticket_fts USING fts5(
                    subject, description, content = 'ticket', content_rowid = 'id',
                    tokenize = 'unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE message_fts USING fts5(
                    body, content = 'message', content_rowid = 'id',
                    tokenize = 'unicode61 remove_diacritics 2');

                """)
            for trigger in ftsTriggersV1 { try db.execute(sql: trigger) }
            for index in listIndexes { try db.execute(sql: index.create) }
        }
        migrator.registerMigration("v2-audit", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                -- Who reached the desk over SSH, from where, with what command, and how it ended.
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    handle TEXT NOT NULL,
                    address TEXT NOT NULL,
                    command TEXT NOT NULL,
                    outcome TEXT NOT NULL
                );
                CREATE INDEX audit_log_at ON audit_log(at);
                """)
        }
        ImportSchema.register(&migrator)
        CountSchema.register(&migrator)
        migrator.registerMigration("v5-deferrable-fts", foreignKeyChecks: .immediate) { db in
            for name in ["ticket_fts_insert", "ticket_fts_update", "message_fts_insert"] {
                try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)")
            }
            for trigger in ftsTriggers { try db.execute(sql: trigger) }
        }
        migrator.registerMigration("v6-attachment-quota", foreignKeyChecks: .immediate) { db in
            // A customer's stored bytes, summed from the index alone when they attach a file.
            try db.execute(sql: "CREATE INDEX attachment_uploader ON attachment(uploader_id, size)")
        }
        CJKSchema.register(&migrator)
        SavedViewSchema.register(&migrator)
        migrator.registerMigration("v9-system-event-payload", foreignKeyChecks: .immediate) { db in
            // A system event as values (`SystemEvent.payload`), so each reader gets their own
            // words; older events keep only their text (NULL here).
            try db.execute(sql: "ALTER TABLE message ADD COLUMN event TEXT")
        }
        UserSettingsSchema.register(&migrator)
        UnreadSchema.register(&migrator)
        PublicUpdateTimeSchema.register(&migrator)
        MessageBodyLengthSchema.register(&migrator)
        MailSchema.register(&migrator)
        MailOutSchema.register(&migrator)
        ServiceLevelSchema.register(&migrator)
        ArticleSchema.register(&migrator)
        AccountSchema.register(&migrator)
        CallbackSchema.register(&migrator)
        CallbackSearchSchema.register(&migrator)
        ReportSchema.register(&migrator)
        return migrator
    }
}
