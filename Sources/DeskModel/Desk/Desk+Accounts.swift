import Foundation

/// A person's accounts with organisations: the primary one in their row, further ones in
/// `AccountRows`, and who administers which (`Permissions.canManageMembers`).
public protocol DeskAccounts {
    /// Every account of the user, the primary first.
    func accounts(handle: String, by actor: Viewer?) throws(DeskError) -> [Account]
    /// Gives a customer a further account (or, for a new member, their first).
    func addAccount(handle: String, organisation: String, caseAccess: CaseAccess, by actor: Viewer?) throws(DeskError) -> Account
    /// Removes an account; removing the primary one makes the next account primary.
    func removeAccount(handle: String, organisation: String, by actor: Viewer?) throws(DeskError)
    func setAccountAccess(handle: String, organisation: String, caseAccess: CaseAccess, by actor: Viewer?) throws(DeskError)
    /// Marks or unmarks the user as a customer administrator of the organisation (desk admins).
    func setAdministrator(handle: String, organisation: String, administrator: Bool, by actor: Viewer?) throws(DeskError)
    /// The organisation's portal users, each with their account there, by handle.
    func members(organisation: String, by actor: Viewer?) throws(DeskError) -> [(user: User, account: Account)]
    /// A new portal user of an organisation, added by a desk admin or its customer administrator.
    func addPortalUser(_ user: NewUser, by actor: Viewer?) throws(DeskError) -> User
}

extension Desk: DeskAccounts {
    public func accounts(handle: String, by actor: Viewer?) throws(DeskError) -> [Account] {
        try read { rows in
            // Listing needs only one account in the actor's care, and shows only those.
            guard let user = try rows.user(handle: handle),
                  try Self.accounts(rows, of: user).contains(where: { Permissions.canManageMembers(of: $0.organisation.id, actor: actor) })
                    || actor == nil || actor?.role == .admin
            else { throw DeskError.userNotFound(handle: handle) }
            let accounts = try Self.accounts(rows, of: user)
            // A customer administrator sees only the accounts of the organisations they administer.
            return accounts.filter { Permissions.canManageMembers(of: $0.organisation.id, actor: actor) }
        }
    }

    public func addAccount(handle: String, organisation: String, caseAccess: CaseAccess, by actor: Viewer?) throws(DeskError) -> Account {
        try write { rows in
            let organisation = try Self.managedOrganisation(rows, named: organisation, actor: actor)
            // A customer administrator adds only people wholly in their care: a customer of
            // another organisation (whose keys they could then authorise) or staff reads like
            // a missing handle. Bringing in anyone else is the desk admins' act.
            let user = actor == nil || actor?.role == .admin
                ? try rows.user(handle: handle)
                : try? Self.member(rows, handle: handle, actor: actor)
            guard let user else { throw DeskError.userNotFound(handle: handle) }
            guard user.role == .customer else { throw DeskError.refused(.model("Only customers belong to an organisation")) }
            let accounts = try Self.accounts(rows, of: user)
            guard !accounts.contains(where: { $0.organisation.id == organisation.id }) else {
                throw DeskError.refused(.model("{handle} already has an account with {organisation}",
                                               ["handle": .text(handle), "organisation": .text(organisation.name)]))
            }
            if user.organisationID == nil {
                try rows.updatePrimaryAccount(userID: user.id, organisationID: organisation.id, caseAccess: caseAccess)
                return Account(organisation: organisation, caseAccess: caseAccess, isAdministrator: false, isPrimary: true)
            }
            try rows.insertAccount(userID: user.id, organisationID: organisation.id, caseAccess: caseAccess)
            return Account(organisation: organisation, caseAccess: caseAccess, isAdministrator: false, isPrimary: false)
        }
    }

    public func removeAccount(handle: String, organisation: String, by actor: Viewer?) throws(DeskError) {
        try write { rows in
            let organisation = try Self.managedOrganisation(rows, named: organisation, actor: actor)
            let (user, account) = try Self.membership(rows, handle: handle, organisation: organisation, actor: actor)
            try rows.dropWatches(userID: user.id, organisationID: organisation.id)
            guard account.isPrimary else {
                try rows.deleteAccount(userID: user.id, organisationID: organisation.id)
                return
            }
            // The primary account lives in the user's row: the next account takes its place.
            guard let next = try rows.furtherAccounts(userID: user.id).first else {
                throw DeskError.refused(.model("{organisation} is {handle}'s only account: a customer belongs to at least one organisation",
                                               ["handle": .text(handle), "organisation": .text(organisation.name)]))
            }
            try rows.deleteAccount(userID: user.id, organisationID: next.organisationID)
            try rows.setAdministrator(userID: user.id, organisationID: organisation.id, administrator: false)
            try rows.updatePrimaryAccount(userID: user.id, organisationID: next.organisationID, caseAccess: next.caseAccess)
        }
    }

