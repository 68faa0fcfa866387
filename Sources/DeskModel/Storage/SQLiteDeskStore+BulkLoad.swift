import GRDB

extension SQLiteDeskStore {
    /// A bulk load (`StorageWrite.isBulkLoad`) inside the write transaction: a bigger page cache
    /// for the writing connection, since full-text merges read and write many pages, and the
    /// full-text index filled in one pass at the end instead of row by row (`FullTextSwitch`).
    /// Its statement journals stay in memory (`write(memoryTemporaries:)`): each insert or
    /// update of a ticket (39 indexes, 7 triggers) journals more pages than SQLite keeps in
    /// memory by default, and spilling them to a temporary file took 3.7 million small writes
    /// for 20,000 CSV rows (docs/PERFORMANCE.md, "CSV import").
    func bulkLoad<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA cache_size = -65536")
        return try fullText.deferIndexing(db, body)
    }
}
