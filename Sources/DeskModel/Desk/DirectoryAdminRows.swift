import Foundation

/// A user's row as it is first stored.
public struct UserInsert: Equatable, Sendable {
    public var handle: String
    public var name: String
    public var email: String
    public var role: Role
    public var organisationID: OrganisationID?
    public var caseAccess: CaseAccess
}

/// What admins change in the directory and the desk's settings, and the whole lists of it.
public protocol DirectoryAdminRows {
    /// Stores every field of `settings` (`DirectoryRows.deskSettings` reads them back).
    func updateDeskSettings(_ settings: DeskSettings) throws
    /// A value stored beside the settings under `key` (the bulk generator records
    /// `longest_thread_ticket` and `long_thread_ticket` there); nil when there is none.
    func deskSettingValue(key: String) throws -> String?
    /// The organisation called `name`; names are unique ignoring ASCII case.
    func organisationID(named name: String) throws -> OrganisationID?
    func insertOrganisation(name: String, plan: Plan, tier: SupportTier) throws -> OrganisationID
    /// Every organisation, by name ignoring ASCII case.
    func organisationsByName() throws -> [Organisation]
    func insertUser(_ user: UserInsert) throws -> UserID
    /// Every user, by handle.
    func usersByHandle() throws -> [User]
}
