import GRDB

extension SQLiteDeskStore {
    /// A bulk load (`StorageWrite.isBulkLoad`) inside the write transaction: a bigger page cache
    /// for the writing connection, since full-text merges read and write many pages, and the
    /// full-text index filled in one pass at the end instead of row by row (`FullTextSwitch`).
    func bulkLoad<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA cache_size = -65536")
        return try fullText.deferIndexing(db, body)
    }
}
