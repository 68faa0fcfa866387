import DeskModel
import DeskPostgres
import DeskPostgresStore
import Foundation
import GRDB
import XCTest

/// The PostgreSQL schema against a real SQLite desk after all its migrations: every table,
/// column, NOT NULL, key, foreign key and index of SQLite exists in PostgreSQL under the
/// same name, so a row layer maps both one to one. A new SQLite migration fails this test until
/// the PostgreSQL schema gets its step.
final class PostgresSchemaParityTests: XCTestCase {
    struct Column: Equatable, CustomStringConvertible {
        var name: String
        var type: String
        var notNull: Bool
        var description: String { "\(name) \(type)\(notNull ? " NOT NULL" : "")" }
    }

    struct Index: Equatable {
        var table: String
        var columns: [String]
        var unique: Bool
    }

    /// Tables SQLite has for its own machinery, and the full-text indexes that are columns
    /// and GIN indexes in PostgreSQL.
    private static func isSQLiteOnly(_ table: String) -> Bool {
        table.hasPrefix("sqlite_") || table == "grdb_migrations"
            || ["ticket_fts", "message_fts", "ticket_cjk", "message_cjk", "article_fts", "article_cjk"].contains { table.hasPrefix($0) }
    }

    /// Tables and columns PostgreSQL adds to the SQLite desk, each said why in the schema.
    private static let postgresOnlyTables = ["schema_migration", "ticket_number_counter"]
    private static let postgresOnlyColumns = ["search_words"]

    /// SQLite's declared types and the PostgreSQL types they became.
    private static let typeMapping: [String: Set<String>] = [
        "INTEGER": ["bigint", "integer", "boolean"], "TEXT": ["text"], "BLOB": ["bytea"],
    ]

