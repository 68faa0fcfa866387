import DeskModel
import DeskPostgres

extension PostgresRows: AccountRows {
    func furtherAccounts(userID: UserID) throws -> [AccountRow] {
        try db.query(
            "SELECT organisation_id, case_access FROM account WHERE user_id = $1 ORDER BY organisation_id", [.int(userID)]
        ).map { row in
            AccountRow(
                organisationID: try row.decode(Int64.self, at: 0),
                caseAccess: CaseAccess(rawValue: try row.decode(String.self, at: 1)) ?? .own)
        }
    }

    func insertAccount(userID: UserID, organisationID: OrganisationID, caseAccess: CaseAccess) throws {
        try db.execute(
            "INSERT INTO account (user_id, organisation_id, case_access) VALUES ($1, $2, $3)",
            [.int(userID), .int(organisationID), .text(caseAccess.rawValue)])
    }

    func deleteAccount(userID: UserID, organisationID: OrganisationID) throws {
        try db.execute("DELETE FROM account WHERE user_id = $1 AND organisation_id = $2", [.int(userID), .int(organisationID)])
        try setAdministrator(userID: userID, organisationID: organisationID, administrator: false)
    }

    func dropWatches(userID: UserID, organisationID: OrganisationID) throws {
        try db.execute("""
            DELETE FROM watcher WHERE user_id = $1 AND ticket_id IN
                (SELECT id FROM ticket WHERE organisation_id = $2 AND requester_id <> $1)
            """, [.int(userID), .int(organisationID)])
    }

    func updateAccountAccess(userID: UserID, organisationID: OrganisationID, caseAccess: CaseAccess) throws {
        try db.execute(
            "UPDATE account SET case_access = $1 WHERE user_id = $2 AND organisation_id = $3",
            [.text(caseAccess.rawValue), .int(userID), .int(organisationID)])
    }

    func updatePrimaryAccount(userID: UserID, organisationID: OrganisationID, caseAccess: CaseAccess) throws {
        try db.execute(
            "UPDATE \"user\" SET organisation_id = $1, case_access = $2 WHERE id = $3",
            [.int(organisationID), .text(caseAccess.rawValue), .int(userID)])
    }

    func administeredOrganisations(userID: UserID) throws -> [OrganisationID] {
        try db.query(
            "SELECT organisation_id FROM organisation_administrator WHERE user_id = $1 ORDER BY organisation_id", [.int(userID)]
        ).map { try $0.decode(Int64.self, at: 0) }
    }

    func setAdministrator(userID: UserID, organisationID: OrganisationID, administrator: Bool) throws {
        let sql = administrator
            ? "INSERT INTO organisation_administrator (user_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"
            : "DELETE FROM organisation_administrator WHERE user_id = $1 AND organisation_id = $2"
        try db.execute(sql, [.int(userID), .int(organisationID)])
    }

    func members(organisationID: OrganisationID) throws -> [User] {
        try db.query(
            """
            SELECT \(PostgresRowDecoding.userColumns()) FROM "user"
            WHERE organisation_id = $1 OR id IN (SELECT user_id FROM account WHERE organisation_id = $1)
            ORDER BY handle
            """, [.int(organisationID)]
        ).map(PostgresRowDecoding.user)
    }
}
