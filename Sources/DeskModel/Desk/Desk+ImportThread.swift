import Foundation

/// One imported thread: which ticket it continues (or opens), its messages and their reply
/// links, then the ticket's status, assignee and update times.
extension Desk {
    /// The ticket a thread's messages go to, as the import last knows it (times in seconds).
    private struct ImportingTicket {
        var id: TicketID
        var requesterID: UserID
        var assigneeID: UserID?
        var createdAt: Int64
        var updatedAt: Int64
        var publicUpdatedAt: Int64
        /// What its clock starts from, when this thread opened it (read from the desk otherwise).
        var opened: (urgency: Urgency, tier: SupportTier?)?
    }

    private static let staffRoles = Role.allCases.filter(\.isStaff)

    static func importThread(
        _ rows: any DeskRows, _ thread: ImportThread, options: ImportOptions, now: Date,
        session: inout ImportSession, sources: inout ImportSources, summary: inout ImportSummary
    ) throws {
        // Messages the desk already has add nothing; they may tell which ticket this is.
        var knownTicket: TicketID?
        var fresh: [ImportMessage] = []
        for message in thread.messages {
            if let known = try sources.source(message.externalID, rows) {
                summary.alreadyPresent += 1
                knownTicket = knownTicket ?? known.ticketID
            } else {
                fresh.append(message)
            }
        }
        guard !fresh.isEmpty else { return }

        var existing = knownTicket
        if existing == nil {
            for reference in thread.externalReferences {
                if let hit = try sources.source(reference, rows) { existing = hit.ticketID; break }
            }
        }
        if existing == nil, thread.isOrphan, !thread.subjectKey.isEmpty {
            let rootDate = fresh[0].date.deskSeconds
            existing = try rows.importThreadTicket(
                subjectKey: thread.subjectKey, createdBy: Date(deskSeconds: rootDate),
                updatedSince: Date(deskSeconds: rootDate - Int64(options.subjectWindowDays) * 86_400))
        }

        var ticket: ImportingTicket
        let toAppend: ArraySlice<ImportMessage>
        if let existingID = existing, let row = try rows.importedTicket(id: existingID), row.status != .closed {
            ticket = ImportingTicket(
                id: row.id, requesterID: row.requesterID, assigneeID: row.assigneeID, createdAt: row.createdAt.deskSeconds,
                updatedAt: row.updatedAt.deskSeconds, publicUpdatedAt: row.publicUpdatedAt.deskSeconds)
            toAppend = fresh[...]
        } else {
            // A new ticket, or a follow-up when the thread's ticket is closed (closed is final).
            ticket = try importTicket(
                rows, thread, root: fresh[0], followUpOf: existing, options: options, session: &session, sources: &sources,
                summary: &summary)
            toAppend = fresh.dropFirst()
        }

        var inserted: [(row: MessageID, message: ImportMessage, authorID: UserID)] = []
        for message in toAppend {
            let authorID = try importUserID(rows, message.author, in: message, options: options, session: &session, summary: &summary)
            let body = summary.fitted(message.body, as: .messageBody, in: message)
            let row = try rows.insertImportedReply(ticketID: ticket.id, authorID: authorID, body: body, createdAt: message.date)
            try sources.insert(ImportSourceRow(externalID: message.externalID, ticketID: ticket.id, messageID: row), rows)
            try importAttachments(
                rows, message, ticketID: ticket.id, messageID: row, uploaderID: authorID, session: session, summary: &summary)
            summary.messages += 1
            for warning in message.warnings {
                summary.warnings.append(ImportProblem(file: message.file, offset: message.offset, reason: warning))
            }
            inserted.append((row, message, authorID))
        }

        // Each reply answers the nearest ancestor this ticket holds; the message that opened the
        // ticket is its description, so answering it means answering no earlier message.
        var parentOf: [MessageID: MessageID] = [:]
        for (row, message, _) in inserted {
            for candidate in message.parentCandidates {
                guard let hit = try sources.source(candidate, rows), hit.ticketID == ticket.id else { continue }
                if let parent = hit.messageID, parent != row { parentOf[row] = parent }
                break
            }
        }
        ImportRules.breakCycles(&parentOf)
        for (row, parent) in parentOf {
            try rows.setReplyParent(messageID: row, parentID: parent)
        }

        // Status from who wrote last and when; the first agent to answer is the assignee. A
        // ticket this thread opened has no replies but the ones just written.
        let lastAt: Int64
        let lastRole: Role
        let staffWrote: Bool
        let last: ImportedReplyRow?
        if ticket.opened != nil {
            let replies = inserted.map { (at: $0.message.date.deskSeconds, row: $0.row, authorID: $0.authorID) }
            last = Self.lastReply(replies, roles: session.roles)
            staffWrote = inserted.contains { session.roles[$0.authorID]?.isStaff == true }
        } else {
            last = try rows.lastReply(ticketID: ticket.id)
            staffWrote = try rows.hasReply(ticketID: ticket.id, byAuthorWithRoleIn: staffRoles)
        }
        if let last {
            lastAt = last.createdAt.deskSeconds
            lastRole = last.authorRole
        } else {
            lastAt = ticket.createdAt
            lastRole = session.roles[ticket.requesterID] ?? .customer
        }
        let status = thread.status ?? ImportRules.status(
            lastWrittenAt: Date(deskSeconds: lastAt), lastAuthorIsStaff: lastRole.isStaff, staffWrote: staffWrote,
            requesterIsStaff: session.roles[ticket.requesterID]?.isStaff ?? false, now: now, closeAfterDays: options.closeAfterDays)
        var assignee = ticket.assigneeID
        if assignee == nil {
            for message in toAppend {
                if let id = session.userByKey[message.author.key], session.roles[id]?.isStaff == true, id != ticket.requesterID {
                    assignee = id
                    break
                }
            }
        }
        let newest = max(lastAt, fresh.map(\.date.deskSeconds).max() ?? 0, thread.updatedAt?.deskSeconds ?? 0)
        // Imported messages are public replies: customers see them, so both times move (never back).
        let updatedAt = Date(deskSeconds: max(ticket.updatedAt, newest))
        let publicUpdatedAt = Date(deskSeconds: max(ticket.publicUpdatedAt, newest))
        if let opened = ticket.opened {
            // Known without asking the desk: the ticket and its replies are the ones just written
            // (`ServiceLevelSQL.clockStart` answers the same), and a new ticket has no call-back request.
            let start = ServiceClockStart(
                ticketID: ticket.id, createdAt: Date(deskSeconds: ticket.createdAt), urgency: opened.urgency, status: status,
                tier: opened.tier, answered: staffWrote)
            let clock = ServiceClockBackfill.clock(for: start, levels: session.serviceLevels, now: now)
            // The report's first response: the earliest reply by anyone but a customer.
            let firstResponse = inserted.filter { (session.roles[$0.authorID] ?? .customer) != .customer }.map(\.message.date.deskSeconds).min()
            try rows.finishImportedTicket(
                ticket.id, status: status, assigneeID: assignee, updatedAt: updatedAt, publicUpdatedAt: publicUpdatedAt, due: clock.due,
                triageKey: clock.triageKey, firstResponseAt: firstResponse.map { Date(deskSeconds: $0) })
        } else {
            try rows.updateImportedTicket(ticket.id, status: status, assigneeID: assignee, updatedAt: updatedAt, publicUpdatedAt: publicUpdatedAt)
            // A ticket the import closes ends its open call-back request, as any closing does.
            if status.isClosed { try endCallbackOnClose(rows, ticketID: ticket.id, at: now) }
            try ServiceClockBackfill.restart(rows, ticketID: ticket.id, levels: session.serviceLevels, now: now)
        }
    }

