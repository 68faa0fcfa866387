import Foundation
import GRDB

extension SQLiteRows: AuditRows {
    func insertAuditEntry(_ entry: AuditEntry) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO audit_log(at, handle, address, command, outcome) VALUES (?, ?, ?, ?, ?)",
            arguments: [entry.at.deskSeconds, entry.handle, entry.address, entry.command, entry.outcome])
        return db.lastInsertedRowID
    }

    func updateAuditOutcome(id: Int64, outcome: String) throws {
        try db.execute(sql: "UPDATE audit_log SET outcome = ? WHERE id = ?", arguments: [outcome, id])
    }

    func auditEntries(handle: String?, limit: Int) throws -> [AuditEntry] {
        let filter = handle == nil ? "" : "WHERE handle = ?"
        var arguments: StatementArguments = []
        if let handle { arguments += [handle] }
        arguments += [limit]
        return try Row.fetchAll(
            db, sql: "SELECT * FROM audit_log \(filter) ORDER BY at DESC, id DESC LIMIT ?", arguments: arguments
        ).map { row in
            AuditEntry(
                id: row["id"], at: Date(deskSeconds: row["at"]), handle: row["handle"], address: row["address"],
                command: row["command"], outcome: row["outcome"])
        }
    }
}
