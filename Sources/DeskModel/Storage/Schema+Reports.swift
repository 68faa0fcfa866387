import GRDB

/// The team lead's report's kept aggregates (#14), kept by triggers in the transaction of every
/// write, whatever path it takes (create, status change, import, mail-in, auto-close, bulk,
/// merge, removal):
///
/// - `report_day`: per UTC day (`seconds / 86400`) and organisation (0 for none), the tickets
///   opened that day and the tickets whose closure (the last update of a closed ticket: closed
///   is final) fell on it. The report's per-day chart and busiest organisations read a few
///   hundred of these rows instead of the period's tickets.
/// - `ticket.first_response_at`: when staff first replied publicly (an internal note is not a
///   response), so first-response times read the ticket, never its history.
/// - covering indexes the report reads in one range each: tickets by arrival, closed tickets
///   by closure, open tickets by organisation, status and urgency.
///
/// Staff means the author's role, which no command changes once the user exists.
public enum ReportSchema {
    /// A day number from desk seconds (the desk's times are after 1970, so truncation is the floor).
    static func day(_ seconds: String) -> String { "(\(seconds) / 86400)" }

    /// Counts one more `column` ticket on the day and organisation, when `condition` holds.
    private static func increment(_ column: String, day: String, organisation: String, when condition: String = "1") -> String {
        """
        INSERT INTO report_day(day, organisation_id, opened, closed)
                SELECT \(day), IFNULL(\(organisation), 0), \(column == "opened" ? 1 : 0), \(column == "closed" ? 1 : 0) WHERE \(condition)
                ON CONFLICT(day, organisation_id) DO UPDATE SET \(column) = \(column) + 1;
        """
    }

    /// Counts one `column` ticket fewer on the day and organisation, when `condition` holds.
    private static func decrement(_ column: String, day: String, organisation: String, when condition: String = "1") -> String {
        """
        UPDATE report_day SET \(column) = \(column) - 1
                WHERE \(condition) AND day = \(day) AND organisation_id = IFNULL(\(organisation), 0);
        """
    }

    /// The earliest staff public reply of the ticket `ticket` names.
    static func firstStaffReply(_ ticket: String) -> String {
        """
        (SELECT MIN(m.created_at) FROM message m JOIN user u ON u.id = m.author_id
         WHERE m.ticket_id = \(ticket) AND m.kind = 'reply' AND u.role != 'customer')
        """
    }

    static let triggers = [
        """
        CREATE TRIGGER report_ticket_insert AFTER INSERT ON ticket BEGIN
            \(increment("opened", day: day("new.created_at"), organisation: "new.organisation_id"))
            \(increment("closed", day: day("new.updated_at"), organisation: "new.organisation_id", when: "new.status = 'closed'"))
        END
        """,
        """
        CREATE TRIGGER report_ticket_opened_update AFTER UPDATE OF created_at, organisation_id ON ticket
        WHEN old.created_at != new.created_at OR old.organisation_id IS NOT new.organisation_id BEGIN
            \(decrement("opened", day: day("old.created_at"), organisation: "old.organisation_id"))
            \(increment("opened", day: day("new.created_at"), organisation: "new.organisation_id"))
        END
        """,
        """
        CREATE TRIGGER report_ticket_closed_update AFTER UPDATE OF status, updated_at, organisation_id ON ticket
        WHEN (old.status = 'closed' OR new.status = 'closed') AND (old.status != new.status
            OR old.updated_at != new.updated_at OR old.organisation_id IS NOT new.organisation_id) BEGIN
            \(decrement("closed", day: day("old.updated_at"), organisation: "old.organisation_id", when: "old.status = 'closed'"))
            \(increment("closed", day: day("new.updated_at"), organisation: "new.organisation_id", when: "new.status = 'closed'"))
        END
        """,
        """
        CREATE TRIGGER report_ticket_delete AFTER DELETE ON ticket BEGIN
            \(decrement("opened", day: day("old.created_at"), organisation: "old.organisation_id"))
            \(decrement("closed", day: day("old.updated_at"), organisation: "old.organisation_id", when: "old.status = 'closed'"))
        END
        """,
        """
        CREATE TRIGGER report_reply_insert AFTER INSERT ON message
        WHEN new.kind = 'reply' AND EXISTS (SELECT 1 FROM user u WHERE u.id = new.author_id AND u.role != 'customer') BEGIN
            UPDATE ticket SET first_response_at = new.created_at
                WHERE id = new.ticket_id AND (first_response_at IS NULL OR first_response_at > new.created_at);
        END
        """,
        """
        CREATE TRIGGER report_reply_update AFTER UPDATE OF ticket_id, kind, author_id, created_at ON message
        WHEN old.kind = 'reply' OR new.kind = 'reply' BEGIN
            UPDATE ticket SET first_response_at = \(firstStaffReply("ticket.id")) WHERE id IN (old.ticket_id, new.ticket_id);
        END
        """,
        """
        CREATE TRIGGER report_reply_delete AFTER DELETE ON message WHEN old.kind = 'reply' BEGIN
            UPDATE ticket SET first_response_at = \(firstStaffReply("ticket.id"))
                WHERE id = old.ticket_id AND first_response_at IS NOT NULL;
        END
        """,
    ]
    static let triggerNames = [
        "report_ticket_insert", "report_ticket_opened_update", "report_ticket_closed_update", "report_ticket_delete",
        "report_reply_insert", "report_reply_update", "report_reply_delete",
    ]

