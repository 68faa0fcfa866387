import GRDB

/// Several accounts per person and customer administrators (`AccountRows`): further
/// memberships beside the primary one in `user`, and the administrator mark of any membership.
enum AccountSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v18-accounts", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE account (
                    user_id INTEGER NOT NULL REFERENCES user(id),
                    organisation_id INTEGER NOT NULL REFERENCES organisation(id),
                    case_access TEXT NOT NULL,
                    PRIMARY KEY (user_id, organisation_id)
                ) WITHOUT ROWID;
                CREATE INDEX account_organisation ON account(organisation_id, user_id);
                CREATE TABLE organisation_administrator (
                    user_id INTEGER NOT NULL REFERENCES user(id),
                    organisation_id INTEGER NOT NULL REFERENCES organisation(id),
                    PRIMARY KEY (user_id, organisation_id)
                ) WITHOUT ROWID;
                """)
        }
    }
}
