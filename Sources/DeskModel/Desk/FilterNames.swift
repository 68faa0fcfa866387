import Foundation

/// What a backend looks up for the names in a filter: plain reads of its own rows, no rules.
package protocol FilterNameLookup {
    /// The user with exactly this handle.
    func userID(handle: String) throws -> UserID?
    /// The organisation of this name, ASCII letters compared without case (SQLite's NOCASE,
    /// `deskterm_nocase` on PostgreSQL), served by the name's unique index.
    func organisationID(nameIgnoringASCIICase name: String) throws -> OrganisationID?
    /// Every organisation's id and name (a small table), for names that differ in accents.
    func organisations() throws -> [(id: OrganisationID, name: String)]
}

/// Finds the rows a filter names (`assignee:bob`, `org:"Librairie Étoile"`): the rules, once for
/// every backend, over a `FilterNameLookup`.
///
/// A name that names nothing is an error for staff, who may list every user and organisation
/// anyway and would rather hear about a typo. For a customer it simply matches no ticket: an
/// error would tell them whether a user or an organisation they cannot see exists.
package struct FilterNames {
    let lookup: any FilterNameLookup
    let reader: ListReader

    package init(lookup: any FilterNameLookup, reader: ListReader) {
        self.lookup = lookup
        self.reader = reader
    }

    /// The user ids of people named in a filter, and whether "no one" (`assignee:none`) is named.
    package func userIDs(_ people: [PersonReference]) throws -> (ids: [UserID], nobody: Bool) {
        var ids: [UserID] = []
        var nobody = false
        for person in people {
            switch person {
            case .me: ids.append(reader.userID)
            case .nobody: nobody = true
            case .handle(let handle):
                if let id = try lookup.userID(handle: handle) {
                    ids.append(id)
                } else if reader.reportsUnknownNames {
                    throw DeskError.userNotFound(handle: handle)
                }
            }
        }
        return (ids, nobody)
    }

    /// Organisation ids by name, compared without case or accents (`etoile` finds `Étoile`).
    package func organisationIDs(_ names: [String]) throws -> [OrganisationID] {
        var ids: [OrganisationID] = []
        var everyOrganisation: [(id: OrganisationID, folded: String)]?
        for name in names {
            if let id = try lookup.organisationID(nameIgnoringASCIICase: name) {
                ids.append(id)
                continue
            }
            // The index folds ASCII only; accents need Foundation, over the (small) organisation table.
            if everyOrganisation == nil {
                everyOrganisation = try lookup.organisations().map { ($0.id, Self.fold($0.name)) }
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
