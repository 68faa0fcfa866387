import Foundation
import GRDB

/// Statements run once per imported message or thread are cached: an import runs them
/// thousands of times in one transaction.
extension SQLiteRows: ImportRows {
    func knownUsers() throws -> [User] {
        try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY id").map { RowDecoding.user($0) }
    }

    func knownOrganisations() throws -> [Organisation] {
        try Row.fetchAll(db, sql: "SELECT * FROM organisation ORDER BY id").map(RowDecoding.organisation)
    }

    func knownImportAuthors() throws -> [(key: String, userID: UserID)] {
        try Row.fetchAll(db, sql: "SELECT key, user_id FROM import_author").map { ($0["key"], $0["user_id"]) }
    }

    func organisation(matchingName name: String) throws -> Organisation? {
        // The column's NOCASE collation is how its UNIQUE constraint compares.
        try Row.fetchOne(db, sql: "SELECT * FROM organisation WHERE name = ?", arguments: [name]).map(RowDecoding.organisation)
    }

    func insertImportedOrganisation(name: String, plan: Plan, tier: SupportTier) throws -> OrganisationID {
        try db.execute(sql: "INSERT INTO organisation(name, plan, tier) VALUES (?, ?, ?)", arguments: [name, plan.rawValue, tier.rawValue])
        return db.lastInsertedRowID
    }

