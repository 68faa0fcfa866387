import GRDB

/// Each user's settings. Only the user reads or writes their own.
extension SQLiteDeskStore {
    public func userSettings(viewer: Viewer) throws(DeskError) -> UserSettings {
        let values = try read { db in
            Dictionary(
                try Row.fetchAll(db, sql: "SELECT name, value FROM user_setting WHERE user_id = ?", arguments: [viewer.id])
                    .map { row -> (String, String) in (row["name"], row["value"]) },
                uniquingKeysWith: { first, _ in first })
        }
        return UserSettings(
            view: values["view"], sort: values["sort"].flatMap(SortKey.init(rawValue:)),
            oldestFirst: values["oldestFirst"].map { $0 == "1" }, language: values["language"],
            copiesToClipboard: values["osc52"].map { $0 == "1" })
    }

    /// A side write of a reader: it never waits for another process and changes nothing
    /// other screens show, so it does not announce a change.
    public func saveUserSettings(_ settings: UserSettings, viewer: Viewer) throws(DeskError) {
        let values: [(String, String?)] = [
            ("view", settings.view), ("sort", settings.sort?.rawValue),
            ("oldestFirst", settings.oldestFirst.map { $0 ? "1" : "0" }), ("language", settings.language),
            ("osc52", settings.copiesToClipboard.map { $0 ? "1" : "0" }),
        ]
        try write(announcesChange: false, waitsForWriters: false) { db in
            for case let (name, value?) in values {
                try db.execute(
                    sql: """
                        INSERT INTO user_setting(user_id, name, value) VALUES (?, ?, ?)
                        ON CONFLICT(user_id, name) DO UPDATE SET value = excluded.value
                        """,
                    arguments: [viewer.id, name, value])
            }
        }
    }
}
