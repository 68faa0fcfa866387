import DeskPostgres

/// The desk's schema in PostgreSQL: the same tables, columns, constraints and indexes as the
/// SQLite desk after all its migrations, under the same names, so that a row layer maps both
/// one to one. docs/POSTGRES.md ("The schema") explains the choices.
///
/// What differs, and why:
/// - ids are `bigint` identities (`BY DEFAULT`, so a copied desk keeps its ids);
/// - times stay whole seconds since 1970 in `bigint` columns, exactly as in SQLite, so the
///   rules, the filters and the page cursors compare the same integers on both backends;
/// - booleans are `boolean` (`is_closed`, `marked_unread`);
/// - text columns are `COLLATE "C"`: compared and ordered by code point, as SQLite's BINARY
///   does, whatever locale the database was created with;
/// - SQLite's implicit rowid at the end of every index is written out (`..., id`), so the
///   keyset pages `(sort column, id)` stay index ranges;
/// - `NOCASE` names (organisations, saved views) are unique through `deskterm_nocase`, the
///   same ASCII-only folding;
/// - full text is a generated `tsvector` per table plus CJK gram indexes instead of FTS5
///   tables; counts, change announcement and ticket numbers are PL/pgSQL.
public enum PostgresSchema {
    /// Every step, in the order they apply. A released step never changes: a later schema
    /// change is a new step appended here.
    public static let steps: [PostgresMigrationStep] = [
        tablesStep,
        fullTextStep,
        ticketCountsStep,
        changeAnnouncementStep,
        ticketNumbersStep,
        messageBodyLengthStep,
        cjkGramsStep,
        mailInStep,
        mailOutStep,
        serviceLevelStep,
        articlesStep,
        accountsStep,
        callbacksStep,
        callbackSearchStep,
        reportsStep,
    ]

    /// The table that records the applied steps; its comment tells a desk from a database
    /// that merely has a table of that name (as `PRAGMA application_id` does for SQLite).
    public static let migrationTable = "schema_migration"
    public static let migrationTableComment = "deskterm desk: applied schema steps"

    /// The key of the transaction-level advisory lock held while migrating ("DESK", the SQLite
    /// desk's application id). Advisory locks are per database, so one key is enough.
    public static let migrationLockKey: Int64 = 0x4445_534B
}

/// One named step of the schema: a script of statements written in the source.
public struct PostgresMigrationStep: Sendable {
    public let name: String
    public let sql: String
    /// Work after the script in the same transaction, for a step whose rows Swift computes
    /// (`pg10-sla` starts the service-level clocks by the rules `Desk` uses).
    public let afterScript: (@Sendable (PostgresConnection) throws -> Void)?

    public init(name: String, sql: String, afterScript: (@Sendable (PostgresConnection) throws -> Void)? = nil) {
        self.name = name
        self.sql = sql
        self.afterScript = afterScript
    }
}
