import GRDB

/// Each user's settings (`UserSettings`), one row per setting, so a new setting (the
/// language) needs no new column.
enum UserSettingsSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10-user-settings", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE user_setting (
                    user_id INTEGER NOT NULL REFERENCES user(id),
                    name TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (user_id, name)
                ) WITHOUT ROWID;
                """)
        }
    }
}
