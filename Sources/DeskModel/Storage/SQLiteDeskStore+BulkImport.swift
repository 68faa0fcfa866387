import GRDB

/// A bulk import (`Desk.runImport`): the whole import in one IMMEDIATE transaction that drops
/// the derived structures a ticket row maintains (39 indexes, the full-text, counter and report
/// triggers: `SQLiteBulkStructures`), inserts plainly, and builds them again before it commits,
/// as the bulk generator does. WAL readers keep the snapshot before it; a crash or an error
/// rolls all of it back, DDL included; another writer waits for the lock until its busy timeout.
extension SQLiteDeskStore {
    /// Whether the desk holds any ticket: a desk without one gets a bulk import unless told otherwise.
    func hasTickets() throws(DeskError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM ticket)") ?? false }
    }

    func bulkImport<T>(
        progress: DeskImport.ProgressHandler?, _ body: (any ImportBulkScope) throws(DeskError) -> T
    ) throws(DeskError) -> T {
        let path = path
        return try write(memoryTemporaries: true) { db in
            // The index builds sort whole tables: a bigger page cache for the writing connection.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            let before = SQLiteBulkStructures.Import(
                ticketsBefore: try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM ticket") ?? 0,
                messagesBefore: try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM message") ?? 0)
            try SQLiteBulkStructures.drop(db, import: before)
            let result = try body(SQLiteImportBulkScope(db: db, path: path))
            try SQLiteBulkStructures.build(db, import: before) { phase, done, total in
                progress?(ImportProgress(done: done, total: total, unit: "steps", rebuilding: phase))
            }
            return result
        }
    }
}

/// Each batch of a bulk import in a savepoint of its transaction.
private struct SQLiteImportBulkScope: ImportBulkScope {
    let db: Database
    let path: String

    func savepoint(_ body: (any DeskRows) throws -> Void) throws(DeskError) {
        do {
            try db.inSavepoint {
                try body(SQLiteRows(db: db))
                return .commit
            }
        } catch {
            throw StorageErrors.map(error, path: path)
        }
    }
}