    /// `rows.lastReply` over replies known in memory: the latest by time, then by row.
    static func lastReply(_ replies: [(at: Int64, row: MessageID, authorID: UserID)], roles: [UserID: Role]) -> ImportedReplyRow? {
        guard let last = replies.max(by: { ($0.at, $0.row) < ($1.at, $1.row) }) else { return nil }
        return ImportedReplyRow(createdAt: Date(deskSeconds: last.at), authorRole: roles[last.authorID] ?? .customer)
    }

    /// Opens the thread's ticket from its first new message, numbered and triaged like any ticket.
    private static func importTicket(
        _ rows: any DeskRows, _ thread: ImportThread, root: ImportMessage, followUpOf: TicketID?, options: ImportOptions,
        session: inout ImportSession, sources: inout ImportSources, summary: inout ImportSummary
    ) throws -> ImportingTicket {
        let rootAuthor = try importUserID(rows, root.author, in: root, options: options, session: &session, summary: &summary)
        // The requester is the customer who opened the thread (or the first customer in it).
        var requester = rootAuthor
        if let key = thread.requesterKey, let author = thread.messages.first(where: { $0.author.key == key })?.author {
            requester = try importUserID(rows, author, in: root, options: options, session: &session, summary: &summary)
        } else if session.roles[rootAuthor]?.isStaff == true,
                  let customer = thread.messages.first(where: { !$0.author.isAgent && $0.author.key != root.author.key })?.author {
            let id = try importUserID(rows, customer, in: root, options: options, session: &session, summary: &summary)
            if session.roles[id] == .customer { requester = id }
        }
        let organisationID = session.organisationOf[requester]
        let tier = organisationID.flatMap { session.tierOf[$0] }
        var subject = collapseWhitespace(thread.subject)
        if subject.isEmpty { subject = "(no subject)" }
        let created = TicketInsert(
            number: try nextTicketNumber(rows), subject: summary.fitted(subject, as: .subject, in: root),
            description: summary.fitted(root.body, as: .description, in: root), kind: thread.kind ?? options.kind,
            product: summary.fitted(thread.product, as: .product, in: root),
            category: summary.fitted(thread.category, as: .category, in: root),
            subcategory: summary.fitted(thread.subcategory, as: .subcategory, in: root), urgency: thread.urgency ?? .none, status: .new,
            requesterID: requester, organisationID: organisationID, assigneeID: nil, contact: thread.contact,
            followUpOfID: followUpOf, createdAt: root.date.wholeSeconds,
            triageKey: Triage.key(createdAt: root.date, urgency: thread.urgency ?? .none, tier: tier))
        let ticketID = try rows.insertTicket(created)
        try sources.insert(ImportSourceRow(externalID: root.externalID, ticketID: ticketID, messageID: nil), rows)
        try rows.saveImportThread(ticketID: ticketID, subjectKey: thread.subjectKey)
        try importAttachments(rows, root, ticketID: ticketID, messageID: nil, uploaderID: rootAuthor, session: session, summary: &summary)
        for warning in root.warnings {
            summary.warnings.append(ImportProblem(file: root.file, offset: root.offset, reason: warning))
        }
        summary.tickets += 1
        summary.messages += 1
        if followUpOf != nil { summary.followUps += 1 }
        let time = created.createdAt.deskSeconds
        return ImportingTicket(
            id: ticketID, requesterID: requester, assigneeID: nil, createdAt: time, updatedAt: time, publicUpdatedAt: time,
            opened: (created.urgency, tier))
    }

    /// A message's files; one larger than the desk accepts is left out with a warning, the
    /// message stays.
    private static func importAttachments(
        _ rows: any DeskRows, _ message: ImportMessage, ticketID: TicketID, messageID: MessageID?, uploaderID: UserID,
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
            _ = try rows.insertAttachment(AttachmentInsert(
                ticketID: ticketID, messageID: messageID, name: name, mediaType: attachment.mediaType, data: attachment.data,
                sha256: SHA256.hexDigest(attachment.data), uploaderID: uploaderID, createdAt: message.date.wholeSeconds))
            summary.attachments += 1
        }
    }
}
