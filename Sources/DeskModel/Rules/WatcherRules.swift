/// Who may be named as a watcher when a ticket is opened. Watching itself follows
/// `Permissions.canWatch`; naming someone else is narrower for customers.
extension Permissions {
    /// Staff name anyone; a customer names colleagues only when they are their organisation's
    /// support contact (organisation access), since only they may see the colleagues' tickets.
    public static func canNameWatchers(_ viewer: Viewer) -> Bool {
        viewer.isStaff || !viewer.wholeOrganisations.isEmpty
    }

    /// Whether `watcher` may be named on a ticket `viewer` opens for `requester`. Staff may name
    /// anyone who could watch it (other staff, the requester's colleagues): "never another
    /// organisation's ticket" holds for watchers too. A support contact names colleagues.
    public static func canNameWatcher(_ watcher: User, viewer: Viewer, requester: User) -> Bool {
        canNameWatcher(watcher, viewer: viewer, requester: requester, organisation: requester.organisationID)
    }

    /// The same for a ticket of `organisation` (the account it is filed under): a customer names
    /// colleagues of that organisation only, and only when they see it whole.
    public static func canNameWatcher(_ watcher: User, viewer: Viewer, requester: User, organisation: OrganisationID?) -> Bool {
        guard watcher.id != requester.id, canNameWatchers(viewer) else { return false }
        if viewer.isStaff {
            return watcher.role.isStaff || (watcher.organisationID != nil && watcher.organisationID == organisation)
        }
        guard let organisation, viewer.wholeOrganisations.contains(organisation) else { return false }
        return watcher.role == .customer && watcher.organisationID == organisation
    }
}
