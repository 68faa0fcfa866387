import DeskModel
import DeskPostgres
import Foundation

/// The rows of importing history, as the SQLite backend writes them (`SQLiteRows+Import`).
extension PostgresRows: ImportRows {
    func knownUsers() throws -> [User] {
        try db.query("SELECT \(PostgresRowDecoding.userColumns()) FROM \"user\" ORDER BY id").map(PostgresRowDecoding.user)
    }

    func knownOrganisations() throws -> [Organisation] {
        try db.query("SELECT \(PostgresRowDecoding.organisationColumns) FROM organisation ORDER BY id")
            .map(PostgresRowDecoding.organisation)
    }

    func knownImportAuthors() throws -> [(key: String, userID: UserID)] {
        try db.query("SELECT key, user_id FROM import_author ORDER BY key").map { (try $0.decode(at: 0), try $0.decode(at: 1)) }
    }

    func organisation(matchingName name: String) throws -> Organisation? {
        // As the unique index `organisation_name_nocase` compares names (SQLite's NOCASE).
        try db.query(
            "SELECT \(PostgresRowDecoding.organisationColumns) FROM organisation WHERE deskterm_nocase(name) = deskterm_nocase($1)",
            [.text(name)]
        ).first.map(PostgresRowDecoding.organisation)
    }

    func insertImportedOrganisation(name: String, plan: Plan, tier: SupportTier) throws -> OrganisationID {
        try db.query(
            "INSERT INTO organisation (name, plan, tier) VALUES ($1, $2, $3) RETURNING id",
            [.text(name), .text(plan.rawValue), .text(tier.rawValue)])[0].decode(at: 0)
    }

    func insertImportedUser(
        handle: String, name: String, email: String, role: Role, organisationID: OrganisationID?, caseAccess: CaseAccess
    ) throws -> UserID {
        try db.query(
            """
            INSERT INTO "user" (handle, name, email, role, organisation_id, case_access)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
            """,
            [.text(handle), .text(name), .text(email), .text(role.rawValue), .optional(organisationID, PostgresValue.int),
             .text(caseAccess.rawValue)])[0].decode(at: 0)
    }

    func linkImportAuthor(key: String, userID: UserID, replacing: Bool) throws {
        let onConflict = replacing ? "DO UPDATE SET user_id = EXCLUDED.user_id" : "DO NOTHING"
        try db.execute("INSERT INTO import_author (key, user_id) VALUES ($1, $2) ON CONFLICT (key) \(onConflict)", [.text(key), .int(userID)])
    }

    func importSource(externalID: String) throws -> ImportSourceRow? {
        guard let row = try db.query("SELECT ticket_id, message_id FROM import_source WHERE external_id = $1", [.text(externalID)]).first
        else { return nil }
        return ImportSourceRow(externalID: externalID, ticketID: try row.decode(at: 0), messageID: try row.decode(at: 1))
    }

    func importSources(externalIDs: [String]) throws -> [ImportSourceRow] {
        var sources: [ImportSourceRow] = []
        // One round trip per 1,000 ids instead of one per id.
        for start in stride(from: 0, to: externalIDs.count, by: 1_000) {
            let chunk = externalIDs[start..<min(start + 1_000, externalIDs.count)]
            let marks = chunk.indices.map { "$\($0 - start + 1)" }.joined(separator: ", ")
            for row in try db.query(
                "SELECT external_id, ticket_id, message_id FROM import_source WHERE external_id IN (\(marks))", chunk.map { .text($0) })
            {
                sources.append(ImportSourceRow(
                    externalID: try row.decode(at: 0), ticketID: try row.decode(at: 1), messageID: try row.decode(at: 2)))
            }
        }
        return sources
    }

    func insertImportSource(_ source: ImportSourceRow) throws {
        try db.execute(
            "INSERT INTO import_source (external_id, ticket_id, message_id) VALUES ($1, $2, $3)",
            [.text(source.externalID), .int(source.ticketID), .optional(source.messageID, PostgresValue.int)])
    }

    func saveImportThread(ticketID: TicketID, subjectKey: String) throws {
        try db.execute(
            """
            INSERT INTO import_thread (ticket_id, subject_key) VALUES ($1, $2)
            ON CONFLICT (ticket_id) DO UPDATE SET subject_key = EXCLUDED.subject_key
            """,
            [.int(ticketID), .text(subjectKey)])
    }

    func importThreadTicket(subjectKey: String, createdBy: Date, updatedSince: Date) throws -> TicketID? {
        try db.query(
            """
            SELECT it.ticket_id FROM import_thread it JOIN ticket t ON t.id = it.ticket_id
            WHERE it.subject_key = $1 AND t.created_at <= $2 AND t.updated_at >= $3
            ORDER BY t.updated_at DESC, t.id DESC LIMIT 1
            """,
            [.text(subjectKey), .int(createdBy.deskSeconds), .int(updatedSince.deskSeconds)]
        ).first?.decode(at: 0)
    }

