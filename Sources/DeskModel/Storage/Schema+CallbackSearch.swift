import GRDB

/// Call-back events leave the full-text indexes: their text was the requester's window and
/// zone, which let a colleague's search find the ticket by a request they may not know of.
/// They are now stored without text (`SystemEvent.recordText`); this takes the text of the
/// events already stored out of the word index and the CJK index (both are given the text
/// they indexed, which the external-content and contentless tables need to delete a row),
/// then empties it (PostgreSQL's `pg14-callback-search`).
enum CallbackSearchSchema {
    static let callbackEvents = """
        SELECT id, body FROM message
        WHERE kind = 'systemEvent' AND body <> '' AND event LIKE '\(SystemEvent.callbackPayloadPattern)'
        """

    /// Takes the stored call-back events' text out of both indexes, then empties it.
    static let removal = """
        INSERT INTO message_fts(message_fts, rowid, body) SELECT 'delete', id, body FROM (\(callbackEvents));
        INSERT INTO message_cjk(message_cjk, rowid, words, grams)
        SELECT 'delete', id, deskterm_cjk_words(body), deskterm_cjk_grams(body) FROM (\(callbackEvents))
        WHERE deskterm_has_cjk(body);
        UPDATE message SET body = '' WHERE id IN (SELECT id FROM (\(callbackEvents)));
        """

    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v20-callback-search", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: removal)
        }
    }
}
