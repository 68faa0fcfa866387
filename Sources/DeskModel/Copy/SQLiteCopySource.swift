import Foundation
import GRDB

/// Reads a SQLite desk for copying, read-only, on one snapshot for the whole copy.
final class SQLiteCopySource: DeskCopySource {
    let location: String
    private let queue: DatabaseQueue
    static let batchSize = 5_000

    init(path: String) throws {
        location = path
        guard case .hasContent = try DeskFile.inspect(path) else { throw DeskError.invalidInput("No desk at \(path)") }
        var configuration = Configuration()
        configuration.readonly = true
        // The read transaction below spans the whole copy.
        configuration.allowsUnsafeTransactions = true
        configuration.busyMode = .timeout(10)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in
                guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == Schema.applicationID else {
                    throw DeskError.notADeskDatabase(path: path)
                }
                guard try Schema.migrator.hasCompletedMigrations(db) else {
                    throw DeskError.invalidInput("The desk at \(path) was made by an older deskterm: open it once with this one (it updates itself), then copy it")
                }
            }
            // One read transaction for the source's whole life: every table is read as of the
            // same moment, even while others write the desk.
            try queue.inDatabase { db in
                try db.execute(sql: "BEGIN DEFERRED")
                _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master")
            }
        } catch {
            throw StorageErrors.map(error, path: path)
        }
    }

    deinit {
        try? queue.inDatabase { db in try db.execute(sql: "ROLLBACK") }
    }

    func rowCount(_ table: CopyTable) throws -> Int {
        do {
            return try queue.inDatabase { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.sqliteName)") ?? 0 }
        } catch {
            throw StorageErrors.map(error, path: location)
        }
    }

    func readRows(_ table: CopyTable, _ body: ([[CopyValue]]) throws -> Void) throws {
        // Text keys in byte order (BINARY), as PostgreSQL's "C" collation orders them; a
        // NOCASE column would otherwise order by its own collation.
        let order = table.key.map { column in
            table.columns.first { $0.name == column }?.kind == .text ? "\(column) COLLATE BINARY" : column
        }
        let sql = "SELECT \(table.columnNames.joined(separator: ", ")) FROM \(table.sqliteName) ORDER BY \(order.joined(separator: ", "))"
        let kinds = table.columns.map(\.kind)
        let location = location
        do {
            try queue.inDatabase { db in
                let statement = try db.makeStatement(sql: sql)
                let rows = try Row.fetchCursor(statement)
                var batch: [[CopyValue]] = []
                batch.reserveCapacity(Self.batchSize)
                while let row = try rows.next() {
                    var values: [CopyValue] = []
                    values.reserveCapacity(kinds.count)
                    for (index, kind) in kinds.enumerated() {
                        guard let value = Self.value(row[index] as DatabaseValue, kind) else {
                            throw DeskError.invalidInput(
                                "\(location): a value in \(table.name).\(table.columns[index].name) is not the column's kind (\(Self.describe(row[index] as DatabaseValue))); the copy stops rather than change it")
                        }
                        values.append(value)
                    }
                    batch.append(values)
                    if batch.count == Self.batchSize {
                        try body(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { try body(batch) }
            }
        } catch {
            throw StorageErrors.map(error, path: location)
        }
    }

    /// The value as the copy carries it, or nil when SQLite holds something the column's kind
    /// cannot carry unchanged (its columns take other storage classes too): a copy that
    /// converted it would still verify "equal", having hashed the converted value.
    private static func value(_ stored: DatabaseValue, _ kind: CopyColumn.Kind) -> CopyValue? {
        switch (stored.storage, kind) {
        case (.null, _): return .null
        case (.int64(let number), .integer), (.int64(let number), .boolean): return .integer(number)
        case (.string(let text), .text): return .text(text)
        case (.blob(let data), .bytes): return .bytes(data)
        case (.blob(let data), .text): return String(validating: data, as: UTF8.self).map { .text($0) }
        case (.string(let text), .bytes): return .bytes(Data(text.utf8))
        default: return nil
        }
    }

    private static func describe(_ stored: DatabaseValue) -> String {
        switch stored.storage {
        case .null: "null"
        case .int64: "an integer"
        case .double: "a real number"
        case .string: "text"
        case .blob: "bytes"
        }
    }
}

extension CopyTable {
    /// The table's name in SQLite statements (`user` is not reserved there, quoted anyway).
    var sqliteName: String { "\"\(name)\"" }
}
