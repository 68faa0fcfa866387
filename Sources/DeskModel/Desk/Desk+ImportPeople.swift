import Foundation

/// The users and organisations an import finds or creates for the authors it meets.
extension Desk {
    /// The user an author is: the one an earlier import made of them, else the one with their
    /// address, else a new one (an agent, or a customer in their organisation) with a unique handle.
    static func importUserID(
        _ rows: any DeskRows, _ author: ImportAuthor, in message: ImportMessage, options: ImportOptions,
        session: inout ImportSession, summary: inout ImportSummary
    ) throws -> UserID {
        if let id = session.userByKey[author.key] { return id }
        let email = summary.fitted(TextSafety.sanitizedLine(author.email).trimmingCharacters(in: .whitespaces), as: .email, in: message)
        if !email.isEmpty, let id = session.userByEmail[email.lowercased()] {
            try rows.linkImportAuthor(key: author.key, userID: id, replacing: false)
            session.userByKey[author.key] = id
            return id
        }
        let role: Role = author.isAgent ? .agent : .customer
        var organisationID: OrganisationID?
        if role == .customer {
            organisationID = try importOrganisationID(
                rows, named: author.organisation ?? options.defaultOrganisation, in: message, options: options,
                session: &session, summary: &summary)
        }
        let handle = ImportRules.uniqueHandle(author.handleHints, taken: session.handles)
        var name = TextSafety.sanitizedLine(author.name).trimmingCharacters(in: .whitespaces)
        if name.isEmpty { name = handle }
        name = summary.fitted(name, as: .userName, in: message)
        let id = try rows.insertImportedUser(
            handle: handle, name: name, email: email, role: role, organisationID: organisationID, caseAccess: .own)
        try rows.linkImportAuthor(key: author.key, userID: id, replacing: true)
        if let language = author.language {
            try rows.setUserSetting(userID: id, name: UserSettings.languageName, value: language.rawValue)
        }
        session.userByKey[author.key] = id
        if !email.isEmpty { session.userByEmail[email.lowercased()] = id }
        session.roles[id] = role
        if let organisationID { session.organisationOf[id] = organisationID }
        session.handles.insert(handle)
        summary.users += 1
        return id
    }

    /// The organisation of that name, created with the import's plan and tier when missing.
    private static func importOrganisationID(
        _ rows: any DeskRows, named raw: String, in message: ImportMessage, options: ImportOptions,
        session: inout ImportSession, summary: inout ImportSummary
    ) throws -> OrganisationID {
        var name = TextSafety.sanitizedLine(raw).trimmingCharacters(in: .whitespaces)
        if name.isEmpty { name = options.defaultOrganisation }
        let given = name
        // Shortened quietly here, so that each member does not repeat the warning; it is
        // given once, when the organisation is created below.
        name = FieldLimits.clipped(name, as: .organisationName) ?? name
        if let known = session.organisations[name.lowercased()] { return known.id }
        // The desk may compare names otherwise than `lowercased()` (SQLite's NOCASE folds ASCII
        // only): ask it the way its uniqueness of names compares.
        if let found = try rows.organisation(matchingName: name) {
            session.organisations[name.lowercased()] = (found.id, found.tier)
            session.tierOf[found.id] = found.tier
            return found.id
        }
        _ = summary.fitted(given, as: .organisationName, in: message)
        let id = try rows.insertImportedOrganisation(name: name, plan: options.organisationPlan, tier: options.organisationTier)
        session.organisations[name.lowercased()] = (id, options.organisationTier)
        session.tierOf[id] = options.organisationTier
        summary.organisations += 1
        return id
    }
}
