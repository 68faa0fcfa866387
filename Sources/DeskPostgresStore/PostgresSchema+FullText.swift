/// Full-text search in PostgreSQL terms, in place of SQLite's FTS5 tables:
///
/// - Words: a stored generated `tsvector` column, `search_words`, on `ticket` (subject and
///   description) and on `message` (body), in the text search configuration `deskterm_simple`:
///   PostgreSQL's `simple` (lower case, no stemming, no stop words: right for every language)
///   with `unaccent` first, so `resume` finds `Résumé` as SQLite's `remove_diacritics 2` does.
///   `to_tsvector(regconfig, text)` is immutable, so the column is generated: PostgreSQL keeps
///   it with the row, and no trigger can forget a path. GIN indexes answer `@@` queries.
/// - Substrings of Chinese, Japanese and Korean text (where a "word" is a whole run of
///   characters): this step made `pg_trgm` GIN indexes over every row's text; `pg7-cjk-grams`
///   replaced them with indexes of CJK characters and pairs over the rows that have CJK text
///   (`PostgresSchema+CJKGrams.swift`). A released step never changes, so this one still
///   creates them first.
///
/// `unaccent` and `pg_trgm` come with postgresql-contrib and are trusted extensions (since
/// PostgreSQL 13): the database's owner may create them; an existing one is used as it is.
extension PostgresSchema {
    /// The text search configuration of every `search_words` column and query.
    public static let textSearchConfiguration = "deskterm_simple"

    /// The text of a ticket that its word and CJK indexes cover. A query must use this same
    /// expression (over any alias) for the planner to match the CJK index.
    public static func ticketText(_ alias: String) -> String {
        "(\(alias).subject || ' ' || \(alias).description)"
    }

    static let fullTextStep = PostgresMigrationStep(name: "pg2-full-text", sql: """
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE EXTENSION IF NOT EXISTS pg_trgm;

        CREATE TEXT SEARCH CONFIGURATION \(textSearchConfiguration) (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION \(textSearchConfiguration)
            ALTER MAPPING FOR word, numword, hword, numhword, hword_part, hword_numpart WITH unaccent, simple;

        ALTER TABLE ticket ADD COLUMN search_words tsvector GENERATED ALWAYS AS
            (to_tsvector('\(textSearchConfiguration)', subject || ' ' || description)) STORED;
        ALTER TABLE message ADD COLUMN search_words tsvector GENERATED ALWAYS AS
            (to_tsvector('\(textSearchConfiguration)', body)) STORED;
        CREATE INDEX ticket_search_words ON ticket USING gin (search_words);
        CREATE INDEX message_search_words ON message USING gin (search_words);

        CREATE INDEX ticket_text_trigrams ON ticket USING gin ((subject || ' ' || description) gin_trgm_ops);
        CREATE INDEX message_body_trigrams ON message USING gin (body gin_trgm_ops);
        """)
}
