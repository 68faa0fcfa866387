import DeskPostgres

/// Brings a database's desk schema up to date: creates the desk in an empty schema, applies
/// the steps it lacks, and refuses (changing nothing) a schema that holds another
/// application's tables, a desk from a newer deskterm, or a database that is not UTF-8.
///
/// Safe when many processes start at once: everything happens in one transaction that first
/// takes a transaction-level advisory lock (`pg_advisory_xact_lock`), so one process migrates
/// while the others wait, then find the steps applied and do nothing. PostgreSQL's DDL is
/// transactional: a failing step leaves no half-made desk behind. The transaction is READ
/// COMMITTED so that each statement after the lock sees what the previous holder committed
/// (a REPEATABLE READ snapshot would have been taken before the wait).
public enum PostgresMigrator {
    /// Applies the missing steps and returns their names (empty when the desk was up to date).
    @discardableResult
    public static func migrate(
        _ db: PostgresConnection, steps: [PostgresMigrationStep] = PostgresSchema.steps
    ) throws -> [String] {
        // An up-to-date desk is opened without the lock, so opening never queues behind others.
        if let applied = try appliedSteps(db), try pending(steps, applied: applied, db).isEmpty { return [] }
        return try db.transaction(.readCommitted) { db in
            try db.execute("SELECT pg_advisory_xact_lock($1)", [.int(PostgresSchema.migrationLockKey)])
            let applied: [String]
            if let existing = try appliedSteps(db) {
                applied = existing
            } else {
                try createDesk(db)
                applied = []
            }
            let missing = try pending(steps, applied: applied, db)
            for step in missing {
                try db.executeScript(step.sql)
                try step.afterScript?(db)
                try db.execute(
                    "INSERT INTO \(PostgresSchema.migrationTable) (name, applied_at) VALUES ($1, extract(epoch FROM now())::bigint)",
                    [.text(step.name)])
            }
            return missing.map(\.name)
        }
    }

    /// The steps the desk recorded, in order; nil when the schema holds no desk yet.
    ///
    /// The table is looked for by reading the catalog tables with the query's own snapshot,
    /// not by a name lookup (`to_regclass`), which goes through the backend's catalog cache;
    /// taking an advisory lock does not refresh that cache. With `to_regclass`, the whole suite
    /// under load once saw a process that had waited on the lock miss the desk the previous
    /// holder had just created, and refuse the database as not a desk.
    public static func appliedSteps(_ db: PostgresConnection) throws -> [String]? {
        let table = try db.query(
            """
            SELECT d.description AS comment
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
            WHERE n.nspname = current_schema() AND c.relname = $1 AND c.relkind = 'r'
            """,
            [.text(PostgresSchema.migrationTable)])
        guard try table.first?.decode(String?.self, column: "comment") == PostgresSchema.migrationTableComment else { return nil }
        return try db.query("SELECT name FROM \(PostgresSchema.migrationTable) ORDER BY position").map {
            try $0.decode(String.self, column: "name")
        }
    }

    /// The steps still to apply, after checking that the desk knows no step this program does not.
    private static func pending(
        _ steps: [PostgresMigrationStep], applied: [String], _ db: PostgresConnection
    ) throws -> [PostgresMigrationStep] {
        let known = Set(steps.map(\.name))
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw PostgresSchemaError.newerDesk(database: db.address.description, unknownSteps: unknown) }
        let done = Set(applied)
        return steps.filter { !done.contains($0.name) }
    }

    /// Starts a desk in the connection's current schema, which must be empty and UTF-8.
    private static func createDesk(_ db: PostgresConnection) throws {
        let database = db.address.description
        let facts = try db.query("""
            SELECT pg_encoding_to_char(d.encoding) AS encoding, current_schema() AS schema,
                   EXISTS (SELECT 1 FROM pg_class c
                           WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
                             AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')) AS has_relations
            FROM pg_database d WHERE d.datname = current_database()
            """)[0]
        guard try facts.decode(String?.self, column: "schema") != nil else { throw PostgresSchemaError.noSchema(database: database) }
        let encoding = try facts.decode(String.self, column: "encoding")
        guard encoding == "UTF8" else { throw PostgresSchemaError.notUTF8(database: database, encoding: encoding) }
        guard try !facts.decode(Bool.self, column: "has_relations") else { throw PostgresSchemaError.notADesk(database: database) }
        try db.executeScript("""
            CREATE TABLE \(PostgresSchema.migrationTable) (
                position integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text COLLATE "C" NOT NULL UNIQUE,
                applied_at bigint NOT NULL
            );
            COMMENT ON TABLE \(PostgresSchema.migrationTable) IS '\(PostgresSchema.migrationTableComment)';
            """)
    }
}
