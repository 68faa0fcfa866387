import DeskModel
import Foundation
import GRDB
import XCTest

/// `deskterm copy` moves the tables listed in `DeskCopyTables`; a new table or column in the
/// SQLite schema must either be listed there or be named here as derived (rebuilt by the
/// target), or it would be silently left behind by every copy.
final class CopyTableCoverageTests: XCTestCase {
    /// Tables each backend rebuilds itself: full-text indexes, counters, the report's per-day
    /// counts, the change counter, the migration record.
    static let derivedTables: Set<String> = ["ticket_count", "report_day", "desk_change", "grdb_migrations"]
    static let derivedTablePrefixes = ["ticket_fts", "message_fts", "ticket_cjk", "message_cjk", "article_fts", "article_cjk", "sqlite_"]
    /// Generated or trigger-kept columns.
    static let derivedColumns: Set<String> = ["ticket.is_closed", "message.body_length", "ticket.first_response_at"]

    func testEveryStoredColumnOfTheSQLiteDeskIsCopiedOrDerived() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copy-coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("desk.sqlite").path
        _ = try Desk.open(address: path, create: true)

        let queue = try DatabaseQueue(path: path)
        let schema: [String: Set<String>] = try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            var columns: [String: Set<String>] = [:]
            for table in tables where !Self.derivedTables.contains(table) && !Self.derivedTablePrefixes.contains(where: table.hasPrefix) {
                let names = try Row.fetchAll(db, sql: "PRAGMA table_xinfo(\"\(table)\")").map { $0["name"] as String }
                columns[table] = Set(names.filter { !Self.derivedColumns.contains("\(table).\($0)") })
            }
            return columns
        }
        let copied = Dictionary(uniqueKeysWithValues: DeskCopyTables.all.map { ($0.name, Set($0.columnNames)) })
        XCTAssertEqual(copied, schema)
    }
}
