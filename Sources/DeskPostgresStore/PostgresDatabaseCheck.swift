import DeskPostgres

/// Facts about the server's database that decide how well the desk's indexes serve it.
public enum PostgresDatabaseCheck {
    /// True when `pg_trgm` takes trigrams from CJK text in this database, so substring searches
    /// in Chinese, Japanese and Korean read the trigram indexes. It depends on the database's
    /// LC_CTYPE (CJK characters must be letters there, as in `C.UTF-8` or `ja_JP.UTF-8`; under
    /// `C` they are not, and such a search reads every row). Needs the desk's schema (pg_trgm).
    public static func cjkTrigramsIndexed(_ db: PostgresConnection) throws -> Bool {
        try db.query("SELECT cardinality(show_trgm('請求書')) > 0 AS indexed")[0].decode(Bool.self, column: "indexed")
    }
}
