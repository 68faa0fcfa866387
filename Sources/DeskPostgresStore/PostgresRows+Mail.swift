import DeskModel
import DeskPostgres
import Foundation

extension PostgresRows: MailRows {
    func deskSettingValues(prefix: String) throws -> [String: String] {
        var values: [String: String] = [:]
        for row in try db.query("SELECT key, value FROM desk_setting WHERE left(key, $1::integer) = $2", [.int(Int64(prefix.count)), .text(prefix)]) {
            values[try row.decode(String.self, column: "key")] = try row.decode(String.self, column: "value")
        }
        return values
    }

    func setDeskSettingValue(key: String, value: String) throws {
        try db.execute(
            "INSERT INTO desk_setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [.text(key), .text(value)])
    }

    func setOrganisationMailDomain(_ id: OrganisationID, domain: String?) throws {
        try db.execute(
            "UPDATE organisation SET mail_domain = $1 WHERE id = $2", [.optional(domain?.lowercased(), PostgresValue.text), .int(id)])
    }

    func organisationMailDomains() throws -> [OrganisationID: String] {
        var domains: [OrganisationID: String] = [:]
        for row in try db.query("SELECT id, mail_domain FROM organisation WHERE mail_domain IS NOT NULL") {
            domains[try row.decode(Int64.self, at: 0)] = try row.decode(String.self, at: 1)
        }
        return domains
    }

    func organisation(mailDomain: String) throws -> Organisation? {
        try db.query(
            """
            SELECT \(PostgresRowDecoding.organisationColumns) FROM organisation
            WHERE deskterm_nocase(mail_domain) = deskterm_nocase($1) ORDER BY id LIMIT 1
            """,
            [.text(mailDomain)]
        ).first.map(PostgresRowDecoding.organisation)
    }

    func user(email: String) throws -> User? {
        try db.query(
            "SELECT \(PostgresRowDecoding.userColumns()) FROM \"user\" WHERE deskterm_nocase(email) = deskterm_nocase($1) ORDER BY id LIMIT 1",
            [.text(email)]
        ).first.map(PostgresRowDecoding.user)
    }

    func receivedMailExists(headerMessageID: String, sender: String) throws -> Bool {
        try db.query(
            "SELECT EXISTS (SELECT 1 FROM mail_received WHERE header_message_id = $1 AND sender = $2)",
            [.text(headerMessageID), .text(sender)])[0].decode(Bool.self, at: 0)
    }

    func insertMailReceived(_ mail: MailReceived) throws -> Int64 {
        try db.query(
            """
            INSERT INTO mail_received (received_at, header_message_id, sender, ticket_id, message_id, classification, outcome,
                                       problems, quoted, raw)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id
            """,
            [
                .int(mail.receivedAt.deskSeconds), .text(mail.headerMessageID), .text(mail.sender),
                .optional(mail.ticketID, PostgresValue.int), .optional(mail.messageID, PostgresValue.int),
                .text(mail.classification.storedValue), .text(mail.outcome.rawValue), .text(mail.problems), .text(mail.quoted),
                .bytes(mail.raw),
            ])[0].decode(Int64.self, at: 0)
    }

    func ticketNumber(receivedMessageIDs ids: [String]) throws -> Int64? {
        for id in ids where !id.isEmpty {
            let found = try db.query(
                """
                SELECT t.number FROM mail_received m JOIN ticket t ON t.id = m.ticket_id
                WHERE m.header_message_id = $1 ORDER BY m.id LIMIT 1
                """,
                [.text(id)]
            ).first
            if let found { return try found.decode(Int64.self, at: 0) }
        }
        return nil
    }

    func quotedHistory(ticketID: TicketID) throws -> [MessageID: String] {
        var quoted: [MessageID: String] = [:]
        for row in try db.query(
            "SELECT message_id, quoted FROM mail_received WHERE ticket_id = $1 AND message_id IS NOT NULL AND quoted <> ''",
            [.int(ticketID)])
        {
            quoted[try row.decode(Int64.self, at: 0)] = try row.decode(String.self, at: 1)
        }
        return quoted
    }

    func mailReceived(limit: Int) throws -> [MailReceived] {
        try db.query(
            """
            SELECT id, received_at, header_message_id, sender, ticket_id, message_id, classification, outcome, problems, quoted, raw
            FROM mail_received ORDER BY id DESC LIMIT $1
            """,
            [.int(Int64(limit))]
        ).map { row in
            MailReceived(
                id: try row.decode(at: 0), receivedAt: try row.decode(Date.self, at: 1), headerMessageID: try row.decode(at: 2),
                sender: try row.decode(at: 3), ticketID: try row.decode(at: 4), messageID: try row.decode(at: 5),
                classification: MailClassification(storedValue: try row.decode(at: 6)),
                outcome: MailOutcome(rawValue: try row.decode(at: 7)) ?? .recorded, problems: try row.decode(at: 8),
                quoted: try row.decode(at: 9), raw: try row.decode(at: 10))
        }
    }
}
