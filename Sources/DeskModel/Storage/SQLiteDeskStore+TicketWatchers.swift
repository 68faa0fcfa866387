import GRDB

extension SQLiteDeskStore {
    /// The people the viewer may add to (or remove from) the watchers of ticket `number`:
    /// those the naming rule allows and who may see the ticket, by handle.
    public func ticketWatcherCandidates(number: Int64, viewer: Viewer) throws(DeskError) -> [User] {
        guard Permissions.canNameWatchers(viewer) else { return [] }
        return try read { db in
            let ticket = try Self.visibleTicket(db, number: number, viewer: viewer)
            guard let requester = try Self.user(db, id: ticket.requesterID) else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY handle").map { RowDecoding.user($0) }
                .filter { Permissions.canNameWatcher($0, viewer: viewer, requester: requester) && Permissions.canWatch($0, ticket: ticket) }
        }
    }
}
