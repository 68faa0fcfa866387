import Foundation

/// The desk's settings, organisations and users: what may be stored, and who a handle is.
extension Desk {
    public func settings() throws(DeskError) -> DeskSettings {
        try read { rows in try rows.deskSettings() }
    }

    public func updateSettings(_ settings: DeskSettings) throws(DeskError) {
        guard settings.autoCloseDays >= 1 else { throw .refused(.model("auto-close needs at least 1 day")) }
        guard settings.autoCloseDays <= 36_500 else { throw .refused(.model("auto-close takes at most {days} days", ["days": .quantity(36_500)])) }
        guard settings.attachmentLimit >= 1 else { throw .refused(.model("the attachment limit must be positive")) }
        guard settings.attachmentQuota >= 1 else { throw .refused(.model("the attachment quota must be positive")) }
        guard !settings.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .refused(.model("the desk needs a name"))
        }
        try write { rows in try rows.updateDeskSettings(settings) }
    }

    public func addOrganisation(_ organisation: NewOrganisation) throws(DeskError) -> Organisation {
        let name = organisation.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .refused(.model("An organisation needs a name")) }
        guard !TextSafety.containsControlCharacters(name) else {
            throw .refused(.model("An organisation name cannot contain control characters"))
        }
        try FieldLimits.check(name, as: .organisationName)
        return try write { rows in
            if try rows.organisationID(named: name) != nil { throw DeskError.duplicateOrganisation(name) }
            let id = try rows.insertOrganisation(name: name, plan: organisation.plan, tier: organisation.tier)
            return Organisation(id: id, name: name, plan: organisation.plan, tier: organisation.tier)
        }
    }

    public func organisations() throws(DeskError) -> [Organisation] {
        try read { rows in try rows.organisationsByName() }
    }

    public func addUser(_ user: NewUser) throws(DeskError) -> User {
        try addUser(user, checking: nil)
    }

    /// `check` runs first in the insert's transaction, so what it reads cannot change before it.
    func addUser(_ user: NewUser, checking check: ((any DeskRows) throws -> Void)?) throws(DeskError) -> User {
        // Length first: a 5,000-character handle is better told it is too long than invalid.
        try FieldLimits.check(user.handle, as: .handle)
        guard Handles.isValid(user.handle) else { throw .invalidHandle(user.handle) }
        let name = user.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .refused(.model("A user needs a name")) }
        guard !TextSafety.containsControlCharacters(name), !TextSafety.containsControlCharacters(user.email) else {
            throw .refused(.model("A user's name and email cannot contain control characters"))
        }
        try FieldLimits.check(name, as: .userName)
        try FieldLimits.check(user.email, as: .email)
        if user.role == .customer && user.organisationName == nil {
            throw .refused(.model("A customer belongs to an organisation: give --org NAME"))
        }
        if user.role != .customer && user.organisationName != nil {
            throw .refused(.model("Only customers belong to an organisation"))
        }
        return try write { rows in
            try check?(rows)
            if try rows.user(handle: user.handle) != nil { throw DeskError.duplicateHandle(user.handle) }
            var organisationID: OrganisationID?
            if let orgName = user.organisationName {
                guard let id = try rows.organisationID(named: orgName) else { throw DeskError.organisationNotFound(name: orgName) }
                organisationID = id
            }
            let access: CaseAccess = user.role == .customer ? user.caseAccess : .own
            let stored = UserInsert(
                handle: user.handle, name: name, email: user.email, role: user.role, organisationID: organisationID,
                caseAccess: access)
            let id = try rows.insertUser(stored)
            if let language = user.language {
                try rows.setUserSetting(userID: id, name: UserSettings.languageName, value: language.rawValue)
            }
            return User(
                id: id, handle: user.handle, name: name, email: user.email,
                role: user.role, organisationID: organisationID, caseAccess: access)
        }
    }

    public func users() throws(DeskError) -> [User] {
        try read { rows in try rows.usersByHandle() }
    }

    public func viewer(handle: String) throws(DeskError) -> Viewer {
        try read { rows in try Self.viewer(rows, handle: handle) }
    }

    static func viewer(_ rows: any DeskRows, handle: String) throws -> Viewer {
        guard let user = try rows.user(handle: handle) else { throw DeskError.userNotFound(handle: handle) }
        return try viewer(rows, user: user)
    }

    /// The user with their organisation's plan, which decides what they may open.
    static func viewer(_ rows: any DeskRows, user: User) throws -> Viewer {
        let plan = try user.organisationID.flatMap { id in try rows.organisation(id: id) }?.plan
        return Viewer(user: user, plan: plan, accounts: try accounts(rows, of: user))
    }

    /// The ticket with one of the longest threads, as the bulk generator recorded it.
    public func longestThreadTicket() -> Int64? { generatedTicket(key: "longest_thread_ticket") }

    /// The ticket the bulk generator gave a long reply chain (`demo --long-thread`), if any.
    public func longThreadTicket() -> Int64? { generatedTicket(key: "long_thread_ticket") }

    private func generatedTicket(key: String) -> Int64? {
        (try? read { rows in try rows.deskSettingValue(key: key) }).flatMap { Int64($0) }
    }
}
