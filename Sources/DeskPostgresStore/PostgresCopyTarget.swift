import DeskModel
import DeskPostgres
import Foundation

/// Fills a new or empty PostgreSQL desk for `deskterm copy`, on several connections at once
/// (`PostgresCopyLanes`: on a 2-core server, two server processes work instead of one).
///
/// 1. `begin`, on the copy's own connection, which holds the migration's advisory lock for the
///    whole copy (two copies, or a copy and a migration, take turns): checks the target,
///    creates the schema if the database has none, marks the desk as being copied
///    (`PostgresCopyInProgress`, which every program opening it refuses), drops the secondary
///    indexes and foreign keys (recording their definitions in the mark), and turns off the
///    ticket triggers (counts and numbering are set once at the end). Committed only when the
///    first rows arrive, so a check that copies nothing (`DeskCopy.checkTarget`) leaves
///    nothing behind.
/// 2. The rows, through COPY on every lane, each lane in one transaction of its own.
/// 3. `commit`: the lanes commit; the indexes are built in parallel (one per lane at a time,
///    the largest first, with `maintenance_work_mem` raised on those connections only), the
///    foreign keys added `NOT VALID` and validated in parallel, the tables analysed; then one
///    transaction sets the id generators, the counters and the triggers back and removes the
///    mark, and the desk opens.
///
/// A failure restores the empty desk (rows removed, indexes, keys, triggers and settings back;
/// a desk this copy created is removed again); a copy that is killed leaves the mark, and the
/// next copy into the desk starts it over.
final class PostgresCopyTarget: DeskCopyTarget {
    let location: String
    private let address: PostgresAddress
    private let control: PostgresConnection
    private var lanes: PostgresCopyLanes?
    /// Whether this copy made the desk in an empty database (a failure then removes it).
    private var createdDesk = false
    /// Whether the first transaction (schema, mark, dropped indexes) is committed.
    private var markCommitted = false
    private var rowsWritten: [String: Int] = [:]

    /// Connections loading at once: one server process per core of a 2-core server; more
    /// would only take turns.
    static let laneCount = 2
    /// For each index build and key validation, on the copy's own connections only.
    static let buildMemory = "1GB"

    init(address: PostgresDeskAddress) throws {
        location = address.description
        do {
            self.address = try PostgresAddress(address.connectionText)
            control = try PostgresConnection(address: self.address, options: PostgresOptions(applicationName: "deskterm-copy"))
        } catch {
            throw PostgresErrors.map(error, location: address.description)
        }
    }

    private var copiedTables: String { DeskCopyTables.all.map(\.postgresName).joined(separator: ", ") }
    private var tableList: String { DeskCopyTables.all.map { "'\($0.name)'" }.joined(separator: ", ") }

    func begin() throws {
        do {
            // Session level: held across the copy's transactions, released when the copy ends
            // (or its connection does, if it is killed).
            try control.execute("SELECT pg_advisory_lock($1)", [.int(PostgresSchema.migrationLockKey)])
            try control.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
            var leftover: [PostgresCopyInProgress.Entry] = []
            if try PostgresMigrator.appliedSteps(control) != nil {
                if try PostgresCopyInProgress.isMarked(control) {
                    // A copy that was killed: start it over.
                    leftover = try PostgresCopyInProgress.entries(control)
                    try control.execute("TRUNCATE \(copiedTables)")
                    try control.execute("UPDATE ticket_number_counter SET last_number = 0")
                    try PostgresCopyInProgress.remove(control)
                } else {
                    for table in DeskCopyTables.all where table.name != "desk_setting" {
                        if try !control.query("SELECT 1 FROM \(table.postgresName) LIMIT 1").isEmpty {
                            throw DeskError.invalidInput("\(location) already holds a desk with content (\(table.name)): copy into a new or empty desk")
                        }
                    }
                }
            } else {
                createdDesk = true
            }
            // Creates the desk in an empty schema (refusing one that holds anything else),
            // inside this transaction.
            try PostgresMigrator.migrate(control)
            try PostgresCopyInProgress.create(control)
            for entry in leftover where entry.kind == .setting { try PostgresCopyInProgress.record(entry, control) }
            if leftover.isEmpty { try PostgresCopyInProgress.recordSettings(control) }
            try control.execute("DELETE FROM desk_setting")
            try dropIndexesAndForeignKeys(alsoRecorded: leftover)
            try control.execute("ALTER TABLE ticket DISABLE TRIGGER USER")
            try control.execute("ALTER TABLE message DISABLE TRIGGER USER")
        } catch {
            abandon()
            throw PostgresErrors.map(error, location: location)
        }
    }

