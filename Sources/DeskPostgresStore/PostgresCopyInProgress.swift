import DeskModel
import DeskPostgres

/// Marks a desk that `deskterm copy` is filling: its rows are committed by several
/// connections at once and its indexes built after them, so for a while (or for good, if the
/// copy was killed) the desk is incomplete. The mark is a table, `desk_copy_in_progress`, made
/// in the copy's first transaction and dropped in its last; every program that opens the desk
/// refuses it while the table exists (`refuseIfCopying`), and the next copy into it replaces
/// it.
///
/// The table also holds what the copy took away and must put back: the definitions of the
/// indexes and foreign keys dropped for the load (`pg_get_indexdef`, `pg_get_constraintdef`)
/// and the settings the empty desk had, so that a copy that fails restores them and one that
/// was killed leaves them to the next copy.
enum PostgresCopyInProgress {
    static let table = "desk_copy_in_progress"

    enum Kind: String {
        case index, foreignKey = "foreign key", setting
    }

    struct Entry {
        var kind: Kind
        var name: String
        var table: String
        var definition: String
    }

    /// Whether the desk in the connection's schema is being copied (or a copy of it was
    /// killed). Read from the catalog with the query's own snapshot.
    static func isMarked(_ db: PostgresConnection) throws -> Bool {
        try db.query(
            "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname = $1 AND c.relkind = 'r')",
            [.text(table)])[0].decode(Bool.self, at: 0)
    }

    /// Refuses a desk that is being copied, or whose copy was killed, with a specific error.
    static func refuseIfCopying(_ db: PostgresConnection, location: String) throws {
        if try isMarked(db) { throw DeskError.deskBeingCopied(location: location) }
    }

    static func create(_ db: PostgresConnection) throws {
        try db.execute("""
            CREATE TABLE IF NOT EXISTS \(table) (
                kind text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL, table_name text COLLATE "C" NOT NULL,
                definition text COLLATE "C" NOT NULL)
            """)
    }

    static func entries(_ db: PostgresConnection) throws -> [Entry] {
        try db.query("SELECT kind, name, table_name, definition FROM \(table) ORDER BY kind, name").compactMap { row in
            guard let kind = Kind(rawValue: try row.decode(String.self, column: "kind")) else { return nil }
            return Entry(
                kind: kind, name: try row.decode(String.self, column: "name"), table: try row.decode(String.self, column: "table_name"),
                definition: try row.decode(String.self, column: "definition"))
        }
    }

    static func record(_ entry: Entry, _ db: PostgresConnection) throws {
        try db.execute(
            "INSERT INTO \(table) (kind, name, table_name, definition) VALUES ($1, $2, $3, $4)",
            [.text(entry.kind.rawValue), .text(entry.name), .text(entry.table), .text(entry.definition)])
    }

    /// Keeps the desk's settings (each row as JSON) so that a failed copy can put them back.
    static func recordSettings(_ db: PostgresConnection) throws {
        try db.execute("""
            INSERT INTO \(table) (kind, name, table_name, definition)
            SELECT '\(Kind.setting.rawValue)', s.key, 'desk_setting', row_to_json(s)::text FROM desk_setting s
            """)
    }

    static func restoreSettings(_ db: PostgresConnection) throws {
        try db.execute("""
            INSERT INTO desk_setting SELECT (json_populate_record(NULL::desk_setting, definition::json)).*
            FROM \(table) WHERE kind = '\(Kind.setting.rawValue)'
            """)
    }

    static func remove(_ db: PostgresConnection) throws {
        try db.execute("DROP TABLE \(table)")
    }
}