    func insertImportedUser(
        handle: String, name: String, email: String, role: Role, organisationID: OrganisationID?, caseAccess: CaseAccess
    ) throws -> UserID {
        try db.cachedStatement(sql: "INSERT INTO user(handle, name, email, role, organisation_id, case_access) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [handle, name, email, role.rawValue, organisationID, caseAccess.rawValue])
        return db.lastInsertedRowID
    }

    func linkImportAuthor(key: String, userID: UserID, replacing: Bool) throws {
        let sql = replacing
            ? "INSERT OR REPLACE INTO import_author(key, user_id) VALUES (?, ?)"
            : "INSERT OR IGNORE INTO import_author(key, user_id) VALUES (?, ?)"
        try db.cachedStatement(sql: sql).execute(arguments: [key, userID])
    }

    func importSource(externalID: String) throws -> ImportSourceRow? {
        let statement = try db.cachedStatement(sql: "SELECT ticket_id, message_id FROM import_source WHERE external_id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [externalID]) else { return nil }
        return ImportSourceRow(externalID: externalID, ticketID: row[0], messageID: row[1])
    }

    func importSources(externalIDs: [String]) throws -> [ImportSourceRow] {
        var sources: [ImportSourceRow] = []
        // 500 ids a statement, well within SQLite's limit on arguments; full chunks share one cached statement.
        let size = 500
        for start in stride(from: 0, to: externalIDs.count, by: size) {
            let chunk = Array(externalIDs[start..<min(start + size, externalIDs.count)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            let sql = "SELECT external_id, ticket_id, message_id FROM import_source WHERE external_id IN (\(marks))"
            let statement = try chunk.count == size ? db.cachedStatement(sql: sql) : db.makeStatement(sql: sql)
            for row in try Row.fetchAll(statement, arguments: StatementArguments(chunk)) {
                sources.append(ImportSourceRow(externalID: row[0], ticketID: row[1], messageID: row[2]))
            }
        }
        return sources
    }

    func insertImportSource(_ source: ImportSourceRow) throws {
        try db.cachedStatement(sql: "INSERT INTO import_source(external_id, ticket_id, message_id) VALUES (?, ?, ?)")
            .execute(arguments: [source.externalID, source.ticketID, source.messageID])
    }

    func saveImportThread(ticketID: TicketID, subjectKey: String) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO import_thread(ticket_id, subject_key) VALUES (?, ?)")
            .execute(arguments: [ticketID, subjectKey])
    }

    func importThreadTicket(subjectKey: String, createdBy: Date, updatedSince: Date) throws -> TicketID? {
        try TicketID.fetchOne(
            db.cachedStatement(sql: """
                SELECT it.ticket_id FROM import_thread it JOIN ticket t ON t.id = it.ticket_id
                WHERE it.subject_key = ? AND t.created_at <= ? AND t.updated_at >= ?
                ORDER BY t.updated_at DESC, t.id DESC LIMIT 1
                """),
            arguments: [subjectKey, createdBy.deskSeconds, updatedSince.deskSeconds])
    }

    func importedTicket(id: TicketID) throws -> ImportedTicketRow? {
        let statement = try db.cachedStatement(
            sql: "SELECT id, status, requester_id, assignee_id, created_at, updated_at, public_updated_at FROM ticket WHERE id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [id]) else { return nil }
        return ImportedTicketRow(
            id: row["id"], status: TicketStatus(rawValue: row["status"]) ?? .open, requesterID: row["requester_id"],
            assigneeID: row["assignee_id"], createdAt: Date(deskSeconds: row["created_at"]),
            updatedAt: Date(deskSeconds: row["updated_at"]), publicUpdatedAt: Date(deskSeconds: row["public_updated_at"]))
    }

    func insertImportedReply(ticketID: TicketID, authorID: UserID, body: String, createdAt: Date) throws -> MessageID {
        // The body's length given here spares the row the trigger's second write.
        try db.cachedStatement(sql: """
            INSERT INTO message(ticket_id, kind, author_id, body, created_at, in_reply_to_id, body_length)
            VALUES (?1, 'reply', ?2, ?3, ?4, NULL, length(?3))
            """
        ).execute(arguments: [ticketID, authorID, body, createdAt.deskSeconds])
        return db.lastInsertedRowID
    }

    func setReplyParent(messageID: MessageID, parentID: MessageID) throws {
        try db.cachedStatement(sql: "UPDATE message SET in_reply_to_id = ? WHERE id = ?").execute(arguments: [parentID, messageID])
    }

    func lastReply(ticketID: TicketID) throws -> ImportedReplyRow? {
        let statement = try db.cachedStatement(
            sql: """
                SELECT m.created_at AS at, u.role AS role FROM message m JOIN user u ON u.id = m.author_id
                WHERE m.ticket_id = ? AND m.kind = 'reply' ORDER BY m.created_at DESC, m.id DESC LIMIT 1
                """)
        guard let row = try Row.fetchOne(statement, arguments: [ticketID]) else { return nil }
        return ImportedReplyRow(createdAt: Date(deskSeconds: row["at"]), authorRole: Role(rawValue: row["role"]) ?? .customer)
    }

    func hasReply(ticketID: TicketID, byAuthorWithRoleIn roles: [Role]) throws -> Bool {
        guard !roles.isEmpty else { return false }
        let marks = Array(repeating: "?", count: roles.count).joined(separator: ", ")
        let statement = try db.cachedStatement(
            sql: """
                SELECT EXISTS (SELECT 1 FROM message m JOIN user u ON u.id = m.author_id
                    WHERE m.ticket_id = ? AND m.kind = 'reply' AND u.role IN (\(marks)))
                """)
        var values: [any DatabaseValueConvertible] = [ticketID]
        values += roles.map(\.rawValue)
        return try Bool.fetchOne(statement, arguments: StatementArguments(values)) ?? false
    }

    func updateImportedTicket(
        _ id: TicketID, status: TicketStatus, assigneeID: UserID?, updatedAt: Date, publicUpdatedAt: Date
    ) throws {
        // The first response is counted again from the ticket's replies: a bulk import writes them
        // without the report's triggers (`SQLiteBulkStructures`), a batch import to the same value.
        try db.cachedStatement(sql: """
            UPDATE ticket SET status = ?, updated_at = ?, public_updated_at = ?, assignee_id = ?,
                first_response_at = \(ReportSchema.firstStaffReply("ticket.id")) WHERE id = ?
            """).execute(arguments: [status.rawValue, updatedAt.deskSeconds, publicUpdatedAt.deskSeconds, assigneeID, id])
    }

    func finishImportedTicket(
        _ id: TicketID, status: TicketStatus, assigneeID: UserID?, updatedAt: Date, publicUpdatedAt: Date, due: TicketDue, triageKey: Int64,
        firstResponseAt: Date?
    ) throws {
        try db.cachedStatement(sql: """
            UPDATE ticket SET status = ?, updated_at = ?, public_updated_at = ?, assignee_id = ?, first_response_due = ?,
                resolution_due = ?, first_response_left = ?, resolution_left = ?, due_at = ?, triage_key = ?, first_response_at = ?
            WHERE id = ?
            """
        ).execute(arguments: [
            status.rawValue, updatedAt.deskSeconds, publicUpdatedAt.deskSeconds, assigneeID, due.firstResponseDue?.deskSeconds,
            due.resolutionDue?.deskSeconds, due.firstResponseLeft, due.resolutionLeft, due.dueAtSeconds, triageKey,
            firstResponseAt?.deskSeconds, id,
        ])
    }
}
