import Foundation
import GRDB

/// Settings, organisations and users.
extension SQLiteDeskStore {
    public func settings() throws(DeskError) -> DeskSettings {
        try read { db in try Self.settings(db) }
    }

    static func settings(_ db: Database) throws -> DeskSettings {
        let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM desk_setting")
        var values: [String: String] = [:]
        for row in rows { values[row["key"]] = row["value"] }
        let defaults = DeskSettings()
        return DeskSettings(
            name: values["name"] ?? defaults.name,
            autoCloseDays: values["auto_close_days"].flatMap(Int.init) ?? defaults.autoCloseDays,
            attachmentLimit: values["attachment_limit"].flatMap(Int64.init) ?? defaults.attachmentLimit,
            attachmentQuota: values["attachment_quota"].flatMap(Int64.init) ?? defaults.attachmentQuota)
    }

    public func updateSettings(_ settings: DeskSettings) throws(DeskError) {
        guard settings.autoCloseDays >= 1 else { throw .invalidInput("auto-close needs at least 1 day") }
        guard settings.autoCloseDays <= 36_500 else { throw .invalidInput("auto-close takes at most 36500 days") }
        guard settings.attachmentLimit >= 1 else { throw .invalidInput("the attachment limit must be positive") }
        guard settings.attachmentQuota >= 1 else { throw .invalidInput("the attachment quota must be positive") }
        guard !settings.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalidInput("the desk needs a name")
        }
        try write { db in
            let pairs: [(String, String)] = [
                ("name", settings.name), ("auto_close_days", String(settings.autoCloseDays)),
                ("attachment_limit", String(settings.attachmentLimit)),
                ("attachment_quota", String(settings.attachmentQuota)),
            ]
            for (key, value) in pairs {
                try db.execute(
                    sql: "INSERT INTO desk_setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [key, value])
            }
        }
    }

    public func addOrganisation(_ organisation: NewOrganisation) throws(DeskError) -> Organisation {
        let name = organisation.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .invalidInput("An organisation needs a name") }
        guard !TextSafety.containsControlCharacters(name) else {
            throw .invalidInput("An organisation name cannot contain control characters")
        }
        try FieldLimits.check(name, as: .organisationName)
        return try write { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM organisation WHERE name = ?", arguments: [name]) != nil {
                throw DeskError.duplicateOrganisation(name)
            }
            try db.execute(
                sql: "INSERT INTO organisation(name, plan, tier) VALUES (?, ?, ?)",
                arguments: [name, organisation.plan.rawValue, organisation.tier.rawValue])
            return Organisation(id: db.lastInsertedRowID, name: name, plan: organisation.plan, tier: organisation.tier)
        }
    }

    public func organisations() throws(DeskError) -> [Organisation] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM organisation ORDER BY name").map(RowDecoding.organisation)
        }
    }

    public func addUser(_ user: NewUser) throws(DeskError) -> User {
        // Length first: a 5,000-character handle is better told it is too long than invalid.
        try FieldLimits.check(user.handle, as: .handle)
        guard Handles.isValid(user.handle) else { throw .invalidHandle(user.handle) }
        let name = user.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .invalidInput("A user needs a name") }
        guard !TextSafety.containsControlCharacters(name), !TextSafety.containsControlCharacters(user.email) else {
            throw .invalidInput("A user's name and email cannot contain control characters")
        }
        try FieldLimits.check(name, as: .userName)
        try FieldLimits.check(user.email, as: .email)
        if user.role == .customer && user.organisationName == nil {
            throw .invalidInput("A customer belongs to an organisation: give --org NAME")
        }
        if user.role != .customer && user.organisationName != nil {
            throw .invalidInput("Only customers belong to an organisation")
        }
        return try write { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM user WHERE handle = ?", arguments: [user.handle]) != nil {
                throw DeskError.duplicateHandle(user.handle)
            }
            var organisationID: OrganisationID?
            if let orgName = user.organisationName {
                guard let id = try OrganisationID.fetchOne(
                    db, sql: "SELECT id FROM organisation WHERE name = ?", arguments: [orgName])
                else { throw DeskError.organisationNotFound(name: orgName) }
                organisationID = id
            }
            let access: CaseAccess = user.role == .customer ? user.caseAccess : .own
            try db.execute(
                sql: "INSERT INTO user(handle, name, email, role, organisation_id, case_access) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [user.handle, name, user.email, user.role.rawValue, organisationID, access.rawValue])
            return User(
                id: db.lastInsertedRowID, handle: user.handle, name: name, email: user.email,
                role: user.role, organisationID: organisationID, caseAccess: access)
        }
    }

    public func users() throws(DeskError) -> [User] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY handle").map { RowDecoding.user($0) } }
    }

    public func viewer(handle: String) throws(DeskError) -> Viewer {
        try read { db in try Self.viewer(db, handle: handle) }
    }

    static func viewer(_ db: Database, handle: String) throws -> Viewer {
        guard let user = try user(db, handle: handle) else { throw DeskError.userNotFound(handle: handle) }
        return try viewer(db, user: user)
    }

    static func viewer(_ db: Database, user: User) throws -> Viewer {
        var plan: Plan?
        if let org = user.organisationID {
            plan = try String.fetchOne(db, sql: "SELECT plan FROM organisation WHERE id = ?", arguments: [org])
                .flatMap(Plan.init(rawValue:))
        }
        return Viewer(user: user, plan: plan)
    }

    static func user(_ db: Database, handle: String) throws -> User? {
        try Row.fetchOne(db, sql: "SELECT * FROM user WHERE handle = ?", arguments: [handle]).map { RowDecoding.user($0) }
    }

    static func user(_ db: Database, id: UserID) throws -> User? {
        try Row.fetchOne(db, sql: "SELECT * FROM user WHERE id = ?", arguments: [id]).map { RowDecoding.user($0) }
    }

    static func organisation(_ db: Database, id: OrganisationID) throws -> Organisation? {
        try Row.fetchOne(db, sql: "SELECT * FROM organisation WHERE id = ?", arguments: [id]).map(RowDecoding.organisation)
    }
}

/// User handles: plain identifiers, safe in an `authorized_keys` forced command and a shell.
public enum Handles {
    public static func isValid(_ handle: String) -> Bool {
        guard let first = handle.unicodeScalars.first, handle.unicodeScalars.count <= FieldLimits.limit(for: .handle),
              ("a"..."z").contains(first) else { return false }
        return handle.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

extension SQLiteDeskStore {
    /// The ticket with one of the longest threads, as the bulk generator recorded it.
    public func longestThreadTicket() -> Int64? {
        try? read { db in
            try String.fetchOne(db, sql: "SELECT value FROM desk_setting WHERE key = 'longest_thread_ticket'").flatMap { Int64($0) }
        }
    }

    /// The ticket the bulk generator gave a long reply chain (`demo --long-thread`), if any.
    public func longThreadTicket() -> Int64? {
        try? read { db in
            try String.fetchOne(db, sql: "SELECT value FROM desk_setting WHERE key = 'long_thread_ticket'").flatMap { Int64($0) }
        }
    }
}