    /// Drops the non-unique indexes and the foreign keys of the copied tables, recording each
    /// definition in the mark; `recorded` are those a killed copy had dropped already (some
    /// may have been built again since).
    private func dropIndexesAndForeignKeys(alsoRecorded recorded: [PostgresCopyInProgress.Entry]) throws {
        let foreignKeys = try control.query("""
            SELECT t.relname AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND c.contype = 'f' AND t.relname IN (\(tableList))
            ORDER BY c.oid
            """).map {
                // A killed copy may have left a key added but not yet validated.
                let definition = try $0.decode(String.self, column: "definition")
                return PostgresCopyInProgress.Entry(
                    kind: .foreignKey, name: try $0.decode(String.self, column: "name"),
                    table: try $0.decode(String.self, column: "table_name"),
                    definition: definition.hasSuffix(" NOT VALID") ? String(definition.dropLast(" NOT VALID".count)) : definition)
            }
        // Unique indexes stay: they are rules (no two users with one handle), and small.
        let indexes = try control.query("""
            SELECT t.relname AS table_name, i.relname AS name, pg_get_indexdef(i.oid) AS definition
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND NOT x.indisunique AND NOT x.indisprimary AND t.relname IN (\(tableList))
            ORDER BY i.oid
            """).map {
                PostgresCopyInProgress.Entry(
                    kind: .index, name: try $0.decode(String.self, column: "name"),
                    table: try $0.decode(String.self, column: "table_name"), definition: try $0.decode(String.self, column: "definition"))
            }
        for key in foreignKeys {
            try control.execute("ALTER TABLE \(try control.quoteIdentifier(key.table)) DROP CONSTRAINT \(try control.quoteIdentifier(key.name))")
        }
        for index in indexes { try control.execute("DROP INDEX \(try control.quoteIdentifier(index.name))") }
        let found = Set((foreignKeys + indexes).map(\.name))
        for entry in foreignKeys + indexes + recorded.filter({ $0.kind != .setting && !found.contains($0.name) }) {
            try PostgresCopyInProgress.record(entry, control)
        }
    }

    /// Commits the first transaction and opens the lanes, at the first rows.
    private func loadingLanes() throws -> PostgresCopyLanes {
        if let lanes { return lanes }
        try control.commit()
        markCommitted = true
        let connections = try (0..<Self.laneCount).map { _ in
            try PostgresConnection(address: address, options: PostgresOptions(applicationName: "deskterm-copy"))
        }
        let lanes = PostgresCopyLanes(connections: connections)
        self.lanes = lanes
        try lanes.onEveryLane { lane in try lane.db.execute("BEGIN ISOLATION LEVEL READ COMMITTED") }
        return lanes
    }

    func write(_ table: CopyTable, _ rows: [[CopyValue]]) throws {
        do {
            rowsWritten[table.name, default: 0] += rows.count
            try loadingLanes().submit { lane in try lane.copy(table, rows) }
        } catch {
            throw PostgresErrors.map(error, location: location)
        }
    }

