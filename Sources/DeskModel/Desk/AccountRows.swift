import Foundation

/// A further account as stored: the organisation and the case access of that membership.
public struct AccountRow: Equatable, Sendable {
    public var organisationID: OrganisationID
    public var caseAccess: CaseAccess

    public init(organisationID: OrganisationID, caseAccess: CaseAccess) {
        self.organisationID = organisationID
        self.caseAccess = caseAccess
    }
}

/// Several accounts per person and customer administrators. The primary account stays in the
/// user's row; further accounts and the administrator marks (of any account) are rows here.
public protocol AccountRows {
    /// The user's further accounts (not the primary one), by organisation id.
    func furtherAccounts(userID: UserID) throws -> [AccountRow]
    func insertAccount(userID: UserID, organisationID: OrganisationID, caseAccess: CaseAccess) throws
    /// Removes a further account and its administrator mark.
    func deleteAccount(userID: UserID, organisationID: OrganisationID) throws
    func updateAccountAccess(userID: UserID, organisationID: OrganisationID, caseAccess: CaseAccess) throws
    /// The primary account (the user's row): its organisation and case access.
    func updatePrimaryAccount(userID: UserID, organisationID: OrganisationID, caseAccess: CaseAccess) throws
    /// The organisations the user administers (primary or further accounts).
    func administeredOrganisations(userID: UserID) throws -> [OrganisationID]
    func setAdministrator(userID: UserID, organisationID: OrganisationID, administrator: Bool) throws
    /// Every member of the organisation, primary or further account, by handle.
    func members(organisationID: OrganisationID) throws -> [User]
    /// Ends the user's watching of the organisation's tickets they did not request: watching
    /// grants sight, so leaving an organisation must take it away.
    func dropWatches(userID: UserID, organisationID: OrganisationID) throws
}
