import DeskPostgres

extension PostgresSchema {
    /// Several accounts per person and customer administrators (SQLite's `v18-accounts`).
    static let accountsStep = PostgresMigrationStep(name: "pg12-accounts", sql: """
        CREATE TABLE account (
            user_id bigint NOT NULL REFERENCES "user" (id),
            organisation_id bigint NOT NULL REFERENCES organisation (id),
            case_access text COLLATE "C" NOT NULL,
            PRIMARY KEY (user_id, organisation_id)
        );
        CREATE INDEX account_organisation ON account (organisation_id, user_id);
        CREATE TABLE organisation_administrator (
            user_id bigint NOT NULL REFERENCES "user" (id),
            organisation_id bigint NOT NULL REFERENCES organisation (id),
            PRIMARY KEY (user_id, organisation_id)
        );
        """)
}
