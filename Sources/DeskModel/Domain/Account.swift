/// One organisation a customer belongs to (an "account" on the DocuSign pages), with the case
/// access and the administrator right of that membership. A customer's primary account is
/// `User.organisationID` with `User.caseAccess`; further accounts are stored beside it.
public struct Account: Equatable, Codable, Sendable {
    public var organisation: Organisation
    public var caseAccess: CaseAccess
    /// A customer administrator of this organisation (manages its portal users).
    public var isAdministrator: Bool
    /// The account kept in the user's own row (`User.organisationID`).
    public var isPrimary: Bool

    public init(organisation: Organisation, caseAccess: CaseAccess, isAdministrator: Bool, isPrimary: Bool) {
        self.organisation = organisation
        self.caseAccess = caseAccess
        self.isAdministrator = isAdministrator
        self.isPrimary = isPrimary
    }
}

/// A membership as the rules read it: which organisation, with which access.
public struct Membership: Equatable, Sendable {
    public var organisationID: OrganisationID
    public var caseAccess: CaseAccess
    public var isAdministrator: Bool

    public init(organisationID: OrganisationID, caseAccess: CaseAccess, isAdministrator: Bool = false) {
        self.organisationID = organisationID
        self.caseAccess = caseAccess
        self.isAdministrator = isAdministrator
    }
}

extension Viewer {
    /// Every organisation the viewer belongs to. A viewer built without its accounts loaded
    /// (tests, the demo) has the primary membership of its user row.
    public var memberships: [Membership] {
        if !accounts.isEmpty {
            return accounts.map { Membership(organisationID: $0.organisation.id, caseAccess: $0.caseAccess, isAdministrator: $0.isAdministrator) }
        }
        guard !isStaff, let organisationID = user.organisationID else { return [] }
        return [Membership(organisationID: organisationID, caseAccess: user.caseAccess)]
    }

    /// The organisations whose every ticket the viewer sees (organisation access), sorted.
    public var wholeOrganisations: [OrganisationID] {
        memberships.filter { $0.caseAccess == .organisation }.map(\.organisationID).sorted()
    }

    public func isMember(of organisationID: OrganisationID?) -> Bool {
        guard let organisationID else { return false }
        return memberships.contains { $0.organisationID == organisationID }
    }

    public func administers(_ organisationID: OrganisationID?) -> Bool {
        guard let organisationID else { return false }
        return memberships.contains { $0.organisationID == organisationID && $0.isAdministrator }
    }

    /// More than one account: list rows show each ticket's organisation.
    public var hasSeveralAccounts: Bool { memberships.count > 1 }

    /// The account called `name` (ignoring ASCII case, as organisation names are unique).
    public func account(named name: String) -> Account? {
        accounts.first { $0.isNamed(name) }
    }
}

extension Account {
    /// Organisation names are unique ignoring ASCII case (SQLite's NOCASE), so they match so.
    public func isNamed(_ name: String) -> Bool {
        func folded(_ text: String) -> [UInt8] { text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 } }
        return folded(organisation.name) == folded(name)
    }
}
