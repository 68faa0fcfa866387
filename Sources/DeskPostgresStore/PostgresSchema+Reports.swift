import DeskModel
import DeskPostgres

/// The report's kept aggregates (#14), as SQLite's `ReportSchema` (`v21-reports`): `report_day`
/// (per UTC day and organisation, 0 for none: tickets opened, tickets closed),
/// `ticket.first_response_at` (the first staff public reply), and the report's covering indexes.
///
/// The triggers are per statement, over transition tables, as the ticket counters': a bulk
/// close of a thousand tickets adds its deltas once per day and organisation, in key order
/// (so two writers never deadlock on the counters), and a statement whose deltas are all zero
/// (a reply moving an open ticket's update time) writes nothing. The deltas are added in the
/// database, never computed by the client, so concurrent writers lose nothing.
extension PostgresSchema {
    /// Sets the aggregates from the rows (after a bulk load that disabled the triggers, and in
    /// `doctor --repair`).
    public static let recountReportsSQL = "SELECT deskterm_recount_reports()"

    /// (day, organisation, +opened, +closed) of the rows of `table`, negated with `sign` -1.
    private static func contributions(_ table: String, sign: String) -> String {
        """
        SELECT created_at / 86400 AS day, coalesce(organisation_id, 0) AS organisation_id, \(sign)1 AS opened, 0 AS closed FROM \(table)
        UNION ALL
        SELECT updated_at / 86400, coalesce(organisation_id, 0), 0, \(sign)1 FROM \(table) WHERE status = 'closed'
        """
    }

    /// Adds the summed contributions to `report_day`, skipping the zero ones, in key order.
    private static func addContributions(_ union: String) -> String {
        """
        INSERT INTO report_day AS d (day, organisation_id, opened, closed)
            SELECT day, organisation_id, sum(opened), sum(closed) FROM (\(union)) c
            GROUP BY day, organisation_id HAVING sum(opened) <> 0 OR sum(closed) <> 0
            ORDER BY day, organisation_id
            ON CONFLICT (day, organisation_id) DO UPDATE SET opened = d.opened + excluded.opened, closed = d.closed + excluded.closed;
        """
    }

    /// The earliest staff public reply of ticket `t`.
    private static let firstStaffReply = """
        (SELECT min(m.created_at) FROM message m JOIN "user" u ON u.id = m.author_id
         WHERE m.ticket_id = t.id AND m.kind = 'reply' AND u.role <> 'customer')
        """

    /// Recomputes the first response of the tickets `ids` selects, writing only those that change.
    private static func refreshFirstResponses(_ ids: String) -> String {
        """
        UPDATE ticket t SET first_response_at = \(firstStaffReply)
            WHERE t.id IN (\(ids)) AND t.first_response_at IS DISTINCT FROM \(firstStaffReply);
        """
    }

    /// The tickets, before and after, of the replies (or former replies) a statement moved or changed.
    private static let changedReplyTickets = """
        SELECT n.ticket_id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.kind = 'reply' OR o.kind = 'reply') AND (n.ticket_id, n.kind, n.author_id, n.created_at)
            IS DISTINCT FROM (o.ticket_id, o.kind, o.author_id, o.created_at)
        UNION SELECT o.ticket_id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE o.kind = 'reply' AND n.ticket_id <> o.ticket_id
        """

