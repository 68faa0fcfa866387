import DeskModel
import DeskPostgres

/// The rows a filter names, read from PostgreSQL (SQLite's `FilterNames`, same rules: an
/// unknown name is an error for staff and matches nothing for a customer).
struct PostgresFilterNames {
    let db: PostgresConnection
    let reader: ListReader

    /// The user ids of people named in a filter, and whether "no one" (`assignee:none`) is named.
    func userIDs(_ people: [PersonReference]) throws -> (ids: [UserID], nobody: Bool) {
        var ids: [UserID] = []
        var nobody = false
        for person in people {
            switch person {
            case .me: ids.append(reader.userID)
            case .nobody: nobody = true
            case .handle(let handle):
                if let row = try db.query("SELECT id FROM \"user\" WHERE handle = $1", [.text(handle)]).first {
                    ids.append(try row.decode(Int64.self, at: 0))
                } else if reader.reportsUnknownNames {
                    throw DeskError.userNotFound(handle: handle)
                }
            }
        }
        return (ids, nobody)
    }

    /// Organisation ids by name, compared without case (ASCII, as NOCASE) or else without case
    /// and accents (`etoile` finds `Étoile`).
    func organisationIDs(_ names: [String]) throws -> [OrganisationID] {
        var ids: [OrganisationID] = []
        var everyOrganisation: [(id: OrganisationID, folded: String)]?
        for name in names {
            if let row = try db.query(
                "SELECT id FROM organisation WHERE deskterm_nocase(name) = deskterm_nocase($1)", [.text(name)]
            ).first {
                ids.append(try row.decode(Int64.self, at: 0))
                continue
            }
            // Accents need Foundation's folding, over the (small) organisation table.
            if everyOrganisation == nil {
                everyOrganisation = try db.query("SELECT id, name FROM organisation").map { row in
                    (try row.decode(Int64.self, at: 0), FilterNames.fold(try row.decode(String.self, at: 1)))
                }
            }
            let wanted = FilterNames.fold(name)
            let found = everyOrganisation!.filter { $0.folded == wanted }.map(\.id)
            if found.isEmpty && reader.reportsUnknownNames { throw DeskError.organisationNotFound(name: name) }
            ids += found
        }
        return ids
    }
}