    func commit(progress: (String) -> Void) throws {
        do {
            let lanes = try loadingLanes()
            try lanes.onEveryLane { lane in
                try lane.finishCopy()
                try lane.db.commit()
                try lane.db.execute("SET maintenance_work_mem = '\(Self.buildMemory)'")
            }
            let entries = try PostgresCopyInProgress.entries(control)
            progress("indexes")
            // The largest tables' indexes first, GIN (the slowest to build) before B-trees, so
            // that the last builds to start are short ones.
            let indexes = entries.filter { $0.kind == .index }.sorted {
                let (left, right) = (rowsWritten[$0.table] ?? 0, rowsWritten[$1.table] ?? 0)
                if left != right { return left > right }
                return $0.definition.contains("USING gin") && !$1.definition.contains("USING gin")
            }
            for index in indexes { try lanes.submit { lane in try lane.db.execute(index.definition) } }
            try lanes.waitUntilIdle()
            progress("foreign keys")
            let foreignKeys = entries.filter { $0.kind == .foreignKey }
            try control.transaction(.readCommitted) { db in
                for key in foreignKeys {
                    try db.execute("ALTER TABLE \(try db.quoteIdentifier(key.table)) ADD CONSTRAINT \(try db.quoteIdentifier(key.name)) \(key.definition) NOT VALID")
                }
            }
            for key in foreignKeys {
                let statement = "ALTER TABLE \(try control.quoteIdentifier(key.table)) VALIDATE CONSTRAINT \(try control.quoteIdentifier(key.name))"
                try lanes.submit { lane in try lane.db.execute(statement) }
            }
            try lanes.waitUntilIdle()
            progress("statistics")
            for table in DeskCopyTables.all {
                try lanes.submit { lane in try lane.db.execute("ANALYZE \(table.postgresName)") }
            }
            try lanes.waitUntilIdle()
            progress("counts")
            try control.transaction(.readCommitted) { db in
                try db.execute("ALTER TABLE ticket ENABLE TRIGGER USER")
                try db.execute("ALTER TABLE message ENABLE TRIGGER USER")
                try Self.moveIdGenerators(db)
                _ = try db.query(PostgresSchema.recountTicketsSQL)
                _ = try db.query(PostgresSchema.recountReportsSQL)
                _ = try db.query(PostgresSchema.announceChangeSQL)
                try PostgresCopyInProgress.remove(db)
            }
            finish()
        } catch {
            abandon()
            throw PostgresErrors.map(error, location: location)
        }
    }

    /// Moves each identity past the largest copied id, and the ticket number counter past the
    /// largest number.
    private static func moveIdGenerators(_ db: PostgresConnection) throws {
        for table in DeskCopyTables.all {
            guard let identity = table.identity else { continue }
            // Only a table with rows moves its generator: setval refuses 0.
            try db.execute(
                "SELECT setval(pg_get_serial_sequence($1, $2), m) FROM (SELECT max(\(identity)) AS m FROM \(table.postgresName)) s WHERE m IS NOT NULL",
                [.text(table.postgresName), .text(identity)])
        }
        try db.execute("UPDATE ticket_number_counter SET last_number = greatest(last_number, (SELECT coalesce(max(number), 0) FROM ticket))")
    }

    private func finish() {
        lanes?.close()
        lanes = nil
        _ = try? control.execute("SELECT pg_advisory_unlock_all()")
    }

    /// Leaves the database as the copy found it, as far as it can: before the first rows, by
    /// rolling back; after, by removing the rows and putting back what the load took away (or
    /// the whole desk, if this copy created it). If even that fails, the mark stays and the
    /// next copy starts over.
    func abandon() {
        lanes?.close()
        lanes = nil
        if control.isInTransaction { _ = try? control.execute("ROLLBACK") }
        if markCommitted {
            markCommitted = false
            _ = try? control.transaction(.readCommitted) { db in
                guard try PostgresCopyInProgress.isMarked(db) else { return }
                if createdDesk {
                    try PostgresDeskRemoval.removeDesk(db)
                } else {
                    try restoreEmptyDesk(db)
                }
            }
        }
        _ = try? control.execute("SELECT pg_advisory_unlock_all()")
    }

    private func restoreEmptyDesk(_ db: PostgresConnection) throws {
        try db.execute("TRUNCATE \(copiedTables)")
        let entries = try PostgresCopyInProgress.entries(db)
        let existing = Set(try db.query("""
            SELECT i.relname FROM pg_class i JOIN pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = current_schema() AND i.relkind = 'i'
            UNION ALL SELECT c.conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema()
            """).map { try $0.decode(String.self, at: 0) })
        for entry in entries where !existing.contains(entry.name) {
            switch entry.kind {
            case .index: try db.execute(entry.definition)
            case .foreignKey:
                try db.execute("ALTER TABLE \(try db.quoteIdentifier(entry.table)) ADD CONSTRAINT \(try db.quoteIdentifier(entry.name)) \(entry.definition)")
            case .setting: break
            }
        }
        try PostgresCopyInProgress.restoreSettings(db)
        try db.execute("ALTER TABLE ticket ENABLE TRIGGER USER")
        try db.execute("ALTER TABLE message ENABLE TRIGGER USER")
        try db.execute("UPDATE ticket_number_counter SET last_number = 0")
        _ = try db.query(PostgresSchema.recountTicketsSQL)
        _ = try db.query(PostgresSchema.recountReportsSQL)
        try PostgresCopyInProgress.remove(db)
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
