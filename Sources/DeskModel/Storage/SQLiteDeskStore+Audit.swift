import Foundation
import GRDB

/// One SSH session or remote command, as the audit log keeps it.
public struct AuditEntry: Equatable, Codable, Sendable {
    public var id: Int64
    public var at: Date
    public var handle: String
    /// `SSH_CLIENT` as sshd reported it ("203.0.113.9 51234 22"), or "local".
    public var address: String
    /// What the client asked for: "interactive session" or the command line it sent.
    public var command: String
    public var outcome: String

    public init(id: Int64 = 0, at: Date, handle: String, address: String, command: String, outcome: String) {
        self.id = id
        self.at = at
        self.handle = handle
        self.address = address
        self.command = command
        self.outcome = outcome
    }
}

extension SQLiteDeskStore {
    /// Records an entry and returns its id, so a long session can set its outcome at the end.
    /// Audit rows are private bookkeeping: they do not announce a desk change.
    @discardableResult
    /// `at` is the session's start when the entry could only be written at its end;
    /// `waitsForWriters: false` fails at once with `databaseBusy` rather than delay a login.
    public func recordAudit(
        handle: String, address: String, command: String, outcome: String, at: Date? = nil, waitsForWriters: Bool = true
    ) throws(DeskError) -> Int64 {
        let now = at ?? self.now
        return try write(announcesChange: false, waitsForWriters: waitsForWriters) { db in
            try db.execute(
                sql: "INSERT INTO audit_log(at, handle, address, command, outcome) VALUES (?, ?, ?, ?, ?)",
                arguments: [now.deskSeconds, handle, address, String(command.prefix(1000)), outcome])
            return db.lastInsertedRowID
        }
    }

    public func updateAuditOutcome(id: Int64, outcome: String) throws(DeskError) {
        try write(announcesChange: false) { db in
            try db.execute(sql: "UPDATE audit_log SET outcome = ? WHERE id = ?", arguments: [outcome, id])
        }
    }

    /// The newest entries first; admins only.
    public func auditLog(viewer: Viewer, handle: String? = nil, limit: Int = 100) throws(DeskError) -> [AuditEntry] {
        guard viewer.role == .admin else { throw .notAllowed("only admins read the audit log") }
        return try read { db in
            let filter = handle == nil ? "" : "WHERE handle = ?"
            var arguments: StatementArguments = []
            if let handle { arguments += [handle] }
            arguments += [limit]
            return try Row.fetchAll(db, sql: "SELECT * FROM audit_log \(filter) ORDER BY at DESC, id DESC LIMIT ?", arguments: arguments).map { row in
                AuditEntry(
                    id: row["id"], at: Date(deskSeconds: row["at"]), handle: row["handle"], address: row["address"],
                    command: row["command"], outcome: row["outcome"])
            }
        }
    }
}
