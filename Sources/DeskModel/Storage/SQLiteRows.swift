import GRDB

/// The SQLite backend's rows inside one transaction (`DeskRows`): a GRDB connection and the
/// SQL of each row operation, one extension file per area.
struct SQLiteRows {
    let db: Database
}

extension SQLiteDeskStore: DeskStorage {
    public var location: String { path }

    public func writeRows<T>(_ options: StorageWrite, _ body: (any DeskRows) throws -> T) throws(DeskError) -> T {
        try write(
            announcesChange: options.announcesChange, waitsForWriters: options.waitsForWriters, memoryTemporaries: options.isBulkLoad
        ) { db in
            if options.isBulkLoad { return try bulkLoad(db) { try body(SQLiteRows(db: db)) } }
            return try body(SQLiteRows(db: db))
        }
    }

    public func readRows<T>(_ body: (any DeskRows) throws -> T) throws(DeskError) -> T {
        try read { db in try body(SQLiteRows(db: db)) }
    }
}
