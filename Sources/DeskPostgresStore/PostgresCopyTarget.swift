import DeskModel
import DeskPostgres
import Foundation

/// Fills a new or empty PostgreSQL desk for `deskterm copy`, in one transaction: the schema
/// (when the database has none yet), every row through COPY, then the indexes and foreign keys
/// the load went without, the id generators moved past the copied ids, the counters. Until the
/// COMMIT nobody sees any of it; a failure rolls all of it back, the schema included.
///
/// Secondary indexes (the GIN word and trigram indexes above all) and foreign keys are dropped
/// before the load and made again after it: one index build and one validating join per
/// table cost a fraction of keeping them row by row.
final class PostgresCopyTarget: DeskCopyTarget {
    let location: String
    private let db: PostgresConnection
    private var droppedIndexes: [String] = []
    private var droppedForeignKeys: [(table: String, name: String, definition: String)] = []
    private var openCopy: (table: String, writer: PostgresCopyWriter)?

    init(address: PostgresDeskAddress) throws {
        location = address.description
        do {
            db = try PostgresConnection(address: PostgresAddress(address.connectionText))
        } catch {
            throw PostgresErrors.map(error, location: address.description)
        }
    }

    func begin() throws {
        do {
            try db.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
            // Another copy or a migration of the same database waits for this one.
            try db.execute("SELECT pg_advisory_xact_lock($1)", [.int(PostgresSchema.migrationLockKey)])
            if try PostgresMigrator.appliedSteps(db) != nil {
                for table in DeskCopyTables.all where table.name != "desk_setting" {
                    if try !db.query("SELECT 1 FROM \(table.postgresName) LIMIT 1").isEmpty {
                        throw DeskError.invalidInput("\(location) already holds a desk with content (\(table.name)): copy into a new or empty desk")
                    }
                }
            }
            // Creates the desk in an empty schema (refusing one that holds anything else),
            // inside this transaction.
            try PostgresMigrator.migrate(db)
            try db.execute("DELETE FROM desk_setting")
            try dropIndexesAndForeignKeys()
        } catch {
            abandon()
            throw PostgresErrors.map(error, location: location)
        }
    }

    private var tableList: String { DeskCopyTables.all.map { "'\($0.name)'" }.joined(separator: ", ") }

    private func dropIndexesAndForeignKeys() throws {
        let foreignKeys = try db.query("""
            SELECT t.relname AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND c.contype = 'f' AND t.relname IN (\(tableList))
            ORDER BY c.oid
            """)
        droppedForeignKeys = try foreignKeys.map {
            (try $0.decode(String.self, column: "table_name"), try $0.decode(String.self, column: "name"), try $0.decode(String.self, column: "definition"))
        }
        for key in droppedForeignKeys {
            try db.execute("ALTER TABLE \(try db.quoteIdentifier(key.table)) DROP CONSTRAINT \(try db.quoteIdentifier(key.name))")
        }
        // Unique indexes stay: they are rules (no two users with one handle), and small.
        let indexes = try db.query("""
            SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND NOT x.indisunique AND NOT x.indisprimary AND t.relname IN (\(tableList))
            ORDER BY i.oid
            """)
        for index in indexes {
            try db.execute("DROP INDEX \(try db.quoteIdentifier(try index.decode(String.self, column: "name")))")
            droppedIndexes.append(try index.decode(String.self, column: "definition"))
        }
    }

    /// One COPY per table, kept open across batches: the server loads a batch while the next
    /// one is read from the source.
    func write(_ table: CopyTable, _ rows: [[CopyValue]]) throws {
        do {
            let writer = try copyWriter(for: table)
            for row in rows {
                for (value, column) in zip(row, table.columns) {
                    switch value {
                    case .null: writer.appendNull()
                    case .integer(let number): column.kind == .boolean ? writer.append(number != 0) : writer.append(number)
                    case .text(let text): writer.append(text)
                    case .bytes(let data): writer.append(bytea: data)
                    }
                }
                try writer.endRow()
            }
        } catch {
            throw PostgresErrors.map(error, location: location)
        }
    }

    private func copyWriter(for table: CopyTable) throws -> PostgresCopyWriter {
        if let open = openCopy, open.table == table.name { return open.writer }
        try finishOpenCopy()
        let writer = try db.beginCopyIn("COPY \(table.postgresName) (\(table.columnNames.joined(separator: ", "))) FROM STDIN")
        openCopy = (table.name, writer)
        return writer
    }

    private func finishOpenCopy() throws {
        guard let open = openCopy else { return }
        openCopy = nil
        try open.writer.finish()
    }

    func commit(progress: (String) -> Void) throws {
        do {
            try finishOpenCopy()
            try db.execute("SET LOCAL maintenance_work_mem = '512MB'")
            progress("indexes")
            for definition in droppedIndexes { try db.execute(definition) }
            progress("foreign keys")
            for key in droppedForeignKeys {
                try db.execute("ALTER TABLE \(try db.quoteIdentifier(key.table)) ADD CONSTRAINT \(try db.quoteIdentifier(key.name)) \(key.definition)")
            }
            progress("id generators")
            for table in DeskCopyTables.all {
                guard let identity = table.identity else { continue }
                // Only a table with rows moves its generator: setval refuses 0.
                try db.execute(
                    "SELECT setval(pg_get_serial_sequence($1, $2), m) FROM (SELECT max(\(identity)) AS m FROM \(table.postgresName)) s WHERE m IS NOT NULL",
                    [.text(table.postgresName), .text(identity)])
            }
            try db.execute("UPDATE ticket_number_counter SET last_number = greatest(last_number, (SELECT coalesce(max(number), 0) FROM ticket))")
            progress("counts")
            _ = try db.query(PostgresSchema.recountTicketsSQL)
            _ = try db.query(PostgresSchema.announceChangeSQL)
            progress("statistics")
            for table in DeskCopyTables.all { try db.execute("ANALYZE \(table.postgresName)") }
            try db.commit()
        } catch {
            abandon()
            throw PostgresErrors.map(error, location: location)
        }
    }

    func abandon() {
        openCopy?.writer.cancel()
        openCopy = nil
        if db.isInTransaction { _ = try? db.execute("ROLLBACK") }
    }
}

/// Lets `DeskCopyEndpoints` reach PostgreSQL desks (DeskModel cannot depend on this target).
enum PostgresCopyEndpoints {
    static func register() {
        DeskCopyEndpoints.registerPostgres(
            source: { address in try PostgresCopySource(address: address) },
            target: { address in try PostgresCopyTarget(address: address) })
    }
}
