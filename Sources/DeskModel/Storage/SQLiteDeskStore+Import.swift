import Foundation
import GRDB

/// What one import run remembers between batches: the desk's users, handles and
/// organisations, so each message costs no lookup of them. A value: copied before a batch and
/// put back when the batch rolls back, so it never names a row that was not committed.
struct ImportSession {
    var userByKey: [String: UserID] = [:]
    var userByEmail: [String: UserID] = [:]
    var roles: [UserID: Role] = [:]
    var organisationOf: [UserID: OrganisationID] = [:]
    var handles: Set<String> = []
    var organisations: [String: (id: OrganisationID, tier: SupportTier)] = [:]
    var tierOf: [OrganisationID: SupportTier] = [:]
    var cacheEnlarged = false
    var settings = DeskSettings()
}

/// Writing imported threads. Rows are inserted directly, with the same invariants as the
/// store's own operations: ticket numbers follow `MAX(number) + 1`, `triage_key` comes from
/// `Triage.key`, full-text search is kept by the triggers, and a closed ticket is never changed
/// (new messages of its thread open a follow-up ticket instead). Imported history is written as
/// it happened, without system events.
extension SQLiteDeskStore {
    func beginImport(options: ImportOptions) throws(DeskError) -> ImportSession {
        try read { db in
            var session = ImportSession()
            session.settings = try Self.settings(db)
            for row in try Row.fetchAll(db, sql: "SELECT id, handle, email, role, organisation_id FROM user") {
                let id: UserID = row["id"]
                session.handles.insert(row["handle"])
                let email: String = row["email"]
                if !email.isEmpty, session.userByEmail[email.lowercased()] == nil { session.userByEmail[email.lowercased()] = id }
                session.roles[id] = Role(rawValue: row["role"]) ?? .customer
                if let org: OrganisationID = row["organisation_id"] { session.organisationOf[id] = org }
            }
            for row in try Row.fetchAll(db, sql: "SELECT key, user_id FROM import_author") {
                session.userByKey[row["key"]] = row["user_id"]
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, name, tier FROM organisation") {
                let name: String = row["name"]
                let tier = SupportTier(rawValue: row["tier"]) ?? .standard
                session.organisations[name.lowercased()] = (row["id"], tier)
                session.tierOf[row["id"]] = tier
            }
            return session
        }
    }

    /// Writes `threads` in one transaction. When it fails, each thread is retried in a
    /// transaction of its own and the threads that still fail are reported as skipped; a busy,
    /// read-only or full desk stops the import instead.
    func importBatch(
        _ threads: [ImportThread], options: ImportOptions, now: Date, session: inout ImportSession, summary: inout ImportSummary
    ) throws(DeskError) {
        let savedSession = session
        let savedSummary = summary
        do {
            try write { db in
                // FTS merges read and write many pages: a bigger page cache for the importing connection.
                if !session.cacheEnlarged {
                    try db.execute(sql: "PRAGMA cache_size = -65536")
                    session.cacheEnlarged = true
                }
                try fullText.deferIndexing(db) {
                    for thread in threads {
                        try Self.importThread(db, thread, options: options, now: now, session: &session, summary: &summary)
                    }
                }
            }
            return
        } catch {
            session = savedSession
            summary = savedSummary
            if Self.stopsImport(error) { throw error }
        }
        for thread in threads {
            let threadSession = session
            let threadSummary = summary
            do {
                try write { db in
                    try Self.importThread(db, thread, options: options, now: now, session: &session, summary: &summary)
                }
            } catch {
                session = threadSession
                summary = threadSummary
                if Self.stopsImport(error) { throw error }
                for message in thread.messages {
                    summary.skipped.append(ImportProblem(file: message.file, offset: message.offset, reason: "not stored: \(error.message)"))
                }
            }
        }
    }

    private static func stopsImport(_ error: DeskError) -> Bool {
        switch error {
        case .databaseBusy, .databaseReadOnly, .notADeskDatabase, .deskDamaged: return true
        case .storage(let detail): return detail.contains("disk is full")
        default: return false
        }
    }

    // MARK: - One thread

