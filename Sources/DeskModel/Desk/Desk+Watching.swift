import Foundation

/// Watchers of an existing ticket: who may add or remove whom (`Permissions`). Watching never
/// changes the status or the update time.
extension Desk {
    public func setWatching(number: Int64, handle: String, watching: Bool, by viewer: Viewer) throws(DeskError) {
        try write { rows in try Self.setWatching(rows, number: number, handle: handle, watching: watching, by: viewer) }
    }

    /// A customer naming someone else (or a handle that does not exist, which reads the same).
    static let ownWatchingOnly = Phrase.model("customers manage only their own watching", context: "not allowed")

    static func setWatching(_ rows: any DeskRows, number: Int64, handle: String, watching: Bool, by viewer: Viewer) throws {
        let ticket = try Self.visibleTicket(rows, number: number, viewer: viewer)
        guard let user = try rows.user(handle: handle) else {
            // A customer must not learn which handles exist.
            throw viewer.isStaff ? DeskError.userNotFound(handle: handle) : DeskError.forbidden(Self.ownWatchingOnly)
        }
        guard let requester = try rows.user(id: ticket.requesterID),
              Permissions.canManageWatcher(viewer, watcher: user, requester: requester) else {
            throw DeskError.forbidden(Self.ownWatchingOnly)
        }
        if watching {
            guard Permissions.canWatch(try Self.viewer(rows, user: user), ticket: ticket) else {
                throw DeskError.refused(.model("{handle} is not in the ticket's organisation and cannot watch it", ["handle": .text(handle)]))
            }
            try rows.addWatcher(ticketID: ticket.id, userID: user.id)
        } else {
            try rows.removeWatcher(ticketID: ticket.id, userID: user.id)
        }
    }

    /// The people the viewer may add to (or remove from) the watchers of ticket `number`:
    /// those the naming rule allows and who may see the ticket, by handle.
    public func ticketWatcherCandidates(number: Int64, viewer: Viewer) throws(DeskError) -> [User] {
        guard Permissions.canNameWatchers(viewer) else { return [] }
        return try read { rows in
            let ticket = try Self.visibleTicket(rows, number: number, viewer: viewer)
            guard let requester = try rows.user(id: ticket.requesterID) else { return [] }
            return try rows.usersByHandle()
                .filter { Permissions.canNameWatcher($0, viewer: viewer, requester: requester, organisation: ticket.organisationID) && Permissions.canWatch($0, ticket: ticket) }
        }
    }
}
