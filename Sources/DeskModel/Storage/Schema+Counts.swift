import GRDB

/// Desk-wide ticket counts kept up to date by triggers, so the agents' tab counts never scan
/// a million rows: `all`, `open` (not closed) and `unassignedOpen`. Narrower counts (one
/// agent's, one organisation's, one customer's) are index ranges and stay cheap.
enum CountSchema {
    static let keys = ["all", "open", "unassignedOpen"]

    static let triggers = [
        """
        CREATE TRIGGER ticket_count_insert AFTER INSERT ON ticket BEGIN
            UPDATE ticket_count SET n = n + 1 WHERE key = 'all';
            UPDATE ticket_count SET n = n + (new.status != 'closed') WHERE key = 'open';
            UPDATE ticket_count SET n = n + (new.status != 'closed' AND new.assignee_id IS NULL) WHERE key = 'unassignedOpen';
        END
        """,
        """
        CREATE TRIGGER ticket_count_update AFTER UPDATE OF status, assignee_id ON ticket BEGIN
            UPDATE ticket_count SET n = n + (new.status != 'closed') - (old.status != 'closed') WHERE key = 'open';
            UPDATE ticket_count SET n = n + (new.status != 'closed' AND new.assignee_id IS NULL)
                - (old.status != 'closed' AND old.assignee_id IS NULL) WHERE key = 'unassignedOpen';
        END
        """,
        """
        CREATE TRIGGER ticket_count_delete AFTER DELETE ON ticket BEGIN
            UPDATE ticket_count SET n = n - 1 WHERE key = 'all';
            UPDATE ticket_count SET n = n - (old.status != 'closed') WHERE key = 'open';
            UPDATE ticket_count SET n = n - (old.status != 'closed' AND old.assignee_id IS NULL) WHERE key = 'unassignedOpen';
        END
        """,
    ]
    static let triggerNames = ["ticket_count_insert", "ticket_count_update", "ticket_count_delete"]

    /// Sets the counters from the rows (after a bulk load, or when the table is created).
    static let recount = """
        INSERT OR REPLACE INTO ticket_count(key, n) VALUES
            ('all', (SELECT COUNT(*) FROM ticket)),
            ('open', (SELECT COUNT(*) FROM ticket WHERE is_closed = 0)),
            ('unassignedOpen', (SELECT COUNT(*) FROM ticket WHERE assignee_id IS NULL AND is_closed = 0))
        """

    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-counts", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: "CREATE TABLE ticket_count (key TEXT PRIMARY KEY NOT NULL, n INTEGER NOT NULL) WITHOUT ROWID")
            try db.execute(sql: recount)
            for trigger in triggers { try db.execute(sql: trigger) }
        }
    }
}
