import Foundation

/// What one import run remembers between batches: the desk's users, handles and
/// organisations, so each message costs no lookup of them. A value: copied before a batch and
/// put back when the batch rolls back, so it never names a row that was not committed.
struct ImportSession {
    var userByKey: [String: UserID] = [:]
    var userByEmail: [String: UserID] = [:]
    var roles: [UserID: Role] = [:]
    var organisationOf: [UserID: OrganisationID] = [:]
    var handles: Set<String> = []
    var organisations: [String: (id: OrganisationID, tier: SupportTier)] = [:]
    var tierOf: [OrganisationID: SupportTier] = [:]
    var settings = DeskSettings()
    var serviceLevels = ServiceLevels.standard
}