    public func setAccountAccess(handle: String, organisation: String, caseAccess: CaseAccess, by actor: Viewer?) throws(DeskError) {
        try write { rows in
            let organisation = try Self.managedOrganisation(rows, named: organisation, actor: actor)
            let (user, account) = try Self.membership(rows, handle: handle, organisation: organisation, actor: actor)
            if account.isPrimary {
                try rows.updatePrimaryAccount(userID: user.id, organisationID: organisation.id, caseAccess: caseAccess)
            } else {
                try rows.updateAccountAccess(userID: user.id, organisationID: organisation.id, caseAccess: caseAccess)
            }
        }
    }

    public func setAdministrator(handle: String, organisation: String, administrator: Bool, by actor: Viewer?) throws(DeskError) {
        guard Permissions.canNameAdministrators(actor: actor) else {
            throw .forbidden(.model("only admins name customer administrators", context: "not allowed"))
        }
        try write { rows in
            let organisation = try Self.managedOrganisation(rows, named: organisation, actor: actor)
            let (user, _) = try Self.membership(rows, handle: handle, organisation: organisation, actor: actor)
            try rows.setAdministrator(userID: user.id, organisationID: organisation.id, administrator: administrator)
        }
    }

    public func members(organisation: String, by actor: Viewer?) throws(DeskError) -> [(user: User, account: Account)] {
        try read { rows in
            let organisation = try Self.managedOrganisation(rows, named: organisation, actor: actor)
            return try rows.members(organisationID: organisation.id).compactMap { user in
                try Self.accounts(rows, of: user).first { $0.organisation.id == organisation.id }.map { (user: user, account: $0) }
            }
        }
    }

    public func addPortalUser(_ user: NewUser, by actor: Viewer?) throws(DeskError) -> User {
        if actor?.role != .admin && actor != nil {
            guard user.role == .customer, let name = user.organisationName else {
                throw .forbidden(Permissions.membersRefusal)
            }
            return try addUser(user) { rows in
                let organisation = try Self.managedOrganisation(rows, named: name, actor: actor)
                try Self.checkPortalAddress(rows, user.email, of: organisation)
            }
        }
        return try addUser(user)
    }

    /// The user's accounts, the primary first, then the further ones by organisation.
    static func accounts(_ rows: any DeskRows, of user: User) throws -> [Account] {
        guard user.role == .customer else { return [] }
        let administered = Set(try rows.administeredOrganisations(userID: user.id))
        var accounts: [Account] = []
        if let primary = user.organisationID, let organisation = try rows.organisation(id: primary) {
            accounts.append(Account(organisation: organisation, caseAccess: user.caseAccess,
                                    isAdministrator: administered.contains(primary), isPrimary: true))
        }
        for further in try rows.furtherAccounts(userID: user.id) {
            guard let organisation = try rows.organisation(id: further.organisationID) else { continue }
            accounts.append(Account(organisation: organisation, caseAccess: further.caseAccess,
                                    isAdministrator: administered.contains(further.organisationID), isPrimary: false))
        }
        return accounts
    }

    /// The organisation called `name` if the actor manages its members. To a customer, an
    /// organisation they do not administer and one that does not exist answer the same.
    static func managedOrganisation(_ rows: any DeskRows, named name: String, actor: Viewer?) throws -> Organisation {
        let organisation = try rows.organisationID(named: name).flatMap { try rows.organisation(id: $0) }
        guard let organisation, Permissions.canManageMembers(of: organisation.id, actor: actor) else {
            if let actor, actor.role != .admin { throw DeskError.forbidden(Permissions.membersRefusal) }
            throw DeskError.organisationNotFound(name: name)
        }
        return organisation
    }

    /// The user and their account with `organisation`; to a customer administrator someone
    /// who is not a member reads like a handle that does not exist.
    static func membership(
        _ rows: any DeskRows, handle: String, organisation: Organisation, actor: Viewer?
    ) throws -> (User, Account) {
        guard let user = try rows.user(handle: handle) else { throw DeskError.userNotFound(handle: handle) }
        guard let account = try accounts(rows, of: user).first(where: { $0.organisation.id == organisation.id }) else {
            if let actor, actor.role != .admin { throw DeskError.userNotFound(handle: handle) }
            throw DeskError.refused(.model("{handle} has no account with {organisation}",
                                           ["handle": .text(handle), "organisation": .text(organisation.name)]))
        }
        return (user, account)
    }

    /// The user named, when the actor may manage every one of their accounts. A customer
    /// administrator of one of a person's organisations must not reach what the person does
    /// for another (their keys, their audit): to them such a person reads like a missing handle.
    static func member(_ rows: any DeskRows, handle: String, actor: Viewer?) throws -> User {
        guard let user = try rows.user(handle: handle) else { throw DeskError.userNotFound(handle: handle) }
        guard try managesEveryAccount(rows, of: user, actor: actor) else { throw DeskError.userNotFound(handle: handle) }
        return user
    }

    /// Desk admins and the operator manage everyone; a customer administrator a customer with
    /// at least one account, all of them in organisations they administer.
    static func managesEveryAccount(_ rows: any DeskRows, of user: User, actor: Viewer?) throws -> Bool {
        guard let actor, actor.role != .admin else { return true }
        let accounts = try accounts(rows, of: user)
        return user.role == .customer && !accounts.isEmpty
            && accounts.allSatisfy { Permissions.canManageMembers(of: $0.organisation.id, actor: actor) }
    }
}
