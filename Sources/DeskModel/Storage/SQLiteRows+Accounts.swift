import GRDB

extension SQLiteRows: AccountRows {
    func furtherAccounts(userID: UserID) throws -> [AccountRow] {
        try Row.fetchAll(
            db, sql: "SELECT organisation_id, case_access FROM account WHERE user_id = ? ORDER BY organisation_id",
            arguments: [userID]
        ).map { AccountRow(organisationID: $0["organisation_id"], caseAccess: CaseAccess(rawValue: $0["case_access"]) ?? .own) }
    }

    func insertAccount(userID: UserID, organisationID: OrganisationID, caseAccess: CaseAccess) throws {
        try db.execute(
            sql: "INSERT INTO account(user_id, organisation_id, case_access) VALUES (?, ?, ?)",
            arguments: [userID, organisationID, caseAccess.rawValue])
    }

    func deleteAccount(userID: UserID, organisationID: OrganisationID) throws {
        try db.execute(sql: "DELETE FROM account WHERE user_id = ? AND organisation_id = ?", arguments: [userID, organisationID])
        try setAdministrator(userID: userID, organisationID: organisationID, administrator: false)
    }

    func dropWatches(userID: UserID, organisationID: OrganisationID) throws {
        try db.execute(sql: """
            DELETE FROM watcher WHERE user_id = ? AND ticket_id IN
                (SELECT id FROM ticket WHERE organisation_id = ? AND requester_id <> ?)
            """, arguments: [userID, organisationID, userID])
    }

    func updateAccountAccess(userID: UserID, organisationID: OrganisationID, caseAccess: CaseAccess) throws {
        try db.execute(
            sql: "UPDATE account SET case_access = ? WHERE user_id = ? AND organisation_id = ?",
            arguments: [caseAccess.rawValue, userID, organisationID])
    }

    func updatePrimaryAccount(userID: UserID, organisationID: OrganisationID, caseAccess: CaseAccess) throws {
        try db.execute(
            sql: "UPDATE user SET organisation_id = ?, case_access = ? WHERE id = ?",
            arguments: [organisationID, caseAccess.rawValue, userID])
    }

    func administeredOrganisations(userID: UserID) throws -> [OrganisationID] {
        try OrganisationID.fetchAll(
            db, sql: "SELECT organisation_id FROM organisation_administrator WHERE user_id = ? ORDER BY organisation_id",
            arguments: [userID])
    }

    func setAdministrator(userID: UserID, organisationID: OrganisationID, administrator: Bool) throws {
        let sql = administrator
            ? "INSERT OR IGNORE INTO organisation_administrator(user_id, organisation_id) VALUES (?, ?)"
            : "DELETE FROM organisation_administrator WHERE user_id = ? AND organisation_id = ?"
        try db.execute(sql: sql, arguments: [userID, organisationID])
    }

    func members(organisationID: OrganisationID) throws -> [User] {
        try Row.fetchAll(
            db, sql: """
                SELECT * FROM user WHERE organisation_id = ?
                   OR id IN (SELECT user_id FROM account WHERE organisation_id = ?)
                ORDER BY handle
                """,
            arguments: [organisationID, organisationID]
        ).map { RowDecoding.user($0) }
    }
}
