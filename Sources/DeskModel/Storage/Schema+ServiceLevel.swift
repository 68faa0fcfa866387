import Foundation
import GRDB

/// Service levels (#13): each ticket's due times, kept by `Desk` in the transaction that
/// changes the ticket, and `due_at`, the earliest running one (`TicketDue.neverSeconds` when
/// none runs), which the due-soon order and the breach counts read through indexes.
public enum ServiceLevelSchema {
    static let columns = [
        "ALTER TABLE ticket ADD COLUMN first_response_due INTEGER",
        "ALTER TABLE ticket ADD COLUMN resolution_due INTEGER",
        "ALTER TABLE ticket ADD COLUMN first_response_left INTEGER",
        "ALTER TABLE ticket ADD COLUMN resolution_left INTEGER",
        "ALTER TABLE ticket ADD COLUMN due_at INTEGER NOT NULL DEFAULT \(TicketDue.neverSeconds)",
    ]

    /// The list indexes of the due-soon order, for the views and filters agents read;
    /// customers do not see due times (README, "Service levels"). Public so that PostgreSQL
    /// makes the same ones.
    public static let listIndexPrefixes: [[String]] = [
        [], ["is_closed"], ["assignee_id"], ["assignee_id", "is_closed"],
        // An agent's filter by requester or organisation, in the due-soon order.
        ["requester_id"], ["requester_id", "is_closed"], ["organisation_id"], ["organisation_id", "is_closed"],
    ]

    static var namedIndexes: [(name: String, create: String)] {
        listIndexPrefixes.map { prefix in
            let columns = prefix + ["due_at"]
            let name = "ticket_list_\(columns.joined(separator: "_"))"
            return (name, "CREATE INDEX \(name) ON ticket(\(columns.joined(separator: ", ")))")
        }
    }

    static var indexes: [String] { namedIndexes.map(\.create) }

    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v16-sla", foreignKeyChecks: .immediate) { db in
            for statement in columns { try db.execute(sql: statement) }
            // The clocks start before the indexes exist, so the updates do not maintain them.
            try ServiceClockBackfill.run(SQLiteRows(db: db), now: Date())
            for index in indexes { try db.execute(sql: index) }
        }
    }
}
