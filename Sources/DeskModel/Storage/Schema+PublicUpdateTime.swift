import Foundation
import GRDB

/// The time of the last change a customer may see, kept beside `updated_at` (which internal
/// notes also move) in `public_updated_at`. Customers' lists, orders, `updated:` filters and
/// shown times read it, so the time of a note never tells them that a note exists.
///
/// Set by every change customers see: a public reply, a system event (status, assignment,
/// auto-close, all shown to them), a file on the ticket or on a public reply. Not by an
/// internal note, nor a file on one. Watchers change neither time.
package enum PublicUpdateTimeSchema {
    /// The update time a viewer may read: staff the full one, customers the public one.
    package static func updatedColumn(seenBy visibility: TicketVisibility) -> String {
        visibility.readsPublicUpdateTime ? "public_updated_at" : "updated_at"
    }

    /// The customers' narrowing prefixes (`ListQuery`): their pages in order of the public time
    /// are index ranges like the staff's.
    static let listIndexPrefixes: [[String]] = [
        ["requester_id"], ["requester_id", "is_closed"],
        ["organisation_id"], ["organisation_id", "is_closed"],
    ]

    static var indexes: [(name: String, create: String)] {
        let lists = listIndexPrefixes.map { prefix -> (name: String, create: String) in
            let columns = prefix + ["public_updated_at"]
            let name = "ticket_list_" + columns.joined(separator: "_")
            return (name, "CREATE INDEX \(name) ON ticket(\(columns.joined(separator: ", ")))")
        }
        // Auto-close finds idle pending tickets by the public time.
        return lists + [("ticket_pending_public_updated", "CREATE INDEX ticket_pending_public_updated ON ticket(status, public_updated_at)")]
    }

    /// The public time from the history, in one statement over the whole desk: the ticket's
    /// creation, its newest message that is not an internal note, its newest file not sent
    /// with a message (a file sent with a message has the message's time).
    static let backFill = """
        UPDATE ticket SET public_updated_at = MAX(created_at,
            COALESCE((SELECT MAX(m.created_at) FROM message m
                      WHERE m.ticket_id = ticket.id AND m.kind != 'internalNote'), 0),
            COALESCE((SELECT MAX(a.created_at) FROM attachment a
                      WHERE a.ticket_id = ticket.id AND a.message_id IS NULL), 0))
        """

    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12-public-update-time", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: "ALTER TABLE ticket ADD COLUMN public_updated_at INTEGER NOT NULL DEFAULT 0")
            try db.execute(sql: backFill)
            for index in indexes { try db.execute(sql: index.create) }
        }
    }
}

extension RowDecoding {
    /// `summaryColumns` with the update time the viewer may read (still named `updated_at`).
    static func summaryColumns(seenBy visibility: TicketVisibility) -> String {
        visibility.readsPublicUpdateTime
            ? summaryColumns.replacingOccurrences(of: "t.updated_at", with: "t.public_updated_at AS updated_at") : summaryColumns
    }

    /// A ticket row (`t.*`) with the update time the viewer may read.
    static func ticket(_ row: Row, seenBy viewer: Viewer) -> Ticket {
        ticket(row, readingPublicTime: !viewer.isStaff)
    }

    static func ticket(_ row: Row, readingPublicTime: Bool) -> Ticket {
        var ticket = ticket(row)
        if readingPublicTime { ticket.updatedAt = Date(deskSeconds: row["public_updated_at"]) }
        return ticket
    }
}
