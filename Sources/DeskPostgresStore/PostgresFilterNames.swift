import DeskModel
import DeskPostgres

/// The PostgreSQL rows a filter's names need (`FilterNames`, in DeskModel, holds the rules).
struct PostgresFilterNameLookup: FilterNameLookup {
    let db: PostgresConnection

    func userID(handle: String) throws -> UserID? {
        try db.query("SELECT id FROM \"user\" WHERE handle = $1", [.text(handle)]).first?.decode(Int64.self, at: 0)
    }

    func organisationID(nameIgnoringASCIICase name: String) throws -> OrganisationID? {
        try db.query("SELECT id FROM organisation WHERE deskterm_nocase(name) = deskterm_nocase($1)", [.text(name)])
            .first?.decode(Int64.self, at: 0)
    }

    func organisations() throws -> [(id: OrganisationID, name: String)] {
        try db.query("SELECT id, name FROM organisation").map { row in
            (try row.decode(Int64.self, at: 0), try row.decode(String.self, at: 1))
        }
    }
}
