extension DeskStore {
    /// The people the viewer may name as watchers of a ticket they open for themselves, by
    /// handle: the naming rule applied to the directory, so no one else is ever offered.
    public func watcherCandidates(for viewer: Viewer) throws(DeskError) -> [User] {
        guard Permissions.canNameWatchers(viewer) else { return [] }
        return try users()
            .filter { Permissions.canNameWatcher($0, viewer: viewer, requester: viewer.user) }
            .sorted { $0.handle < $1.handle }
    }
}
