import Foundation
import GRDB

/// Fills a new SQLite desk for `deskterm copy`: the rows go into a temporary file beside the
/// target, with the list indexes, full-text triggers and counters off (`SQLiteBulkStructures`);
/// they are built once at the end, and the file is then renamed into place, so the target
/// path holds either nothing new or the whole desk.
final class SQLiteCopyTarget: DeskCopyTarget {
    let location: String
    private let temporaryPath: String
    private var queue: DatabaseQueue?
    private var statements: [String: Statement] = [:]

    init(path: String) throws {
        location = path
        let url = URL(fileURLWithPath: path)
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).copying-\(ProcessInfo.processInfo.processIdentifier)").path
    }

    func begin() throws {
        switch try DeskFile.inspect(location) {
        case .missing, .empty: break
        case .hasContent:
            try Self.requireEmptyDesk(location)
            try Self.requireNotInUse(location)
        }
        abandon()  // a leftover of an earlier copy by a process of the same id
        Self.removeLeftovers(besides: location)
        do {
            // The schema through the store, then the rows through a connection of our own.
            _ = try Desk.open(.sqlite(path: temporaryPath), create: true)
            var configuration = Configuration()
            // Every reference is consistent in the source; tickets may refer to later tickets.
            configuration.foreignKeysEnabled = false
            configuration.prepareDatabase { db in CJKSchema.registerFunctions(in: db) }
            let queue = try DatabaseQueue(path: temporaryPath, configuration: configuration)
            self.queue = queue
            try queue.writeWithoutTransaction { db in
                // Nothing else knows this file yet: trade durability for speed while loading.
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY")
                try SQLiteBulkStructures.drop(db)
                // What creating the desk wrote (its settings) is replaced by the source's.
                for table in DeskCopyTables.all { try db.execute(sql: "DELETE FROM \(table.sqliteName)") }
            }
        } catch {
            abandon()
            throw StorageErrors.map(error, path: location)
        }
    }

    /// An existing file may be replaced only when it is a desk without content.
    private static func requireEmptyDesk(_ path: String) throws {
        let existing: SQLiteCopySource
        do {
            existing = try SQLiteCopySource(path: path)
        } catch {
            throw DeskError.invalidInput("\(path) already exists and is not an empty desk: copy into a new file")
        }
        for table in DeskCopyTables.all where table.name != "desk_setting" {
            if try existing.rowCount(table) > 0 {
                throw DeskError.invalidInput("\(path) already holds a desk with content (\(table.name)): copy into a new or empty desk")
            }
        }
    }

    /// Replacing a desk file that another process still has open would leave it writing a log
    /// (`-wal`) that SQLite then replays into the new desk; a log left by a writer that died
    /// would be replayed the same way. Leaving WAL mode needs every other connection closed
    /// and folds the log into the old file, removing it: so that is the test, and the cure.
    private static func requireNotInUse(_ path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            let mode = try queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
            if mode?.lowercased() == "delete" { return }
        } catch {}
        throw DeskError.invalidInput("\(path) is in use by another process: close every deskterm on it first (copy replaces the file)")
    }

    func write(_ table: CopyTable, _ rows: [[CopyValue]]) throws {
        guard let queue else { throw DeskError.storage("the copy into \(location) was not begun") }
        do {
            // One transaction per batch; the whole copy is made atomic by the rename instead.
            try queue.write { db in
                let statement = try statement(for: table, db)
                for row in rows {
                    var arguments = StatementArguments(row.map(Self.databaseValue))
                    if table.name == "message" { arguments += [Self.bodyLength(row)] }
                    try statement.execute(arguments: arguments)
                }
            }
        } catch {
            throw StorageErrors.map(error, path: location)
        }
    }

    private func statement(for table: CopyTable, _ db: Database) throws -> Statement {
        if let statement = statements[table.name] { return statement }
        var columns = table.columnNames
        // Given here, so that the length trigger does not update every message again.
        if table.name == "message" { columns.append("body_length") }
        let sql = "INSERT INTO \(table.sqliteName) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        let statement = try db.makeStatement(sql: sql)
        statements[table.name] = statement
        return statement
    }

    /// SQLite's `length(body)`: characters up to the first NUL, as the length trigger counts.
    private static func bodyLength(_ row: [CopyValue]) -> DatabaseValue {
        guard let index = DeskCopyTables.messageBodyIndex, case .text(let body) = row[index] else { return .null }
        return Int64(body.unicodeScalars.prefix { $0 != "\0" }.count).databaseValue
    }

    private static func databaseValue(_ value: CopyValue) -> DatabaseValue {
        switch value {
        case .null: return .null
        case .integer(let number): return number.databaseValue
        case .text(let text): return text.databaseValue
        case .bytes(let data): return data.databaseValue
        }
    }

    func commit(progress: (String) -> Void) throws {
        guard let queue else { throw DeskError.storage("the copy into \(location) was not begun") }
        do {
            try queue.writeWithoutTransaction { db in
                statements.removeAll()
                try SQLiteBulkStructures.build(db) { phase, _, _ in if phase != "done" { progress(phase) } }
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try queue.close()
            self.queue = nil
            // The load ran without a journal or syncs: the bytes reach the disk before the
            // name does, and the name before the copy is reported done.
            try FileDurability.syncFile(temporaryPath)
            if FileManager.default.fileExists(atPath: location) { try Self.requireNotInUse(location) }
            guard rename(temporaryPath, location) == 0 else {
                throw DeskError.storage("Cannot move the copied desk into place at \(location): \(String(cString: strerror(errno)))")
            }
            try? FileManager.default.removeItem(atPath: temporaryPath + ".lock")  // the temporary desk's migration lock
            try FileDurability.syncFolder(of: location)
        } catch {
            abandon()
            throw StorageErrors.map(error, path: location)
        }
    }

    /// Temporary desks of earlier copies into the same path whose process is gone (killed, or
    /// interrupted with Ctrl-C): they can be as large as the desk.
    private static func removeLeftovers(besides path: String) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent).copying-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(digits), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    func abandon() {
        statements.removeAll()
        try? queue?.close()
        queue = nil
        for suffix in ["", "-wal", "-shm", "-journal", ".lock"] { try? FileManager.default.removeItem(atPath: temporaryPath + suffix) }
    }
}

extension DeskCopyTables {
    static let messageBodyIndex = all.first { $0.name == "message" }?.columnNames.firstIndex(of: "body")
}
