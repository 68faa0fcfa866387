import Foundation

/// What a customer administrator may do beyond membership (`DeskAccounts`): authorise the SSH
/// keys of their organisations' portal users, and read those users' audit entries.
public protocol DeskCustomerAdministration {
    /// Whether the actor may authorise or revoke the SSH keys of `handle`: desk admins (and the
    /// operator) anyone's; a customer administrator only a customer of an organisation they
    /// administer, never staff. Anyone else is refused; to a customer administrator a
    /// handle outside their organisations reads like one that does not exist.
    func checkKeyManagement(handle: String, by actor: Viewer?) throws(DeskError)
    /// The audit entries of the organisation's members, newest first.
    func organisationAudit(organisation: String, by actor: Viewer?, limit: Int) throws(DeskError) -> [AuditEntry]
}

extension Desk: DeskCustomerAdministration {
    public func checkKeyManagement(handle: String, by actor: Viewer?) throws(DeskError) {
        if let actor, actor.role != .admin, !Permissions.isCustomerAdministrator(actor) {
            throw .forbidden(.model("only admins and customer administrators authorise SSH keys", context: "not allowed"))
        }
        try read { rows in
            let user = try Self.member(rows, handle: handle, actor: actor)
            if let actor, actor.role != .admin, user.role != .customer { throw DeskError.userNotFound(handle: handle) }
        }
    }

    public func organisationAudit(organisation: String, by actor: Viewer?, limit: Int) throws(DeskError) -> [AuditEntry] {
        try read { rows in
            let organisation = try Self.managedOrganisation(rows, named: organisation, actor: actor)
            var entries: [AuditEntry] = []
            // Members are few: each one's newest entries, merged. A member who also belongs to an
            // organisation the actor does not administer is left out: their entries tell of
            // work for others.
            for member in try rows.members(organisationID: organisation.id) where try Self.managesEveryAccount(rows, of: member, actor: actor) {
                entries += try rows.auditEntries(handle: member.handle, limit: limit)
            }
            return Array(entries.sorted { ($0.at, $0.id) > ($1.at, $1.id) }.prefix(limit))
        }
    }
}
