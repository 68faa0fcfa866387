import Foundation

/// Directory, settings and audit operations still run by the SQLite backend (issue #10: they
/// move into `Desk` over `DeskRows`).
extension Desk {
    public func settings() throws(DeskError) -> DeskSettings { try sqliteStore.settings() }
    public func updateSettings(_ settings: DeskSettings) throws(DeskError) { try sqliteStore.updateSettings(settings) }
    public func addOrganisation(_ organisation: NewOrganisation) throws(DeskError) -> Organisation {
        try sqliteStore.addOrganisation(organisation)
    }
    public func organisations() throws(DeskError) -> [Organisation] { try sqliteStore.organisations() }
    public func addUser(_ user: NewUser) throws(DeskError) -> User { try sqliteStore.addUser(user) }
    public func users() throws(DeskError) -> [User] { try sqliteStore.users() }
    public func viewer(handle: String) throws(DeskError) -> Viewer { try sqliteStore.viewer(handle: handle) }

    /// The ticket with one of the longest threads, as the bulk generator recorded it.
    public func longestThreadTicket() -> Int64? { sqliteStore.longestThreadTicket() }
    /// The ticket the bulk generator gave a long reply chain (`demo --long-thread`), if any.
    public func longThreadTicket() -> Int64? { sqliteStore.longThreadTicket() }

    @discardableResult
    public func recordAudit(
        handle: String, address: String, command: String, outcome: String, at: Date? = nil, waitsForWriters: Bool = true
    ) throws(DeskError) -> Int64 {
        try sqliteStore.recordAudit(
            handle: handle, address: address, command: command, outcome: outcome, at: at, waitsForWriters: waitsForWriters)
    }
    public func updateAuditOutcome(id: Int64, outcome: String) throws(DeskError) {
        try sqliteStore.updateAuditOutcome(id: id, outcome: outcome)
    }
    public func auditLog(viewer: Viewer, handle: String? = nil, limit: Int = 100) throws(DeskError) -> [AuditEntry] {
        try sqliteStore.auditLog(viewer: viewer, handle: handle, limit: limit)
    }

    public func userSettings(viewer: Viewer) throws(DeskError) -> UserSettings { try sqliteStore.userSettings(viewer: viewer) }
    public func saveUserSettings(_ settings: UserSettings, viewer: Viewer) throws(DeskError) {
        try sqliteStore.saveUserSettings(settings, viewer: viewer)
    }
}
