import Foundation
import GRDB

extension SQLiteRows: OutboxRows {
    func insertOutboxMail(_ mail: OutboxInsert) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO mail_outbox(ticket_id, message_id, recipient_id, recipient, event, header_id, data, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                mail.ticketID, mail.messageID, mail.recipientID, mail.recipient, mail.event, mail.headerID, Data(mail.data),
                mail.createdAt.deskSeconds, mail.createdAt.deskSeconds,
            ])
        return db.lastInsertedRowID
    }

    func mailThreadIDs(ticketID: TicketID) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT id FROM (
                    SELECT header_id AS id, created_at AS at, 1 AS side, id AS seq FROM mail_outbox WHERE ticket_id = ?
                    UNION ALL
                    SELECT trim(header_message_id, '<>'), received_at, 0, id FROM mail_received
                    WHERE ticket_id = ? AND header_message_id <> '' AND outcome IN ('created', 'follow-up', 'added')
                      AND (message_id IS NULL OR message_id IN (SELECT id FROM message WHERE kind = 'reply'))
                ) ORDER BY at, side, seq
                """,
            arguments: [ticketID, ticketID])
    }

    func hasOutboxMail(recipient: String, event: String, since: Date) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM mail_outbox WHERE recipient = ? AND event = ? AND created_at >= ?)",
            arguments: [recipient, event, since.deskSeconds]) ?? false
    }

    func dueOutboxMail(at now: Date, limit: Int) throws -> [OutboxDelivery] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, recipient, attempts, data FROM mail_outbox
                WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?
                """,
            arguments: [now.deskSeconds, limit]
        ).map { row in
            OutboxDelivery(id: row["id"], recipient: row["recipient"], attempts: row["attempts"], data: [UInt8](row["data"] as Data))
        }
    }

    /// A write holds the whole desk, so nobody else claims in between.
    func claimDueOutboxMail(at now: Date, claimedUntil: Date, limit: Int) throws -> [OutboxDelivery] {
        let due = try dueOutboxMail(at: now, limit: limit)
        guard !due.isEmpty else { return [] }
        try db.execute(
            sql: "UPDATE mail_outbox SET next_attempt_at = ? WHERE id IN (\(Array(repeating: "?", count: due.count).joined(separator: ", ")))",
            arguments: StatementArguments([claimedUntil.deskSeconds] + due.map(\.id)))
        return due
    }

    func rescheduleOutboxMail(id: Int64, nextAttemptAt: Date, attempts: Int, error: String?) throws {
        try db.execute(
            sql: "UPDATE mail_outbox SET next_attempt_at = ?, attempts = ?, last_error = COALESCE(?, last_error) WHERE id = ?",
            arguments: [nextAttemptAt.deskSeconds, attempts, error, id])
    }

    func backOffClaimedOutboxMail(id: Int64, claimedUntil: Date, nextAttemptAt: Date, attempts: Int, error: String) throws {
        try db.execute(
            sql: """
                UPDATE mail_outbox SET next_attempt_at = ?, attempts = ?, last_error = ?
                WHERE id = ? AND sent_at IS NULL AND next_attempt_at = ?
                """,
            arguments: [nextAttemptAt.deskSeconds, attempts, error, id, claimedUntil.deskSeconds])
    }

    func markOutboxMailSent(id: Int64, at time: Date) throws {
        try db.execute(
            sql: "UPDATE mail_outbox SET sent_at = ?, last_error = NULL WHERE id = ? AND sent_at IS NULL", arguments: [time.deskSeconds, id])
    }

    func markOutboxMailSent(ids: [Int64], at time: Date) throws {
        guard !ids.isEmpty else { return }
        try db.execute(
            sql: """
                UPDATE mail_outbox SET sent_at = ?, last_error = NULL
                WHERE id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ", "))) AND sent_at IS NULL
                """,
            arguments: StatementArguments([time.deskSeconds] + ids))
    }

    func outboxEntries(limit: Int, unsentOnly: Bool) throws -> [OutboxEntry] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT o.id, t.number, o.recipient, o.event, o.header_id, o.created_at, o.next_attempt_at, o.attempts,
                       o.last_error, o.sent_at
                FROM mail_outbox o LEFT JOIN ticket t ON t.id = o.ticket_id
                \(unsentOnly ? "WHERE o.sent_at IS NULL" : "") ORDER BY o.id DESC LIMIT ?
                """,
            arguments: [limit]
        ).map { row in
            OutboxEntry(
                id: row[0], ticketNumber: row[1], recipient: row[2], event: row[3], headerID: row[4],
                createdAt: Date(deskSeconds: row[5]), nextAttemptAt: Date(deskSeconds: row[6]), attempts: row[7],
                lastError: row[8], sentAt: (row[9] as Int64?).map { Date(deskSeconds: $0) })
        }
    }

    func mailPreferences(userID: UserID) throws -> [String: Bool] {
        Dictionary(
            try Row.fetchAll(db, sql: "SELECT event, wanted FROM mail_preference WHERE user_id = ?", arguments: [userID])
                .map { row -> (String, Bool) in (row["event"], row["wanted"]) },
            uniquingKeysWith: { first, _ in first })
    }

    func outboxMail(headerID: String) throws -> (ticketID: TicketID?, recipient: String)? {
        try Row.fetchOne(db, sql: "SELECT ticket_id, recipient FROM mail_outbox WHERE header_id = ? ORDER BY id LIMIT 1", arguments: [headerID])
            .map { row in (row[0], row[1]) }
    }

    func setMailPreference(userID: UserID, event: String, wanted: Bool) throws {
        try db.execute(
            sql: """
                INSERT INTO mail_preference(user_id, event, wanted) VALUES (?, ?, ?)
                ON CONFLICT(user_id, event) DO UPDATE SET wanted = excluded.wanted
                """,
            arguments: [userID, event, wanted])
    }
}
