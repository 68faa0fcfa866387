import GRDB

/// The SQLite rows a filter's names need (`FilterNames` holds the rules).
struct SQLiteFilterNameLookup: FilterNameLookup {
    let db: Database

    func userID(handle: String) throws -> UserID? {
        try UserID.fetchOne(db, sql: "SELECT id FROM user WHERE handle = ?", arguments: [handle])
    }

    func organisationID(nameIgnoringASCIICase name: String) throws -> OrganisationID? {
        try OrganisationID.fetchOne(db, sql: "SELECT id FROM organisation WHERE name = ? COLLATE NOCASE", arguments: [name])
    }

    func organisations() throws -> [(id: OrganisationID, name: String)] {
        try Row.fetchAll(db, sql: "SELECT id, name FROM organisation").map { ($0["id"], $0["name"]) }
    }
}