    func testEveryTableColumnKeyReferenceAndIndexOfTheSQLiteDeskExistsInPostgreSQL() throws {
        let db = try ScratchDatabase(self).connectToDesk()
        let sqlite = try sqliteDesk()

        let sqliteTables = try sqlite.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }.filter { !Self.isSQLiteOnly($0) }
        let postgresTables = try db.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name"
        ).map { try $0.decode(String.self, at: 0) }
        XCTAssertEqual(Set(postgresTables), Set(sqliteTables + Self.postgresOnlyTables))

        for table in sqliteTables {
            let sqliteColumns = try sqlite.read { db in
                try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_xinfo(?) ORDER BY cid", arguments: [table])
                    .map { row in Column(name: row["name"], type: row["type"], notNull: row["notnull"] as Bool || row["pk"] as Int > 0) }
            }
            let postgresColumns = try db.query(
                """
                SELECT column_name, data_type, is_nullable = 'NO' AS not_null FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position
                """, [.text(table)]
            ).map { row in
                Column(name: try row.decode(String.self, column: "column_name"), type: try row.decode(String.self, column: "data_type"),
                       notNull: try row.decode(Bool.self, column: "not_null"))
            }.filter { !Self.postgresOnlyColumns.contains($0.name) }

            XCTAssertEqual(postgresColumns.map(\.name), sqliteColumns.map(\.name), "columns of \(table)")
            XCTAssertEqual(postgresColumns.map(\.notNull), sqliteColumns.map(\.notNull), "NOT NULL in \(table): \(postgresColumns) vs \(sqliteColumns)")
            for (postgres, sqlite) in zip(postgresColumns, sqliteColumns) {
                XCTAssertTrue(Self.typeMapping[sqlite.type]?.contains(postgres.type) == true, "\(table).\(postgres) for SQLite's \(sqlite)")
            }
        }

        let sqliteReferences = try sqlite.read { db in
            try sqliteTables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?)", arguments: [table]).map { row in
                    "\(table).\(row["from"] as String) -> \(row["table"] as String).\((row["to"] as String?) ?? "id")"
                }
            }
        }
        let postgresReferences = try db.query("""
            SELECT t.relname || '.' || a.attname || ' -> ' || r.relname || '.' || ra.attname AS reference
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_class r ON r.oid = c.confrelid
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
            WHERE c.contype = 'f' AND t.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
            """).map { try $0.decode(String.self, column: "reference") }
        XCTAssertGreaterThan(sqliteReferences.count, 20, "SQLite's references were read")
        XCTAssertEqual(Set(postgresReferences), Set(sqliteReferences), "foreign keys")

        let postgresIndexes = try indexes(db)
        let sqliteIndexes = try sqliteIndexes(sqlite, tables: sqliteTables)
        XCTAssertGreaterThan(sqliteIndexes.count, 40, "SQLite's indexes were read")
        for (name, index) in sqliteIndexes {
            if name.hasPrefix("sqlite_autoindex_") {
                // A key (UNIQUE, PRIMARY KEY): PostgreSQL has a unique index on the same columns.
                XCTAssertTrue(postgresIndexes.values.contains(index), "\(name) on \(index.table)(\(index.columns)) has no unique twin")
                continue
            }
            guard let twin = postgresIndexes[name] else {
                XCTFail("SQLite's index \(name) is missing")
                continue
            }
            // SQLite's indexes end in the rowid implicitly; PostgreSQL's say so (`..., id`).
            XCTAssertEqual(twin.table, index.table, name)
            XCTAssertEqual(Array(twin.columns.prefix(index.columns.count)), index.columns, name)
            XCTAssertEqual(twin.unique, index.unique, name)
        }
    }

    /// A real desk, made by the SQLite store itself, read as a plain SQLite database.
    private func sqliteDesk() throws -> DatabaseQueue {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("desk.sqlite").path
        _ = try SQLiteDeskStore.open(path: path, create: true)
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// SQLite's indexes by name, those of keys included (`sqlite_autoindex_...`, which only
    /// `pragma_index_list` shows for a WITHOUT ROWID table), plus each rowid table's INTEGER
    /// PRIMARY KEY as `pk:TABLE`. A NOCASE column reads as `deskterm_nocase(column)`, the
    /// expression of PostgreSQL's unique index in its place.
    private func sqliteIndexes(_ sqlite: DatabaseQueue, tables: [String]) throws -> [String: Index] {
        try sqlite.read { db in
            var indexes: [String: Index] = [:]
            for table in tables {
                for row in try Row.fetchAll(db, sql: "SELECT name, \"unique\" FROM pragma_index_list(?)", arguments: [table]) {
                    let name: String = row["name"]
                    let columns = try Row.fetchAll(
                        db, sql: "SELECT name, coll FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno", arguments: [name]
                    ).map { column -> String in
                        let columnName: String = column["name"]
                        return (column["coll"] as String).uppercased() == "NOCASE" ? "deskterm_nocase(\(columnName))" : columnName
                    }
                    indexes[name] = Index(table: table, columns: columns, unique: row["unique"])
                }
                let key = try Row.fetchAll(
                    db, sql: "SELECT name, type FROM pragma_table_xinfo(?) WHERE pk > 0 ORDER BY pk", arguments: [table])
                let rowidKey = key.map { $0["name"] as String }
                let hasKeyIndex = indexes.values.contains { $0.table == table && $0.unique && $0.columns == rowidKey }
                if key.count == 1 && key[0]["type"] as String == "INTEGER" && !hasKeyIndex {
                    indexes["sqlite_autoindex_pk:\(table)"] = Index(table: table, columns: rowidKey, unique: true)
                }
            }
            return indexes
        }
    }

    private func indexes(_ db: PostgresConnection) throws -> [String: Index] {
        var indexes: [String: Index] = [:]
        let rows = try db.query("""
            SELECT i.relname AS name, t.relname AS table_name, x.indisunique AS is_unique,
                   array_to_string(ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true)
                                          FROM generate_series(1, x.indnkeyatts) AS k ORDER BY k), '|') AS columns
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
            """)
        for row in rows {
            let columns = try row.decode(String.self, column: "columns").split(separator: "|").map(String.init)
            indexes[try row.decode(String.self, column: "name")] = Index(
                table: try row.decode(String.self, column: "table_name"), columns: columns,
                unique: try row.decode(Bool.self, column: "is_unique"))
        }
        return indexes
    }
}
