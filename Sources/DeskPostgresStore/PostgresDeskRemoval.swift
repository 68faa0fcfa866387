import DeskPostgres

/// Takes a desk out of its schema again: for a copy that created the desk in an empty
/// database and then failed, so that the database is empty once more (and `deskterm init`
/// or another copy finds it as it was). The schema held nothing before the desk was created
/// there (`PostgresMigrator` refuses otherwise), so its tables are all the desk's; its functions
/// are the ones named `deskterm_…`. The extensions stay: they may have been there before, and
/// the desk's schema step creates them only if missing.
enum PostgresDeskRemoval {
    static func removeDesk(_ db: PostgresConnection) throws {
        try db.execute("""
            DO $$
            DECLARE
                item record;
            BEGIN
                FOR item IN SELECT c.oid::regclass AS name FROM pg_class c
                            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') LOOP
                    EXECUTE 'DROP TABLE IF EXISTS ' || item.name || ' CASCADE';
                END LOOP;
                FOR item IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                            WHERE p.pronamespace = current_schema()::regnamespace AND p.proname LIKE 'deskterm\\_%'
                              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
                    EXECUTE 'DROP FUNCTION IF EXISTS ' || item.name || ' CASCADE';
                END LOOP;
                DROP TEXT SEARCH CONFIGURATION IF EXISTS \(PostgresSchema.textSearchConfiguration);
            END $$
            """)
    }
}
