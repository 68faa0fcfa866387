import GRDB

/// Views each user saved (`SavedView`), listed in the order they were saved.
enum SavedViewSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-saved-views", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE saved_view (
                    user_id INTEGER NOT NULL REFERENCES user(id),
                    name TEXT NOT NULL COLLATE NOCASE,
                    view TEXT NOT NULL,
                    filter TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    PRIMARY KEY (user_id, name)
                ) WITHOUT ROWID;
                CREATE INDEX saved_view_order ON saved_view(user_id, sequence);
                """)
        }
    }
}