    static let reportsStep = PostgresMigrationStep(name: "pg15-reports", sql: """
        CREATE TABLE report_day (
            day bigint NOT NULL,
            organisation_id bigint NOT NULL,
            opened bigint NOT NULL,
            closed bigint NOT NULL,
            PRIMARY KEY (day, organisation_id)
        );
        CREATE INDEX report_day_organisation ON report_day (organisation_id, day);
        ALTER TABLE ticket ADD COLUMN first_response_at bigint;

        CREATE FUNCTION deskterm_recount_reports() RETURNS void LANGUAGE sql AS $$
            DELETE FROM report_day;
            \(addContributions(contributions("ticket", sign: "")))
            UPDATE ticket t SET first_response_at = r.at
                FROM (SELECT m.ticket_id, min(m.created_at) AS at FROM message m JOIN "user" u ON u.id = m.author_id
                      WHERE m.kind = 'reply' AND u.role <> 'customer' GROUP BY m.ticket_id) r
                WHERE t.id = r.ticket_id AND t.first_response_at IS DISTINCT FROM r.at;
            UPDATE ticket t SET first_response_at = NULL WHERE t.first_response_at IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM message m JOIN "user" u ON u.id = m.author_id
                WHERE m.ticket_id = t.id AND m.kind = 'reply' AND u.role <> 'customer');
        $$;
        -- The backfill, before the indexes exist so that it maintains none.
        SELECT deskterm_recount_reports();
        CREATE INDEX ticket_report_opened ON ticket (created_at, organisation_id, urgency, first_response_at);
        CREATE INDEX ticket_report_closed ON ticket (updated_at, organisation_id, urgency, created_at, assignee_id)
            WHERE status = 'closed';
        CREATE INDEX ticket_report_backlog ON ticket (is_closed, status, urgency, organisation_id);

        CREATE FUNCTION deskterm_report_ticket_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            \(addContributions(contributions("inserted_rows", sign: "")))
            RETURN NULL;
        END $$;
        CREATE FUNCTION deskterm_report_ticket_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            \(addContributions(contributions("new_rows", sign: "") + " UNION ALL " + contributions("old_rows", sign: "-")))
            RETURN NULL;
        END $$;
        CREATE FUNCTION deskterm_report_ticket_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            \(addContributions(contributions("deleted_rows", sign: "-")))
            RETURN NULL;
        END $$;
        CREATE TRIGGER report_ticket_insert AFTER INSERT ON ticket
            REFERENCING NEW TABLE AS inserted_rows
            FOR EACH STATEMENT EXECUTE FUNCTION deskterm_report_ticket_insert();
        CREATE TRIGGER report_ticket_update AFTER UPDATE ON ticket
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION deskterm_report_ticket_update();
        CREATE TRIGGER report_ticket_delete AFTER DELETE ON ticket
            REFERENCING OLD TABLE AS deleted_rows
            FOR EACH STATEMENT EXECUTE FUNCTION deskterm_report_ticket_delete();

        -- A staff public reply answers its ticket if it is the earliest (an internal note never does).
        CREATE FUNCTION deskterm_report_reply_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE ticket t SET first_response_at = r.at
                FROM (SELECT m.ticket_id, min(m.created_at) AS at FROM inserted_rows m JOIN "user" u ON u.id = m.author_id
                      WHERE m.kind = 'reply' AND u.role <> 'customer' GROUP BY m.ticket_id ORDER BY m.ticket_id) r
                WHERE t.id = r.ticket_id AND (t.first_response_at IS NULL OR t.first_response_at > r.at);
            RETURN NULL;
        END $$;
        CREATE FUNCTION deskterm_report_reply_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            \(refreshFirstResponses(changedReplyTickets))
            RETURN NULL;
        END $$;
        CREATE FUNCTION deskterm_report_reply_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            \(refreshFirstResponses("SELECT ticket_id FROM deleted_rows WHERE kind = 'reply'"))
            RETURN NULL;
        END $$;
        CREATE TRIGGER report_reply_insert AFTER INSERT ON message
            REFERENCING NEW TABLE AS inserted_rows
            FOR EACH STATEMENT EXECUTE FUNCTION deskterm_report_reply_insert();
        CREATE TRIGGER report_reply_update AFTER UPDATE ON message
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION deskterm_report_reply_update();
        CREATE TRIGGER report_reply_delete AFTER DELETE ON message
            REFERENCING OLD TABLE AS deleted_rows
            FOR EACH STATEMENT EXECUTE FUNCTION deskterm_report_reply_delete();
        """)
}
