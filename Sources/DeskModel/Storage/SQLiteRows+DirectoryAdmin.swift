import GRDB

extension SQLiteRows: DirectoryAdminRows {
    func updateDeskSettings(_ settings: DeskSettings) throws {
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

    func deskSettingValue(key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM desk_setting WHERE key = ?", arguments: [key])
    }

    func organisationID(named name: String) throws -> OrganisationID? {
        // The column is COLLATE NOCASE: the comparison ignores ASCII case.
        try OrganisationID.fetchOne(db, sql: "SELECT id FROM organisation WHERE name = ?", arguments: [name])
    }

    func insertOrganisation(name: String, plan: Plan, tier: SupportTier) throws -> OrganisationID {
        try db.execute(
            sql: "INSERT INTO organisation(name, plan, tier) VALUES (?, ?, ?)", arguments: [name, plan.rawValue, tier.rawValue])
        return db.lastInsertedRowID
    }

    func organisationsByName() throws -> [Organisation] {
        try Row.fetchAll(db, sql: "SELECT * FROM organisation ORDER BY name").map(RowDecoding.organisation)
    }

    func insertUser(_ user: UserInsert) throws -> UserID {
        try db.execute(
            sql: "INSERT INTO user(handle, name, email, role, organisation_id, case_access) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [user.handle, user.name, user.email, user.role.rawValue, user.organisationID, user.caseAccess.rawValue])
        return db.lastInsertedRowID
    }

    func usersByHandle() throws -> [User] {
        try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY handle").map { RowDecoding.user($0) }
    }
}
