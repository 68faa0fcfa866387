import Foundation

/// The audit log of SSH sessions and remote commands.
public protocol AuditRows {
    /// Stores the entry (its `id` is not used) and returns the id it was given.
    func insertAuditEntry(_ entry: AuditEntry) throws -> Int64
    func updateAuditOutcome(id: Int64, outcome: String) throws
    /// The newest entries first (by time, then id), of one handle when given, at most `limit`.
    func auditEntries(handle: String?, limit: Int) throws -> [AuditEntry]
}
