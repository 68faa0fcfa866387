import GRDB

/// Each user's saved views. A view belongs to the user who saved it and nobody else reads it.
extension SQLiteDeskStore {
    /// Saves the view, or replaces the one of the same name (case ignored) in its place.
    public func saveView(_ saved: SavedView, viewer: Viewer) throws(DeskError) {
        try SavedViewRules.check(saved)
        try write { db in
            let others = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM saved_view WHERE user_id = ? AND name != ?",
                arguments: [viewer.id, saved.name]) ?? 0
            if others >= SavedViewRules.perUserLimit {
                throw DeskError.invalidInput("You have \(others) saved views, the most one user may keep; delete one first")
            }
            try db.execute(
                sql: """
                    INSERT INTO saved_view(user_id, name, view, filter, sequence)
                    VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM saved_view WHERE user_id = ?))
                    ON CONFLICT(user_id, name) DO UPDATE
                        SET name = excluded.name, view = excluded.view, filter = excluded.filter
                    """,
                arguments: [viewer.id, saved.name, saved.view.rawValue, saved.filterText, viewer.id])
        }
    }

    /// The viewer's saved views, in the order they were first saved.
    public func savedViews(viewer: Viewer) throws(DeskError) -> [SavedView] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT name, view, filter FROM saved_view WHERE user_id = ? ORDER BY sequence",
                arguments: [viewer.id]
            ).map(Self.savedView)
        }
    }

    public func savedView(named name: String, viewer: Viewer) throws(DeskError) -> SavedView {
        let found = try read { db in
            try Row.fetchOne(
                db, sql: "SELECT name, view, filter FROM saved_view WHERE user_id = ? AND name = ?",
                arguments: [viewer.id, name]
            ).map(Self.savedView)
        }
        guard let found else { throw .savedViewNotFound(name: name) }
        return found
    }

    public func deleteSavedView(named name: String, viewer: Viewer) throws(DeskError) {
        try write { db in
            try db.execute(sql: "DELETE FROM saved_view WHERE user_id = ? AND name = ?", arguments: [viewer.id, name])
            if db.changesCount == 0 { throw DeskError.savedViewNotFound(name: name) }
        }
    }

    private static func savedView(_ row: Row) -> SavedView {
        SavedView(name: row["name"], view: CaseView(rawValue: row["view"]) ?? .all, filterText: row["filter"])
    }
}
