import DeskModel
import DeskPostgres
import Foundation

extension PostgresRows: OutboxRows {
    func insertOutboxMail(_ mail: OutboxInsert) throws -> Int64 {
        try db.query(
            """
            INSERT INTO mail_outbox (ticket_id, message_id, recipient_id, recipient, event, header_id, data, created_at, next_attempt_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id
            """,
            [
                .optional(mail.ticketID, PostgresValue.int), .optional(mail.messageID, PostgresValue.int),
                .optional(mail.recipientID, PostgresValue.int), .text(mail.recipient), .text(mail.event), .text(mail.headerID),
                .bytes(Data(mail.data)), .int(mail.createdAt.deskSeconds),
            ])[0].decode(Int64.self, at: 0)
    }

    func mailThreadIDs(ticketID: TicketID) throws -> [String] {
        try db.query(
            """
            SELECT id FROM (
                SELECT header_id AS id, created_at AS at, 1 AS side, id AS seq FROM mail_outbox WHERE ticket_id = $1
                UNION ALL
                SELECT btrim(header_message_id, '<>'), received_at, 0, id FROM mail_received
                WHERE ticket_id = $1 AND header_message_id <> '' AND outcome IN ('created', 'follow-up', 'added')
                      AND (message_id IS NULL OR message_id IN (SELECT id FROM message WHERE kind = 'reply'))
            ) AS thread ORDER BY at, side, seq
            """,
            [.int(ticketID)]
        ).map { try $0.decode(String.self, at: 0) }
    }

    func hasOutboxMail(recipient: String, event: String, since: Date) throws -> Bool {
        try db.query(
            "SELECT EXISTS (SELECT 1 FROM mail_outbox WHERE recipient = $1 AND event = $2 AND created_at >= $3)",
            [.text(recipient), .text(event), .int(since.deskSeconds)])[0].decode(Bool.self, at: 0)
    }

    /// In a write (a delivery's claim) the rows are locked, and rows another deliverer is
    /// claiming are skipped: READ COMMITTED would otherwise let two deliverers claim the same mail.
    func dueOutboxMail(at now: Date, limit: Int) throws -> [OutboxDelivery] {
        try db.query(
            """
            SELECT id, recipient, attempts, data FROM mail_outbox
            WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2
            \(forWrite ? "FOR UPDATE SKIP LOCKED" : "")
            """,
            [.int(now.deskSeconds), .int(Int64(limit))]
        ).map { row in
            OutboxDelivery(
                id: try row.decode(at: 0), recipient: try row.decode(at: 1), attempts: try row.decode(at: 2),
                data: [UInt8](try row.decode(Data.self, at: 3)))
        }
    }

    /// One statement, one round trip: the due rows are locked as they are chosen, those another
    /// deliverer is claiming skipped, and moved together; the order is the queue's.
    func claimDueOutboxMail(at now: Date, claimedUntil: Date, limit: Int) throws -> [OutboxDelivery] {
        guard limit > 0 else { return [] }
        return try db.query(
            """
            WITH due AS (
                SELECT id, next_attempt_at FROM mail_outbox
                WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2
                FOR UPDATE SKIP LOCKED
            )
            UPDATE mail_outbox o SET next_attempt_at = $3 FROM due WHERE o.id = due.id
            RETURNING o.id, o.recipient, o.attempts, o.data, due.next_attempt_at
            """,
            [.int(now.deskSeconds), .int(Int64(limit)), .int(claimedUntil.deskSeconds)]
        ).map { row in
            (due: try row.decode(Int64.self, at: 4),
             mail: OutboxDelivery(
                id: try row.decode(at: 0), recipient: try row.decode(at: 1), attempts: try row.decode(at: 2),
                data: [UInt8](try row.decode(Data.self, at: 3))))
        }.sorted { ($0.due, $0.mail.id) < ($1.due, $1.mail.id) }.map(\.mail)
    }

