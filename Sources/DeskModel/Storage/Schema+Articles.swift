import GRDB

/// The knowledge base (`Article`): one row per article with its counts, and two full-text
/// indexes kept by triggers like the tickets' (`ticket_fts`, `ticket_cjk`): words of the title,
/// body and tags, and the CJK index's words and bigrams (`CJKText`) of the title and body.
/// Articles are few and written one at a time, so the triggers never wait for bulk loads.
enum ArticleSchema {
    static let columns = """
        a.id, a.slug, a.title, a.body, a.language, a.tags, a.visibility, a.plans, u.handle AS author_handle,
        a.updated_at, a.shown_count, a.opened_count, a.solved_count, a.filed_anyway_count
        """

    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v17-kb", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE article (
                    id INTEGER PRIMARY KEY,
                    slug TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    language TEXT NOT NULL,
                    -- Space-separated, with a space at each end: ' vpn network '.
                    tags TEXT NOT NULL,
                    -- 'public', 'plans' (customers of the plans in `plans`, ' pro business ') or 'internal'.
                    visibility TEXT NOT NULL,
                    plans TEXT NOT NULL,
                    author_id INTEGER REFERENCES user(id),
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    shown_count INTEGER NOT NULL DEFAULT 0,
                    opened_count INTEGER NOT NULL DEFAULT 0,
                    solved_count INTEGER NOT NULL DEFAULT 0,
                    filed_anyway_count INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX article_updated ON article(updated_at);

                CREATE VIRTUAL TABLE article_fts USING fts5(
                    title, body, tags, content = 'article', content_rowid = 'id',
                    tokenize = 'unicode61 remove_diacritics 2');
                CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
                    INSERT INTO article_fts(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
                END;
                CREATE TRIGGER article_fts_update AFTER UPDATE OF title, body, tags ON article BEGIN
                    INSERT INTO article_fts(article_fts, rowid, title, body, tags)
                    VALUES ('delete', old.id, old.title, old.body, old.tags);
                    INSERT INTO article_fts(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
                END;

                CREATE VIRTUAL TABLE article_cjk USING fts5(
                    words, grams, content = '', tokenize = 'unicode61 remove_diacritics 0');
                CREATE TRIGGER article_cjk_insert AFTER INSERT ON article
                WHEN deskterm_has_cjk(new.title, new.body) BEGIN
                    INSERT INTO article_cjk(rowid, words, grams) VALUES (new.id,
                        deskterm_cjk_words(new.title, new.body), deskterm_cjk_grams(new.title, new.body));
                END;
                CREATE TRIGGER article_cjk_update AFTER UPDATE OF title, body ON article BEGIN
                    INSERT INTO article_cjk(article_cjk, rowid, words, grams)
                    SELECT 'delete', old.id, deskterm_cjk_words(old.title, old.body), deskterm_cjk_grams(old.title, old.body)
                    WHERE deskterm_has_cjk(old.title, old.body);
                    INSERT INTO article_cjk(rowid, words, grams)
                    SELECT new.id, deskterm_cjk_words(new.title, new.body), deskterm_cjk_grams(new.title, new.body)
                    WHERE deskterm_has_cjk(new.title, new.body);
                END;
                """)
        }
    }
}
