/// The next ticket number, unique however many creators run at once.
///
/// SQLite takes `MAX(number) + 1` inside its one writer. Here many transactions create at
/// once, so the last number given is kept in a one-row table, `ticket_number_counter`, and
/// `deskterm_next_ticket_number()` bumps it inside the creating transaction (`UPDATE ... SET
/// last_number = last_number + 1 RETURNING`). The UPDATE locks the row until that transaction
/// ends: under READ COMMITTED the next creator waits, then adds one to the committed number;
/// under REPEATABLE READ or SERIALIZABLE it fails with a serialization failure and the
/// transaction helper runs it again (so ticket creation should run READ COMMITTED: 50 creators
/// at once would otherwise each retry up to 49 times). A rolled-back creation gives its number
/// back, so numbers stay gap-free as on SQLite, and the unique constraint on `ticket.number`
/// stays as the last guard.
///
/// A sequence (`nextval`) would never wait, but leaves gaps and is not transactional; the
/// ticket counters (`ticket_count`) already serialise creators on a row, so a sequence would
/// save no waiting here.
///
/// Rows inserted with their own numbers (a desk copied or imported with its numbers) move the
/// counter past them through a statement trigger, so both ways share one counter.
extension PostgresSchema {
    /// Returns the number for a ticket about to be inserted in the same transaction.
    public static let nextTicketNumberSQL = "SELECT deskterm_next_ticket_number()"

    static let ticketNumbersStep = PostgresMigrationStep(name: "pg5-ticket-numbers", sql: """
        CREATE TABLE ticket_number_counter (
            id integer PRIMARY KEY CHECK (id = 1),
            last_number bigint NOT NULL
        );
        INSERT INTO ticket_number_counter (id, last_number) VALUES (1, (SELECT coalesce(max(number), 0) FROM ticket));

        CREATE FUNCTION deskterm_next_ticket_number() RETURNS bigint LANGUAGE sql AS $$
            UPDATE ticket_number_counter SET last_number = last_number + 1 WHERE id = 1 RETURNING last_number
        $$;

        -- Only a number beyond the counter writes (and locks) it: a ticket numbered by
        -- deskterm_next_ticket_number() never does.
        CREATE FUNCTION deskterm_ticket_number_follow() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE ticket_number_counter c SET last_number = inserted.highest
            FROM (SELECT max(number) AS highest FROM inserted_rows) AS inserted
            WHERE c.id = 1 AND inserted.highest > c.last_number;
            RETURN NULL;
        END $$;
        CREATE TRIGGER ticket_number_follow AFTER INSERT ON ticket
            REFERENCING NEW TABLE AS inserted_rows
            FOR EACH STATEMENT EXECUTE FUNCTION deskterm_ticket_number_follow();
        """)
}