    func importedTicket(id: TicketID) throws -> ImportedTicketRow? {
        // The import decides the ticket's status and assignee from these: locked until the
        // commit, so that no other writer changes it in between.
        let lock = forWrite ? " FOR UPDATE" : ""
        guard let row = try db.query(
            """
            SELECT id, status, requester_id, assignee_id, created_at, updated_at, public_updated_at
            FROM ticket WHERE id = $1\(lock)
            """,
            [.int(id)]
        ).first else { return nil }
        return ImportedTicketRow(
            id: try row.decode(at: 0), status: TicketStatus(rawValue: try row.decode(at: 1)) ?? .open,
            requesterID: try row.decode(at: 2), assigneeID: try row.decode(at: 3), createdAt: try row.decode(at: 4),
            updatedAt: try row.decode(at: 5), publicUpdatedAt: try row.decode(at: 6))
    }

    func insertImportedReply(ticketID: TicketID, authorID: UserID, body: String, createdAt: Date) throws -> MessageID {
        try db.query(
            """
            INSERT INTO message (ticket_id, kind, author_id, body, created_at, in_reply_to_id)
            VALUES ($1, 'reply', $2, $3, $4, NULL) RETURNING id
            """,
            [.int(ticketID), .int(authorID), .text(body), .int(createdAt.deskSeconds)])[0].decode(at: 0)
    }

    func setReplyParent(messageID: MessageID, parentID: MessageID) throws {
        try db.execute("UPDATE message SET in_reply_to_id = $1 WHERE id = $2", [.int(parentID), .int(messageID)])
    }

    func lastReply(ticketID: TicketID) throws -> ImportedReplyRow? {
        guard let row = try db.query(
            """
            SELECT m.created_at, u.role FROM message m JOIN "user" u ON u.id = m.author_id
            WHERE m.ticket_id = $1 AND m.kind = 'reply' ORDER BY m.created_at DESC, m.id DESC LIMIT 1
            """,
            [.int(ticketID)]
        ).first else { return nil }
        return ImportedReplyRow(createdAt: try row.decode(at: 0), authorRole: Role(rawValue: try row.decode(at: 1)) ?? .customer)
    }

    func hasReply(ticketID: TicketID, byAuthorWithRoleIn roles: [Role]) throws -> Bool {
        guard !roles.isEmpty else { return false }
        let marks = roles.indices.map { "$\($0 + 2)" }.joined(separator: ", ")
        return try db.query(
            """
            SELECT EXISTS (SELECT 1 FROM message m JOIN "user" u ON u.id = m.author_id
                WHERE m.ticket_id = $1 AND m.kind = 'reply' AND u.role IN (\(marks)))
            """,
            [.int(ticketID)] + roles.map { .text($0.rawValue) }
        )[0].decode(at: 0)
    }

    func updateImportedTicket(
        _ id: TicketID, status: TicketStatus, assigneeID: UserID?, updatedAt: Date, publicUpdatedAt: Date
    ) throws {
        try db.execute(
            "UPDATE ticket SET status = $1, updated_at = $2, public_updated_at = $3, assignee_id = $4 WHERE id = $5",
            [.text(status.rawValue), .int(updatedAt.deskSeconds), .int(publicUpdatedAt.deskSeconds),
             .optional(assigneeID, PostgresValue.int), .int(id)])
    }

    func finishImportedTicket(
        _ id: TicketID, status: TicketStatus, assigneeID: UserID?, updatedAt: Date, publicUpdatedAt: Date, due: TicketDue, triageKey: Int64,
        firstResponseAt: Date?
    ) throws {
        try db.execute(
            """
            UPDATE ticket SET status = $1, updated_at = $2, public_updated_at = $3, assignee_id = $4, first_response_due = $5,
                resolution_due = $6, first_response_left = $7, resolution_left = $8, due_at = $9, triage_key = $10, first_response_at = $11
            WHERE id = $12
            """,
            [.text(status.rawValue), .int(updatedAt.deskSeconds), .int(publicUpdatedAt.deskSeconds), .optional(assigneeID, PostgresValue.int),
             .optional(due.firstResponseDue?.deskSeconds, PostgresValue.int), .optional(due.resolutionDue?.deskSeconds, PostgresValue.int),
             .optional(due.firstResponseLeft.map(Int64.init), PostgresValue.int), .optional(due.resolutionLeft.map(Int64.init), PostgresValue.int),
             .int(due.dueAtSeconds), .int(triageKey), .optional(firstResponseAt?.deskSeconds, PostgresValue.int), .int(id)])
    }
}
