/// Desk-wide ticket counts kept by triggers, as SQLite's `CountSchema`: `all`, `open` (not
/// closed) and `unassignedOpen`, so the agents' tab counts never count a million rows.
///
/// The triggers are per statement, over transition tables: a bulk assignment of a thousand
/// tickets changes each counter once. Each adds a delta in the database
/// (`UPDATE ticket_count SET n = n + delta`), never a value computed by the client, so
/// concurrent writers lose nothing: the UPDATE locks the counter row until commit; under READ
/// COMMITTED a second writer waits, then re-reads the committed row and adds its delta to it;
/// under REPEATABLE READ or SERIALIZABLE it fails with a serialization failure instead, which
/// the transaction helper runs again. A zero delta writes nothing, so replies and notes (which
/// move only the update times) never wait on the counters, and the rows are updated in one
/// fixed order so two counter updates never deadlock each other.
extension PostgresSchema {
    /// The keys of `ticket_count`, as in SQLite.
    public static let ticketCountKeys = ["all", "open", "unassignedOpen"]

    /// Sets the counters from the rows (after a bulk load that disabled the triggers).
    public static let recountTicketsSQL = "SELECT deskterm_recount_tickets()"

    static let ticketCountsStep = PostgresMigrationStep(name: "pg3-ticket-counts", sql: """
        CREATE TABLE ticket_count (
            key text COLLATE "C" PRIMARY KEY,
            n bigint NOT NULL
        );
        INSERT INTO ticket_count (key, n) VALUES ('all', 0), ('open', 0), ('unassignedOpen', 0);

        CREATE FUNCTION deskterm_recount_tickets() RETURNS void LANGUAGE sql AS $$
            UPDATE ticket_count SET n = (SELECT count(*) FROM ticket) WHERE key = 'all';
            UPDATE ticket_count SET n = (SELECT count(*) FROM ticket WHERE NOT is_closed) WHERE key = 'open';
            UPDATE ticket_count SET n = (SELECT count(*) FROM ticket WHERE NOT is_closed AND assignee_id IS NULL)
                WHERE key = 'unassignedOpen';
        $$;
        SELECT deskterm_recount_tickets();

        -- Adds the deltas in the counters' one fixed order, skipping the ones that are zero.
        CREATE FUNCTION deskterm_add_ticket_counts(all_delta bigint, open_delta bigint, unassigned_open_delta bigint)
        RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            IF all_delta <> 0 THEN
                UPDATE ticket_count SET n = n + all_delta WHERE key = 'all';
            END IF;
            IF open_delta <> 0 THEN
                UPDATE ticket_count SET n = n + open_delta WHERE key = 'open';
            END IF;
            IF unassigned_open_delta <> 0 THEN
                UPDATE ticket_count SET n = n + unassigned_open_delta WHERE key = 'unassignedOpen';
            END IF;
        END $$;

        CREATE FUNCTION deskterm_ticket_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE added record;
        BEGIN
            SELECT count(*) AS all_count,
                   count(*) FILTER (WHERE status <> 'closed') AS open_count,
                   count(*) FILTER (WHERE status <> 'closed' AND assignee_id IS NULL) AS unassigned_open_count
            INTO added FROM inserted_rows;
            PERFORM deskterm_add_ticket_counts(added.all_count, added.open_count, added.unassigned_open_count);
            RETURN NULL;
        END $$;

        CREATE FUNCTION deskterm_ticket_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE removed record;
        BEGIN
            SELECT count(*) AS all_count,
                   count(*) FILTER (WHERE status <> 'closed') AS open_count,
                   count(*) FILTER (WHERE status <> 'closed' AND assignee_id IS NULL) AS unassigned_open_count
            INTO removed FROM deleted_rows;
            PERFORM deskterm_add_ticket_counts(-removed.all_count, -removed.open_count, -removed.unassigned_open_count);
            RETURN NULL;
        END $$;

        -- The counts after the statement minus the counts before it, over the rows it changed.
        CREATE FUNCTION deskterm_ticket_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE before record; after record;
        BEGIN
            SELECT count(*) FILTER (WHERE status <> 'closed') AS open_count,
                   count(*) FILTER (WHERE status <> 'closed' AND assignee_id IS NULL) AS unassigned_open_count
            INTO before FROM old_rows;
            SELECT count(*) FILTER (WHERE status <> 'closed') AS open_count,
                   count(*) FILTER (WHERE status <> 'closed' AND assignee_id IS NULL) AS unassigned_open_count
            INTO after FROM new_rows;
            PERFORM deskterm_add_ticket_counts(
                0, after.open_count - before.open_count, after.unassigned_open_count - before.unassigned_open_count);
            RETURN NULL;
        END $$;

        CREATE TRIGGER ticket_count_insert AFTER INSERT ON ticket
            REFERENCING NEW TABLE AS inserted_rows
            FOR EACH STATEMENT EXECUTE FUNCTION deskterm_ticket_count_insert();
        CREATE TRIGGER ticket_count_update AFTER UPDATE ON ticket
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION deskterm_ticket_count_update();
        CREATE TRIGGER ticket_count_delete AFTER DELETE ON ticket
            REFERENCING OLD TABLE AS deleted_rows
            FOR EACH STATEMENT EXECUTE FUNCTION deskterm_ticket_count_delete();
        """)
}