    /// The covering indexes of the report: arrival (first responses of the tickets opened in
    /// the period), closure (resolutions), and the backlog by status and urgency.
    static let namedIndexes: [(name: String, create: String)] = [
        ("ticket_report_opened", "CREATE INDEX ticket_report_opened ON ticket(created_at, organisation_id, urgency, first_response_at)"),
        ("ticket_report_closed", """
            CREATE INDEX ticket_report_closed ON ticket(updated_at, organisation_id, urgency, created_at, assignee_id) WHERE status = 'closed'
            """),
        ("ticket_report_backlog", "CREATE INDEX ticket_report_backlog ON ticket(is_closed, status, urgency, organisation_id)"),
    ]

    /// `report_day` as a recount from the tickets gives it.
    static let recountedDays = """
        SELECT day, organisation_id, SUM(opened) AS opened, SUM(closed) AS closed FROM (
            SELECT \(day("created_at")) AS day, IFNULL(organisation_id, 0) AS organisation_id, 1 AS opened, 0 AS closed FROM ticket
            UNION ALL
            SELECT \(day("updated_at")), IFNULL(organisation_id, 0), 0, 1 FROM ticket WHERE status = 'closed'
        ) GROUP BY day, organisation_id
        """

    /// Each ticket's first staff public reply, of the tickets that have one.
    static let recountedFirstResponses = """
        SELECT m.ticket_id, MIN(m.created_at) AS at FROM message m JOIN user u ON u.id = m.author_id
        WHERE m.kind = 'reply' AND u.role != 'customer' GROUP BY m.ticket_id
        """

    /// Sets `report_day` from the rows. A bulk import needs only this: it writes each ticket's
    /// first response itself (`finishImportedTicket`, `updateImportedTicket`).
    static let recountDays = [
        "DELETE FROM report_day",
        "INSERT INTO report_day(day, organisation_id, opened, closed) \(recountedDays)",
    ]

    /// Sets the aggregates from the rows: after a bulk load, in the migration, and in `doctor --repair`.
    static let recount = recountDays + [
        """
        UPDATE ticket SET first_response_at = answered.at FROM (\(recountedFirstResponses)) answered
        WHERE ticket.id = answered.ticket_id AND ticket.first_response_at IS NOT answered.at
        """,
        """
        UPDATE ticket SET first_response_at = NULL WHERE first_response_at IS NOT NULL
            AND id NOT IN (SELECT ticket_id FROM (\(recountedFirstResponses)))
        """,
    ]

    /// The days and organisations of `report_day` a recount would change (zero rows count as absent).
    static let differingDays = """
        WITH recounted AS (\(recountedDays)),
             kept AS (SELECT day, organisation_id, opened, closed FROM report_day WHERE opened != 0 OR closed != 0)
        SELECT COUNT(*) FROM (
            SELECT day, organisation_id FROM (SELECT * FROM recounted EXCEPT SELECT * FROM kept)
            UNION SELECT day, organisation_id FROM (SELECT * FROM kept EXCEPT SELECT * FROM recounted))
        """

    /// The tickets whose kept first response a recount would change.
    static let differingFirstResponses = """
        SELECT COUNT(*) FROM ticket t LEFT JOIN (\(recountedFirstResponses)) r ON r.ticket_id = t.id
        WHERE t.first_response_at IS NOT r.at
        """

    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v21-reports", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE report_day (
                    day INTEGER NOT NULL,
                    organisation_id INTEGER NOT NULL,
                    opened INTEGER NOT NULL,
                    closed INTEGER NOT NULL,
                    PRIMARY KEY (day, organisation_id)
                ) WITHOUT ROWID
                """)
            try db.execute(sql: "CREATE INDEX report_day_organisation ON report_day(organisation_id, day)")
            try db.execute(sql: "ALTER TABLE ticket ADD COLUMN first_response_at INTEGER")
            // The backfill runs before the indexes and triggers exist, so it maintains neither.
            for statement in recount { try db.execute(sql: statement) }
            for index in namedIndexes { try db.execute(sql: index.create) }
            for trigger in triggers { try db.execute(sql: trigger) }
        }
    }
}
