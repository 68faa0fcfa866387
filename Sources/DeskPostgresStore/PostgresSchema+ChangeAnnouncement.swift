/// Telling every open client that the desk changed. The SQLite desk bumps
/// `desk_change.counter` in each write transaction that others should see; here the same
/// counter is bumped AND `NOTIFY desk_change` is sent, by one function the row layer calls
/// as the last statement of such a transaction (`announceChangeSQL`).
///
/// A function rather than triggers on the tables, because:
/// - the writer decides, as in SQLite (`write(announcesChange:)`): a saved draft, the Recent
///   record or an audit line change nothing another screen shows, and must not wake every
///   client on the desk; a trigger cannot tell those writes apart;
/// - it runs once per transaction, not once per statement or table;
/// - called last, it holds the `desk_change` row lock only from the end of the transaction
///   to its commit, so concurrent writers queue on it for the shortest time.
///
/// The notification carries the new counter. PostgreSQL delivers it at COMMIT and drops it on
/// ROLLBACK, so a listener never reloads for a change that did not happen; a client that
/// reconnects compares the counter (`changeTokenSQL`) to catch up on what it missed.
extension PostgresSchema {
    /// The LISTEN/NOTIFY channel of desk changes.
    public static let changeChannel = "desk_change"

    /// Bumps the counter and notifies; returns the new counter.
    public static let announceChangeSQL = "SELECT deskterm_announce_change()"

    /// The counter as the last committed write left it.
    public static let changeTokenSQL = "SELECT counter FROM desk_change WHERE id = 1"

    static let changeAnnouncementStep = PostgresMigrationStep(name: "pg4-change-announcement", sql: """
        CREATE FUNCTION deskterm_announce_change() RETURNS bigint LANGUAGE plpgsql AS $$
        DECLARE bumped bigint;
        BEGIN
            UPDATE desk_change SET counter = counter + 1 WHERE id = 1 RETURNING counter INTO bumped;
            PERFORM pg_notify('\(changeChannel)', bumped::text);
            RETURN bumped;
        END $$;
        """)
}
