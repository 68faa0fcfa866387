import Foundation

/// Each user's saved views (`SavedViewRules`). A view belongs to the user who saved it and
/// nobody else reads it.
extension Desk {
    /// Saves the view, or replaces the one of the same name (case ignored) in its place.
    public func saveView(_ saved: SavedView, viewer: Viewer) throws(DeskError) {
        try SavedViewRules.check(saved)
        try write { rows in
            let others = try rows.savedViewCount(userID: viewer.id, excludingName: saved.name)
            if others >= SavedViewRules.perUserLimit {
                throw DeskError.refused(.model("You have {count} saved views, the most one user may keep; delete one first", ["count": .quantity(Int64(others))]))
            }
            try rows.upsertSavedView(saved, userID: viewer.id)
        }
    }

    /// The viewer's saved views, in the order they were first saved.
    public func savedViews(viewer: Viewer) throws(DeskError) -> [SavedView] {
        try read { rows in try rows.savedViews(userID: viewer.id) }
    }

    public func savedView(named name: String, viewer: Viewer) throws(DeskError) -> SavedView {
        guard let found = try read({ rows in try rows.savedView(named: name, userID: viewer.id) }) else {
            throw .savedViewNotFound(name: name)
        }
        return found
    }

    public func deleteSavedView(named name: String, viewer: Viewer) throws(DeskError) {
        try write { rows in
            if try !rows.deleteSavedView(named: name, userID: viewer.id) { throw DeskError.savedViewNotFound(name: name) }
        }
    }
}
