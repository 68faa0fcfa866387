/// Who may add or remove someone else as a watcher of an existing ticket: the people who could
/// have named them when the ticket was opened (staff; a support contact for colleagues), and
/// everyone for themselves.
extension Permissions {
    public static func canManageWatcher(_ viewer: Viewer, watcher: User, requester: User) -> Bool {
        canManageWatcher(viewer, watcher: watcher) || canNameWatcher(watcher, viewer: viewer, requester: requester)
    }
}
