import Foundation
import GRDB

/// Finds the rows a filter names (`assignee:bob`, `org:"Librairie Étoile"`).
///
/// A name that names nothing is an error for staff, who may list every user and organisation
/// anyway and would rather hear about a typo. For a customer it simply matches no ticket: an
/// error would tell them whether a user or an organisation they cannot see exists.
package struct FilterNames {
    let db: Database
    let reader: ListReader

    /// The user ids of people named in a filter; nil stands for "no one" (`assignee:none`).
    func userIDs(_ people: [PersonReference]) throws -> (ids: [UserID], nobody: Bool) {
        var ids: [UserID] = []
        var nobody = false
        for person in people {
            switch person {
            case .me: ids.append(reader.userID)
            case .nobody: nobody = true
            case .handle(let handle):
                if let id = try UserID.fetchOne(db, sql: "SELECT id FROM user WHERE handle = ?", arguments: [handle]) {
                    ids.append(id)
                } else if reader.reportsUnknownNames {
                    throw DeskError.userNotFound(handle: handle)
                }
            }
        }
        return (ids, nobody)
    }

    /// Organisation ids by name, compared without case or accents (`etoile` finds `Étoile`).
    func organisationIDs(_ names: [String]) throws -> [OrganisationID] {
        var ids: [OrganisationID] = []
        var everyOrganisation: [(id: OrganisationID, folded: String)]?
        for name in names {
            if let id = try OrganisationID.fetchOne(
                db, sql: "SELECT id FROM organisation WHERE name = ? COLLATE NOCASE", arguments: [name]) {
                ids.append(id)
                continue
            }
            // NOCASE folds ASCII only; accents need Foundation, over the (small) organisation table.
            if everyOrganisation == nil {
                everyOrganisation = try Row.fetchAll(db, sql: "SELECT id, name FROM organisation").map { row in
                    (row["id"], Self.fold(row["name"]))
                }
            }
            let wanted = Self.fold(name)
            let found = everyOrganisation!.filter { $0.folded == wanted }.map(\.id)
            if found.isEmpty && reader.reportsUnknownNames { throw DeskError.organisationNotFound(name: name) }
            ids += found
        }
        return ids
    }

    package static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
