import Foundation

/// The audit log: every SSH session and remote command, read by admins only. Its rows are
/// private bookkeeping: writing them announces no desk change.
extension Desk {
    /// The longest command line kept: the log records what was asked, not a payload.
    static let auditCommandLimit = 1000

    /// Records an entry and returns its id, so a long session can set its outcome at the end.
    /// `at` is the session's start when the entry could only be written at its end;
    /// `waitsForWriters: false` fails at once with `databaseBusy` rather than delay a login.
    @discardableResult
    public func recordAudit(
        handle: String, address: String, command: String, outcome: String, at: Date? = nil, waitsForWriters: Bool = true
    ) throws(DeskError) -> Int64 {
        let entry = AuditEntry(
            at: (at ?? now).wholeSeconds, handle: handle, address: address,
            command: String(command.prefix(Self.auditCommandLimit)), outcome: outcome)
        return try write(StorageWrite(announcesChange: false, waitsForWriters: waitsForWriters)) { rows in
            try rows.insertAuditEntry(entry)
        }
    }

    public func updateAuditOutcome(id: Int64, outcome: String) throws(DeskError) {
        try write(StorageWrite(announcesChange: false)) { rows in try rows.updateAuditOutcome(id: id, outcome: outcome) }
    }

    /// The newest entries first; admins only.
    public func auditLog(viewer: Viewer, handle: String? = nil, limit: Int = 100) throws(DeskError) -> [AuditEntry] {
        guard viewer.role == .admin else { throw .forbidden(.model("only admins read the audit log", context: "not allowed")) }
        return try read { rows in try rows.auditEntries(handle: handle, limit: limit) }
    }
}
