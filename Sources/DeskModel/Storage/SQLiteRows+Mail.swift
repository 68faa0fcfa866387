import Foundation
import GRDB

extension SQLiteRows: MailRows {
    func deskSettingValues(prefix: String) throws -> [String: String] {
        var values: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM desk_setting WHERE substr(key, 1, ?) = ?", arguments: [prefix.count, prefix]) {
            values[row["key"]] = row["value"]
        }
        return values
    }

    func setDeskSettingValue(key: String, value: String) throws {
        try db.execute(
            sql: "INSERT INTO desk_setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    func setOrganisationMailDomain(_ id: OrganisationID, domain: String?) throws {
        try db.execute(sql: "UPDATE organisation SET mail_domain = ? WHERE id = ?", arguments: [domain?.lowercased(), id])
    }

    func organisationMailDomains() throws -> [OrganisationID: String] {
        var domains: [OrganisationID: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, mail_domain FROM organisation WHERE mail_domain IS NOT NULL") {
            domains[row["id"]] = row["mail_domain"]
        }
        return domains
    }

    func organisation(mailDomain: String) throws -> Organisation? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM organisation WHERE mail_domain = ? COLLATE NOCASE ORDER BY id LIMIT 1", arguments: [mailDomain]
        ).map(RowDecoding.organisation)
    }

    func user(email: String) throws -> User? {
        try Row.fetchOne(db, sql: "SELECT * FROM user WHERE email = ? COLLATE NOCASE ORDER BY id LIMIT 1", arguments: [email])
            .map { RowDecoding.user($0) }
    }

    func receivedMailExists(headerMessageID: String, sender: String) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM mail_received WHERE header_message_id = ? AND sender = ?)",
            arguments: [headerMessageID, sender]) ?? false
    }

    func insertMailReceived(_ mail: MailReceived) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO mail_received(received_at, header_message_id, sender, ticket_id, message_id, classification, outcome,
                                          problems, quoted, raw)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                mail.receivedAt.deskSeconds, mail.headerMessageID, mail.sender, mail.ticketID, mail.messageID,
                mail.classification.storedValue, mail.outcome.rawValue, mail.problems, mail.quoted, mail.raw,
            ])
        return db.lastInsertedRowID
    }

    func ticketNumber(receivedMessageIDs ids: [String]) throws -> Int64? {
        for id in ids where !id.isEmpty {
            let number = try Int64.fetchOne(
                db,
                sql: """
                    SELECT t.number FROM mail_received m JOIN ticket t ON t.id = m.ticket_id
                    WHERE m.header_message_id = ? ORDER BY m.id LIMIT 1
                    """,
                arguments: [id])
            if let number { return number }
        }
        return nil
    }

    func quotedHistory(ticketID: TicketID) throws -> [MessageID: String] {
        var quoted: [MessageID: String] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT message_id, quoted FROM mail_received WHERE ticket_id = ? AND message_id IS NOT NULL AND quoted <> ''",
            arguments: [ticketID])
        {
            quoted[row["message_id"]] = row["quoted"]
        }
        return quoted
    }

    func mailReceived(limit: Int) throws -> [MailReceived] {
        try Row.fetchAll(db, sql: "SELECT * FROM mail_received ORDER BY id DESC LIMIT ?", arguments: [limit]).map { row in
            MailReceived(
                id: row["id"], receivedAt: Date(deskSeconds: row["received_at"]), headerMessageID: row["header_message_id"],
                sender: row["sender"], ticketID: row["ticket_id"], messageID: row["message_id"],
                classification: MailClassification(storedValue: row["classification"]),
                outcome: MailOutcome(rawValue: row["outcome"]) ?? .recorded, problems: row["problems"], quoted: row["quoted"],
                raw: row["raw"])
        }
    }
}