    func rescheduleOutboxMail(id: Int64, nextAttemptAt: Date, attempts: Int, error: String?) throws {
        _ = try db.execute(
            "UPDATE mail_outbox SET next_attempt_at = $1, attempts = $2, last_error = COALESCE($3, last_error) WHERE id = $4",
            [.int(nextAttemptAt.deskSeconds), .int(Int64(attempts)), .optional(error, PostgresValue.text), .int(id)])
    }

    func backOffClaimedOutboxMail(id: Int64, claimedUntil: Date, nextAttemptAt: Date, attempts: Int, error: String) throws {
        _ = try db.execute(
            """
            UPDATE mail_outbox SET next_attempt_at = $1, attempts = $2, last_error = $3
            WHERE id = $4 AND sent_at IS NULL AND next_attempt_at = $5
            """,
            [.int(nextAttemptAt.deskSeconds), .int(Int64(attempts)), .text(error), .int(id), .int(claimedUntil.deskSeconds)])
    }

    func markOutboxMailSent(id: Int64, at time: Date) throws {
        _ = try db.execute(
            "UPDATE mail_outbox SET sent_at = $1, last_error = NULL WHERE id = $2 AND sent_at IS NULL", [.int(time.deskSeconds), .int(id)])
    }

    func markOutboxMailSent(ids: [Int64], at time: Date) throws {
        guard !ids.isEmpty else { return }
        let list = (0..<ids.count).map { "$\($0 + 2)" }.joined(separator: ", ")
        _ = try db.execute(
            "UPDATE mail_outbox SET sent_at = $1, last_error = NULL WHERE id IN (\(list)) AND sent_at IS NULL",
            [PostgresValue.int(time.deskSeconds)] + ids.map { PostgresValue.int($0) })
    }

    func outboxEntries(limit: Int, unsentOnly: Bool) throws -> [OutboxEntry] {
        try db.query(
            """
            SELECT o.id, t.number, o.recipient, o.event, o.header_id, o.created_at, o.next_attempt_at, o.attempts,
                   o.last_error, o.sent_at
            FROM mail_outbox o LEFT JOIN ticket t ON t.id = o.ticket_id
            \(unsentOnly ? "WHERE o.sent_at IS NULL" : "") ORDER BY o.id DESC LIMIT $1
            """,
            [.int(Int64(limit))]
        ).map { row in
            OutboxEntry(
                id: try row.decode(at: 0), ticketNumber: try row.decode(at: 1), recipient: try row.decode(at: 2),
                event: try row.decode(at: 3), headerID: try row.decode(at: 4),
                createdAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(Int64.self, at: 5))),
                nextAttemptAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(Int64.self, at: 6))),
                attempts: try row.decode(at: 7), lastError: try row.decode(at: 8),
                sentAt: (try row.decode(Int64?.self, at: 9)).map { Date(timeIntervalSince1970: TimeInterval($0)) })
        }
    }

    func mailPreferences(userID: UserID) throws -> [String: Bool] {
        Dictionary(
            try db.query("SELECT event, wanted FROM mail_preference WHERE user_id = $1", [.int(userID)]).map { row in
                (try row.decode(String.self, at: 0), try row.decode(Bool.self, at: 1))
            },
            uniquingKeysWith: { first, _ in first })
    }

    func outboxMail(headerID: String) throws -> (ticketID: TicketID?, recipient: String)? {
        try db.query("SELECT ticket_id, recipient FROM mail_outbox WHERE header_id = $1 ORDER BY id LIMIT 1", [.text(headerID)])
            .first.map { row in (try row.decode(Int64?.self, at: 0), try row.decode(String.self, at: 1)) }
    }

    func setMailPreference(userID: UserID, event: String, wanted: Bool) throws {
        _ = try db.execute(
            """
            INSERT INTO mail_preference (user_id, event, wanted) VALUES ($1, $2, $3)
            ON CONFLICT (user_id, event) DO UPDATE SET wanted = excluded.wanted
            """,
            [.int(userID), .text(event), .bool(wanted)])
    }
}
