import GRDB

/// The CJK index: substrings of Chinese, Japanese and Korean text, beside the word index
/// (whose words are whole runs of CJK text, so only their starts could be found).
///
/// `ticket_cjk` and `message_cjk` are contentless FTS5 tables with the same rowids as `ticket`
/// and `message`, holding only rows that have CJK text, as the bigram tokens of
/// `CJKText.indexTokens` (computed in Swift by `deskterm_cjk_tokens`, which every desk
/// connection defines). Bigrams rather than FTS5's trigram tokenizer: one index answers words
/// of every length, one and two characters included (most Japanese and Chinese words), and
/// Latin text is not indexed a second time. Kept by triggers that wait during bulk writes like
/// the word index's (`FullTextSwitch`).
enum CJKSchema {
    static let tables = [
        "CREATE VIRTUAL TABLE ticket_cjk USING fts5(tokens, content = '', columnsize = 0, tokenize = 'unicode61 remove_diacritics 0')",
        "CREATE VIRTUAL TABLE message_cjk USING fts5(tokens, content = '', columnsize = 0, tokenize = 'unicode61 remove_diacritics 0')",
    ]

    /// A contentless table deletes a row by being given the tokens it indexed, so an update
    /// deletes the old tokens only when the old text had any.
    static let triggers = [
        """
        CREATE TRIGGER ticket_cjk_insert AFTER INSERT ON ticket
        WHEN deskterm_fts_live() AND deskterm_has_cjk(new.subject, new.description) BEGIN
            INSERT INTO ticket_cjk(rowid, tokens) VALUES (new.id, deskterm_cjk_tokens(new.subject, new.description));
        END
        """,
        """
        CREATE TRIGGER ticket_cjk_update AFTER UPDATE OF subject, description ON ticket BEGIN
            INSERT INTO ticket_cjk(ticket_cjk, rowid, tokens)
            SELECT 'delete', old.id, deskterm_cjk_tokens(old.subject, old.description)
            WHERE deskterm_has_cjk(old.subject, old.description);
            INSERT INTO ticket_cjk(rowid, tokens)
            SELECT new.id, deskterm_cjk_tokens(new.subject, new.description)
            WHERE deskterm_has_cjk(new.subject, new.description);
        END
        """,
        """
        CREATE TRIGGER message_cjk_insert AFTER INSERT ON message
        WHEN deskterm_fts_live() AND deskterm_has_cjk(new.body) BEGIN
            INSERT INTO message_cjk(rowid, tokens) VALUES (new.id, deskterm_cjk_tokens(new.body));
        END
        """,
    ]
    static let triggerNames = ["ticket_cjk_insert", "ticket_cjk_update", "message_cjk_insert"]

    /// Statements that index the rows after the given ids, one per table (for a migration, a
    /// bulk load or a deferred bulk write).
    static func indexStatements(ticketsAfter ticketID: Int64 = 0, messagesAfter messageID: Int64 = 0) -> [String] {
        [
            """
            INSERT INTO ticket_cjk(rowid, tokens)
            SELECT id, deskterm_cjk_tokens(subject, description) FROM ticket
            WHERE id > \(ticketID) AND deskterm_has_cjk(subject, description)
            """,
            """
            INSERT INTO message_cjk(rowid, tokens)
            SELECT id, deskterm_cjk_tokens(body) FROM message
            WHERE id > \(messageID) AND deskterm_has_cjk(body)
            """,
        ]
    }

    /// The functions the triggers call; every connection to a desk defines them.
    static func registerFunctions(in db: Database) {
        db.add(function: DatabaseFunction("deskterm_has_cjk", argumentCount: nil, pure: true) { values in
            CJKText.containsCJK(values.compactMap(String.fromDatabaseValue))
        })
        db.add(function: DatabaseFunction("deskterm_cjk_tokens", argumentCount: nil, pure: true) { values in
            CJKText.indexTokens(of: values.compactMap(String.fromDatabaseValue))
        })
    }

    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-cjk-substrings", foreignKeyChecks: .immediate) { db in
            for table in tables { try db.execute(sql: table) }
            for statement in indexStatements() { try db.execute(sql: statement) }
            for trigger in triggers { try db.execute(sql: trigger) }
        }
    }
}