    private struct TicketState {
        var id: TicketID
        var requesterID: UserID
        var assigneeID: UserID?
        var updatedAt: Int64
        var publicUpdatedAt: Int64
    }

    private static func importThread(
        _ db: Database, _ thread: ImportThread, options: ImportOptions, now: Date,
        session: inout ImportSession, summary: inout ImportSummary
    ) throws {
        // Messages the desk already has add nothing; they may tell which ticket this is.
        var knownTicket: TicketID?
        var fresh: [ImportMessage] = []
        for message in thread.messages {
            if let known = try source(db, message.externalID) {
                summary.alreadyPresent += 1
                knownTicket = knownTicket ?? known.ticket
            } else {
                fresh.append(message)
            }
        }
        guard !fresh.isEmpty else { return }

        var existing = knownTicket
        if existing == nil {
            for reference in thread.externalReferences {
                if let hit = try source(db, reference) { existing = hit.ticket; break }
            }
        }
        if existing == nil, thread.isOrphan, !thread.subjectKey.isEmpty {
            let rootDate = fresh[0].date.deskSeconds
            existing = try TicketID.fetchOne(
                db.cachedStatement(sql: """
                    SELECT it.ticket_id FROM import_thread it JOIN ticket t ON t.id = it.ticket_id
                    WHERE it.subject_key = ? AND t.created_at <= ? AND t.updated_at >= ?
                    ORDER BY t.updated_at DESC, t.id DESC LIMIT 1
                    """),
                arguments: [thread.subjectKey, rootDate, rootDate - Int64(options.subjectWindowDays) * 86_400])
        }

        var ticket: TicketState
        let toAppend: ArraySlice<ImportMessage>
        if let existingID = existing, let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, status, requester_id, assignee_id, updated_at, public_updated_at FROM ticket WHERE id = ?"), arguments: [existingID]),
            row["status"] as String != TicketStatus.closed.rawValue {
            ticket = TicketState(id: row["id"], requesterID: row["requester_id"], assigneeID: row["assignee_id"], updatedAt: row["updated_at"],
                                 publicUpdatedAt: row["public_updated_at"])
            toAppend = fresh[...]
        } else {
            // A new ticket, or a follow-up when the thread's ticket is closed (closed is final).
            ticket = try createTicket(
                db, thread, root: fresh[0], followUpOf: existing, options: options, session: &session, summary: &summary)
            toAppend = fresh.dropFirst()
        }

        var inserted: [(row: MessageID, message: ImportMessage)] = []
        for message in toAppend {
            let authorID = try userID(db, message.author, in: message, options: options, session: &session, summary: &summary)
            let body = summary.fitted(message.body, as: .messageBody, in: message)
            try db.cachedStatement(
                sql: "INSERT INTO message(ticket_id, kind, author_id, body, created_at, in_reply_to_id) VALUES (?, 'reply', ?, ?, ?, NULL)"
            ).execute(arguments: [ticket.id, authorID, body, message.date.deskSeconds])
            let row = db.lastInsertedRowID
            try db.cachedStatement(sql: "INSERT INTO import_source(external_id, ticket_id, message_id) VALUES (?, ?, ?)")
                .execute(arguments: [message.externalID, ticket.id, row])
            try storeAttachments(db, message, ticketID: ticket.id, messageID: row, uploaderID: authorID, session: session, summary: &summary)
            summary.messages += 1
            for warning in message.warnings {
                summary.warnings.append(ImportProblem(file: message.file, offset: message.offset, reason: warning))
            }
            inserted.append((row, message))
        }

        // Each reply answers the nearest ancestor this ticket holds; the message that opened the
        // ticket is its description, so answering it means answering no earlier message.
        var parentOf: [MessageID: MessageID] = [:]
        for (row, message) in inserted {
            for candidate in message.parentCandidates {
                guard let hit = try source(db, candidate), hit.ticket == ticket.id else { continue }
                if let parent = hit.message, parent != row { parentOf[row] = parent }
                break
            }
        }
        breakCycles(&parentOf)
        for (row, parent) in parentOf {
            try db.cachedStatement(sql: "UPDATE message SET in_reply_to_id = ? WHERE id = ?").execute(arguments: [parent, row])
        }

        // Status from who wrote last and when; the first agent to answer is the assignee.
        let last = try db.cachedStatement(
            sql: """
                SELECT m.created_at AS at, u.role AS role FROM message m JOIN user u ON u.id = m.author_id
                WHERE m.ticket_id = ? AND m.kind = 'reply' ORDER BY m.created_at DESC, m.id DESC LIMIT 1
                """)
        var lastAt: Int64
        var lastRole: Role
        if let row = try Row.fetchOne(last, arguments: [ticket.id]) {
            lastAt = row["at"]
            lastRole = Role(rawValue: row["role"]) ?? .customer
        } else {
            lastAt = try Int64.fetchOne(db.cachedStatement(sql: "SELECT created_at FROM ticket WHERE id = ?"), arguments: [ticket.id]) ?? 0
            lastRole = session.roles[ticket.requesterID] ?? .customer
        }
        let staffWrote = try Bool.fetchOne(
            db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM message m JOIN user u ON u.id = m.author_id
                    WHERE m.ticket_id = ? AND m.kind = 'reply' AND u.role != 'customer')
                """),
            arguments: [ticket.id]) ?? false
        let requesterIsStaff = session.roles[ticket.requesterID]?.isStaff ?? false
        let status: TicketStatus
        if lastAt < now.deskSeconds - Int64(options.closeAfterDays) * 86_400 {
            status = .closed
        } else if lastRole.isStaff {
            status = .pending
        } else if staffWrote || requesterIsStaff {
            status = .open
        } else {
            status = .new
        }
        var assignee = ticket.assigneeID
        if assignee == nil {
            for message in toAppend {
                if let id = session.userByKey[message.author.key], session.roles[id]?.isStaff == true, id != ticket.requesterID {
                    assignee = id
                    break
                }
            }
        }
        let newest = max(lastAt, fresh.map(\.date.deskSeconds).max() ?? 0)
        // Imported messages are public replies: customers see them, so both times move.
        try db.cachedStatement(sql: "UPDATE ticket SET status = ?, updated_at = ?, public_updated_at = ?, assignee_id = ? WHERE id = ?")
            .execute(arguments: [status.rawValue, max(ticket.updatedAt, newest), max(ticket.publicUpdatedAt, newest), assignee, ticket.id])
    }

    private static func createTicket(
        _ db: Database, _ thread: ImportThread, root: ImportMessage, followUpOf: TicketID?, options: ImportOptions,
        session: inout ImportSession, summary: inout ImportSummary
    ) throws -> TicketState {
        let rootAuthor = try userID(db, root.author, in: root, options: options, session: &session, summary: &summary)
        // The requester is the customer who opened the thread (or the first customer in it).
        var requester = rootAuthor
        if let key = thread.requesterKey, let author = thread.messages.first(where: { $0.author.key == key })?.author {
            requester = try userID(db, author, in: root, options: options, session: &session, summary: &summary)
        } else if session.roles[rootAuthor]?.isStaff == true,
                  let customer = thread.messages.first(where: { !$0.author.isAgent && $0.author.key != root.author.key })?.author {
            let id = try userID(db, customer, in: root, options: options, session: &session, summary: &summary)
            if session.roles[id] == .customer { requester = id }
        }
        let organisationID = session.organisationOf[requester]
        let tier = organisationID.flatMap { session.tierOf[$0] }
        var subject = collapseWhitespace(thread.subject)
        if subject.isEmpty { subject = "(no subject)" }
        subject = summary.fitted(subject, as: .subject, in: root)
        let description = summary.fitted(root.body, as: .description, in: root)
        let product = summary.fitted(thread.product, as: .product, in: root)
        let category = summary.fitted(thread.category, as: .category, in: root)
        let subcategory = summary.fitted(thread.subcategory, as: .subcategory, in: root)
        let number = (try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(number) FROM ticket")) ?? 0) + 1
        let created = root.date.deskSeconds
        let kind = thread.kind ?? options.kind
        try db.cachedStatement(
            sql: """
                INSERT INTO ticket(number, subject, description, kind, product, category, subcategory, urgency, status,
                    requester_id, organisation_id, assignee_id, contact, follow_up_of_id, created_at, updated_at, triage_key,
                    public_updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'none', 'new', ?, ?, NULL, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
                number, subject, description, kind.rawValue, product, category, subcategory,
                requester, organisationID, thread.contact.rawValue, followUpOf, created, created,
                Triage.key(createdAt: root.date, urgency: .none, tier: tier), created,
            ])
        let ticketID = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO import_source(external_id, ticket_id, message_id) VALUES (?, ?, NULL)")
            .execute(arguments: [root.externalID, ticketID])
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO import_thread(ticket_id, subject_key) VALUES (?, ?)")
            .execute(arguments: [ticketID, thread.subjectKey])
        try storeAttachments(db, root, ticketID: ticketID, messageID: nil, uploaderID: rootAuthor, session: session, summary: &summary)
        for warning in root.warnings {
            summary.warnings.append(ImportProblem(file: root.file, offset: root.offset, reason: warning))
        }
        summary.tickets += 1
        summary.messages += 1
        if followUpOf != nil { summary.followUps += 1 }
        return TicketState(id: ticketID, requesterID: requester, assigneeID: nil, updatedAt: created, publicUpdatedAt: created)
    }

    private static func storeAttachments(
        _ db: Database, _ message: ImportMessage, ticketID: TicketID, messageID: MessageID?, uploaderID: UserID,
        session: ImportSession, summary: inout ImportSummary
    ) throws {
        for attachment in message.attachments {
            let name = summary.fitted(attachment.name, as: .attachmentName, in: message)
            let size = Int64(attachment.data.count)
            if size > session.settings.attachmentLimit {
                summary.warnings.append(ImportProblem(
                    file: message.file, offset: message.offset,
                    reason: "attachment \(attachment.name) left out: \(size) bytes, the desk accepts up to \(session.settings.attachmentLimit)"))
                continue
            }
            try db.cachedStatement(
                sql: """
                    INSERT INTO attachment(ticket_id, message_id, name, media_type, size, sha256, uploader_id, created_at, data)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                ticketID, messageID, name, attachment.mediaType, size, SHA256.hexDigest(attachment.data),
                uploaderID, message.date.deskSeconds, attachment.data,
            ])
            summary.attachments += 1
        }
    }

    // MARK: - People

    private static func userID(
        _ db: Database, _ author: ImportAuthor, in message: ImportMessage, options: ImportOptions,
        session: inout ImportSession, summary: inout ImportSummary
    ) throws -> UserID {
        if let id = session.userByKey[author.key] { return id }
        let email = summary.fitted(TextSafety.sanitizedLine(author.email).trimmingCharacters(in: .whitespaces), as: .email, in: message)
        if !email.isEmpty, let id = session.userByEmail[email.lowercased()] {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO import_author(key, user_id) VALUES (?, ?)").execute(arguments: [author.key, id])
            session.userByKey[author.key] = id
            return id
        }
        let role: Role = author.isAgent ? .agent : .customer
        var organisationID: OrganisationID?
        if role == .customer {
            organisationID = try self.organisationID(
                db, named: author.organisation ?? options.defaultOrganisation, in: message, options: options, session: &session, summary: &summary)
        }
        let handle = uniqueHandle(author.handleHints, taken: session.handles)
        var name = TextSafety.sanitizedLine(author.name).trimmingCharacters(in: .whitespaces)
        if name.isEmpty { name = handle }
        name = summary.fitted(name, as: .userName, in: message)
        try db.cachedStatement(sql: "INSERT INTO user(handle, name, email, role, organisation_id, case_access) VALUES (?, ?, ?, ?, ?, 'own')")
            .execute(arguments: [handle, name, email, role.rawValue, organisationID])
        let id = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO import_author(key, user_id) VALUES (?, ?)").execute(arguments: [author.key, id])
        session.userByKey[author.key] = id
        if !email.isEmpty { session.userByEmail[email.lowercased()] = id }
        session.roles[id] = role
        if let organisationID { session.organisationOf[id] = organisationID }
        session.handles.insert(handle)
        summary.users += 1
        return id
    }

    private static func organisationID(
        _ db: Database, named raw: String, in message: ImportMessage, options: ImportOptions,
        session: inout ImportSession, summary: inout ImportSummary
    ) throws -> OrganisationID {
        var name = TextSafety.sanitizedLine(raw).trimmingCharacters(in: .whitespaces)
        if name.isEmpty { name = options.defaultOrganisation }
        let given = name
        // Shortened quietly here, so that each member does not repeat the warning; it is
        // given once, when the organisation is created below.
        name = FieldLimits.clipped(name, as: .organisationName) ?? name
        if let known = session.organisations[name.lowercased()] { return known.id }
        // SQLite's NOCASE folds ASCII only: look again the way the UNIQUE constraint compares.
        if let row = try Row.fetchOne(db, sql: "SELECT id, tier FROM organisation WHERE name = ?", arguments: [name]) {
            let found: (OrganisationID, SupportTier) = (row["id"], SupportTier(rawValue: row["tier"]) ?? .standard)
            session.organisations[name.lowercased()] = found
            session.tierOf[found.0] = found.1
            return found.0
        }
        _ = summary.fitted(given, as: .organisationName, in: message)
        try db.execute(
            sql: "INSERT INTO organisation(name, plan, tier) VALUES (?, ?, ?)",
            arguments: [name, options.organisationPlan.rawValue, options.organisationTier.rawValue])
        let id = db.lastInsertedRowID
        session.organisations[name.lowercased()] = (id, options.organisationTier)
        session.tierOf[id] = options.organisationTier
        summary.organisations += 1
        return id
    }

    /// A valid handle from the first usable hint, made unique with `-2`, `-3`...
    static func uniqueHandle(_ hints: [String], taken: Set<String>) -> String {
        let base = hints.lazy.map(handleSlug).first { $0.count >= 2 } ?? "user"
        if !taken.contains(base) { return base }
        var counter = 2
        while true {
            let suffix = "-\(counter)"
            let candidate = String(base.prefix(32 - suffix.count)) + suffix
            if !taken.contains(candidate) { return candidate }
            counter += 1
        }
    }

    /// `Dr Eberhard Lisse` -> `dr-eberhard-lisse`, `José.Núñez` -> `jose-nunez`.
    static func handleSlug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var slug = ""
        var lastWasDash = true
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" {
                slug.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                slug.append("-")
                lastWasDash = true
            }
        }
        while slug.hasSuffix("-") || slug.hasSuffix("_") { slug.removeLast() }
        if let first = slug.unicodeScalars.first, !("a"..."z").contains(first) { slug = "u" + slug }
        slug = String(slug.prefix(28))
        while slug.hasSuffix("-") || slug.hasSuffix("_") { slug.removeLast() }
        return Handles.isValid(slug) ? slug : ""
    }

    // MARK: - Lookups

    private static func source(_ db: Database, _ externalID: String) throws -> (ticket: TicketID, message: MessageID?)? {
        let statement = try db.cachedStatement(sql: "SELECT ticket_id, message_id FROM import_source WHERE external_id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [externalID]) else { return nil }
        return (row[0], row[1])
    }

    /// Drops the edge of the first message found on each cycle of reply links.
    private static func breakCycles(_ parentOf: inout [MessageID: MessageID]) {
        var done = Set<MessageID>()
        for start in parentOf.keys.sorted() where !done.contains(start) {
            var path: [MessageID] = []
            var onPath = Set<MessageID>()
            var current: MessageID? = start
            while let node = current, !done.contains(node) {
                if onPath.contains(node) {
                    parentOf[node] = nil
                    break
                }
                onPath.insert(node)
                path.append(node)
                current = parentOf[node]
            }
            done.formUnion(path)
        }
    }
}

/// A ticket with what a mail export needs beyond its detail: the ids its messages had when
/// they were imported, and the attachments' bytes.
public struct ExportedTicket: Sendable {
    public var detail: TicketDetail
    /// The external id of the message that opened the ticket, when it was imported.
    public var rootSource: String?
    public var messageSources: [MessageID: String]
    public var attachmentData: [AttachmentID: Data]
}
