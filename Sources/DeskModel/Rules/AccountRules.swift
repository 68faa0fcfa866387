/// Who manages an organisation's portal users (customer administrators, Tableau's portal
/// users with different rights). `nil` is the desk's operator, trusted by file access.
extension Permissions {
    /// Desk admins manage every organisation; a customer administers only the organisations
    /// of their accounts marked so; agents and other customers none.
    public static func canManageMembers(of organisationID: OrganisationID, actor: Viewer?) -> Bool {
        guard let actor else { return true }
        if actor.role == .admin { return true }
        return actor.role == .customer && actor.administers(organisationID)
    }

    /// Naming customer administrators stays with the desk's admins: a customer administrator
    /// cannot grant the right they hold.
    public static func canNameAdministrators(actor: Viewer?) -> Bool {
        actor == nil || actor?.role == .admin
    }

    /// Customer administrators see the portal-user screen and commands.
    public static func isCustomerAdministrator(_ viewer: Viewer) -> Bool {
        viewer.role == .customer && viewer.memberships.contains { $0.isAdministrator }
    }

    static let membersRefusal = Phrase.model(
        "only admins and the organisation's customer administrators manage its portal users", context: "not allowed")
}
