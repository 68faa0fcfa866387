import GRDB

/// Names are `COLLATE NOCASE`: every comparison by name ignores ASCII case.
extension SQLiteRows: SavedViewRows {
    func savedViewCount(userID: UserID, excludingName name: String) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM saved_view WHERE user_id = ? AND name != ?", arguments: [userID, name]) ?? 0
    }

    func upsertSavedView(_ saved: SavedView, userID: UserID) throws {
        try db.execute(
            sql: """
                INSERT INTO saved_view(user_id, name, view, filter, sequence)
                VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM saved_view WHERE user_id = ?))
                ON CONFLICT(user_id, name) DO UPDATE
                    SET name = excluded.name, view = excluded.view, filter = excluded.filter
                """,
            arguments: [userID, saved.name, saved.view.rawValue, saved.filterText, userID])
    }

    func savedViews(userID: UserID) throws -> [SavedView] {
        try Row.fetchAll(
            db, sql: "SELECT name, view, filter FROM saved_view WHERE user_id = ? ORDER BY sequence", arguments: [userID]
        ).map(Self.savedView)
    }

    func savedView(named name: String, userID: UserID) throws -> SavedView? {
        try Row.fetchOne(
            db, sql: "SELECT name, view, filter FROM saved_view WHERE user_id = ? AND name = ?", arguments: [userID, name]
        ).map(Self.savedView)
    }

    func deleteSavedView(named name: String, userID: UserID) throws -> Bool {
        try db.execute(sql: "DELETE FROM saved_view WHERE user_id = ? AND name = ?", arguments: [userID, name])
        return db.changesCount > 0
    }

    private static func savedView(_ row: Row) -> SavedView {
        SavedView(name: row["name"], view: CaseView(rawValue: row["view"]) ?? .all, filterText: row["filter"])
    }
}
