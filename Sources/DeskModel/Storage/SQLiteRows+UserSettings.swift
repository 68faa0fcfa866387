import GRDB

extension SQLiteRows: UserSettingRows {
    func userSettingValues(userID: UserID) throws -> [String: String] {
        Dictionary(
            try Row.fetchAll(db, sql: "SELECT name, value FROM user_setting WHERE user_id = ?", arguments: [userID])
                .map { row -> (String, String) in (row["name"], row["value"]) },
            uniquingKeysWith: { first, _ in first })
    }

    func setUserSetting(userID: UserID, name: String, value: String) throws {
        try db.execute(
            sql: """
                INSERT INTO user_setting(user_id, name, value) VALUES (?, ?, ?)
                ON CONFLICT(user_id, name) DO UPDATE SET value = excluded.value
                """,
            arguments: [userID, name, value])
    }

    func removeUserSetting(userID: UserID, name: String) throws {
        try db.execute(sql: "DELETE FROM user_setting WHERE user_id = ? AND name = ?", arguments: [userID, name])
    }

    func userSettingValues(name: String) throws -> [UserID: String] {
        Dictionary(
            try Row.fetchAll(db, sql: "SELECT user_id, value FROM user_setting WHERE name = ?", arguments: [name])
                .map { row -> (UserID, String) in (row["user_id"], row["value"]) },
            uniquingKeysWith: { first, _ in first })
    }
}
