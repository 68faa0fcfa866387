import Foundation
import GRDB

/// The CJK index: substrings of Chinese, Japanese and Korean text, beside the word index
/// (whose words are whole runs of CJK text, so only their starts could be found).
///
/// `ticket_cjk` and `message_cjk` are contentless FTS5 tables with the same rowids as `ticket`
/// and `message`, holding only the rows that have CJK text, as the `words` and `grams`
/// columns of `CJKText.indexColumns` (computed in Swift by functions every desk connection
/// defines). Bigrams rather than FTS5's trigram tokenizer: one index answers CJK words of
/// every length, one and two characters included (most Japanese and Chinese words). Kept by
/// triggers that wait during bulk writes like the word index's (`FullTextSwitch`).
enum CJKSchema {
    static let tables = ["ticket_cjk", "message_cjk"].map { name in
        // Tokens arrive folded by `CJKText`; the tokenizer only splits them at spaces.
        """
        CREATE VIRTUAL TABLE \(name) USING fts5(
            words, grams, content = '', columnsize = 0, tokenize = 'unicode61 remove_diacritics 0')
        """
    }

    /// A contentless table deletes a row by being given the tokens it indexed, so an update
    /// deletes the old tokens only when the old text had any.
    static let triggers = [
        """
        CREATE TRIGGER ticket_cjk_insert AFTER INSERT ON ticket
        WHEN deskterm_fts_live() AND deskterm_has_cjk(new.subject, new.description) BEGIN
            INSERT INTO ticket_cjk(rowid, words, grams) VALUES (new.id,
                deskterm_cjk_words(new.subject, new.description), deskterm_cjk_grams(new.subject, new.description));
        END
        """,
        """
        CREATE TRIGGER ticket_cjk_update AFTER UPDATE OF subject, description ON ticket BEGIN
            INSERT INTO ticket_cjk(ticket_cjk, rowid, words, grams)
            SELECT 'delete', old.id,
                deskterm_cjk_words(old.subject, old.description), deskterm_cjk_grams(old.subject, old.description)
            WHERE deskterm_has_cjk(old.subject, old.description);
            INSERT INTO ticket_cjk(rowid, words, grams)
            SELECT new.id,
                deskterm_cjk_words(new.subject, new.description), deskterm_cjk_grams(new.subject, new.description)
            WHERE deskterm_has_cjk(new.subject, new.description);
        END
        """,
        """
        CREATE TRIGGER message_cjk_insert AFTER INSERT ON message
        WHEN deskterm_fts_live() AND deskterm_has_cjk(new.body) BEGIN
            INSERT INTO message_cjk(rowid, words, grams) VALUES (new.id, deskterm_cjk_words(new.body), deskterm_cjk_grams(new.body));
        END
        """,
    ]
    static let triggerNames = ["ticket_cjk_insert", "ticket_cjk_update", "message_cjk_insert"]

    /// Statements that index the rows after the given ids, one per table (for a migration, a
    /// bulk load or a deferred bulk write).
    static func indexStatements(ticketsAfter ticketID: Int64 = 0, messagesAfter messageID: Int64 = 0) -> [String] {
        [
            """
            INSERT INTO ticket_cjk(rowid, words, grams)
            SELECT id, deskterm_cjk_words(subject, description), deskterm_cjk_grams(subject, description) FROM ticket
            WHERE id > \(ticketID) AND deskterm_has_cjk(subject, description)
            """,
            """
            INSERT INTO message_cjk(rowid, words, grams)
            SELECT id, deskterm_cjk_words(body), deskterm_cjk_grams(body) FROM message
            WHERE id > \(messageID) AND deskterm_has_cjk(body)
            """,
        ]
    }

    /// The functions the triggers call; every connection to a desk defines them.
    static func registerFunctions(in db: Database) {
        let columns = LastColumns()
        db.add(function: DatabaseFunction("deskterm_has_cjk", argumentCount: nil, pure: true) { values in
            CJKText.containsCJK(values.compactMap(String.fromDatabaseValue))
        })
        db.add(function: DatabaseFunction("deskterm_cjk_words", argumentCount: nil, pure: true) { values in
            columns.of(values.compactMap(String.fromDatabaseValue)).words
        })
        db.add(function: DatabaseFunction("deskterm_cjk_grams", argumentCount: nil, pure: true) { values in
            columns.of(values.compactMap(String.fromDatabaseValue)).grams
        })
    }

    /// Both columns of a row come from one reading of its text: the second function called
    /// with the same texts gets the columns the first computed.
    private final class LastColumns: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [String] = []
        private var columns = (words: "", grams: "")

        func of(_ texts: [String]) -> (words: String, grams: String) {
            lock.withLock {
                if texts != self.texts {
                    self.texts = texts
                    columns = CJKText.indexColumns(of: texts)
                }
                return columns
            }
        }
    }

    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-cjk-substrings", foreignKeyChecks: .immediate) { db in
            for table in tables { try db.execute(sql: table) }
            for statement in indexStatements() { try db.execute(sql: statement) }
            for trigger in triggers { try db.execute(sql: trigger) }
        }
    }
}
