import DeskModel
import DeskPostgres
import Foundation

/// Reads a PostgreSQL desk for copying: one REPEATABLE READ snapshot for the whole copy,
/// each table through a cursor in key order, a batch per FETCH.
final class PostgresCopySource: DeskCopySource {
    let location: String
    private let db: PostgresConnection
    static let batchSize = 5_000

    init(address: PostgresDeskAddress) throws {
        location = address.description
        do {
            db = try PostgresConnection(address: PostgresAddress(address.connectionText))
            guard let applied = try PostgresMigrator.appliedSteps(db) else {
                throw DeskError.invalidInput("No desk in \(location)")
            }
            guard applied == PostgresSchema.steps.map(\.name) else {
                throw DeskError.invalidInput("The desk in \(location) is not at this deskterm's schema: open it once with this deskterm, then copy it")
            }
            try db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try PostgresCopyInProgress.refuseIfCopying(db, location: location)
        } catch {
            throw PostgresErrors.map(error, location: address.description)
        }
    }

    deinit {
        if db.isInTransaction { _ = try? db.execute("ROLLBACK") }
    }

    func rowCount(_ table: CopyTable) throws -> Int {
        do {
            return try db.query("SELECT count(*) FROM \(table.postgresName)")[0].decode(Int.self, at: 0)
        } catch {
            throw PostgresErrors.map(error, location: location)
        }
    }

    func readRows(_ table: CopyTable, _ body: ([[CopyValue]]) throws -> Void) throws {
        let columns = table.columns
        do {
            try db.execute("""
                DECLARE deskterm_copy NO SCROLL CURSOR FOR
                SELECT \(table.columnNames.joined(separator: ", ")) FROM \(table.postgresName) ORDER BY \(table.key.joined(separator: ", "))
                """)
            defer { _ = try? db.execute("CLOSE deskterm_copy") }
            while true {
                let result = try db.query("FETCH \(Self.batchSize) FROM deskterm_copy")
                if result.isEmpty { break }
                let batch = try result.map { row in
                    try columns.indices.map { index in try Self.value(row, index, columns[index].kind) }
                }
                try body(batch)
            }
        } catch {
            throw PostgresErrors.map(error, location: location)
        }
    }

    private static func value(_ row: PostgresRow, _ index: Int, _ kind: CopyColumn.Kind) throws -> CopyValue {
        switch kind {
        case .integer: return try row.decode(Int64?.self, at: index).map(CopyValue.integer) ?? .null
        case .text: return try row.decode(String?.self, at: index).map(CopyValue.text) ?? .null
        case .bytes: return try row.decode(Data?.self, at: index).map(CopyValue.bytes) ?? .null
        case .boolean: return try row.decode(Bool?.self, at: index).map { .integer($0 ? 1 : 0) } ?? .null
        }
    }
}

extension CopyTable {
    /// The table's name in PostgreSQL statements (`user` is reserved there).
    var postgresName: String { "\"\(name)\"" }
}
