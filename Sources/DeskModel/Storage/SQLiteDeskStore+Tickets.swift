import Foundation
import GRDB

/// Creating tickets and reading one ticket.
extension SQLiteDeskStore {
    public func createTicket(_ new: NewTicket, by viewer: Viewer, allowDuplicate: Bool) throws(DeskError) -> Ticket {
        try createTicket(new, by: viewer, allowDuplicate: allowDuplicate, clearingDraft: nil)
    }

    /// `clearingDraft` deletes the draft the ticket was typed in, in the same transaction.
    public func createTicket(
        _ new: NewTicket, by viewer: Viewer, allowDuplicate: Bool, clearingDraft draft: DraftSlot?
    ) throws(DeskError) -> Ticket {
        try createTicket(new, by: viewer, allowDuplicate: allowDuplicate, clearingDraft: draft, attaching: [])
    }

    /// Creates the ticket with files attached to it, in one transaction: a file refused (too
    /// large, over the customer's quota) creates nothing.
    public func createTicket(
        _ new: NewTicket, by viewer: Viewer, allowDuplicate: Bool, clearingDraft draft: DraftSlot?, attaching files: [NewAttachment]
    ) throws(DeskError) -> Ticket {
        var named: [(name: String, file: NewAttachment)] = []
        for file in files { named.append((try Self.attachmentName(file.name), file)) }
        let subject = new.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !subject.isEmpty else { throw .invalidInput("A ticket needs a subject") }
        guard !new.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .invalidInput("A ticket needs a description")
        }
        try FieldLimits.check(subject, as: .subject)
        try FieldLimits.check(new.description, as: .description)
        try FieldLimits.check(new.product, as: .product)
        try FieldLimits.check(new.category, as: .category)
        try FieldLimits.check(new.subcategory, as: .subcategory)
        let now = self.now
        return try write { db in
            let requester: User
            if let handle = new.requesterHandle {
                guard let found = try Self.user(db, handle: handle) else { throw DeskError.userNotFound(handle: handle) }
                requester = found
            } else {
                requester = viewer.user
            }
            guard Permissions.canOpenTicket(viewer, forRequester: requester) else {
                throw DeskError.notAllowed("customers open tickets for themselves only")
            }
            var organisation: Organisation?
            if let orgID = requester.organisationID { organisation = try Self.organisation(db, id: orgID) }
            guard Permissions.kindAllowed(new.kind, plan: organisation?.plan) else {
                throw DeskError.incidentNotInPlan(organisation: organisation?.name ?? "This organisation")
            }

            var followUpOfID: TicketID?
            var assignee: User?
            if let number = new.followUpOfNumber {
                let original = try Self.visibleTicket(db, number: number, viewer: viewer)
                guard original.status.isClosed else { throw DeskError.followUpOfOpenTicket(number: number) }
                followUpOfID = original.id
                assignee = FollowUpRules.assignee(try original.assigneeID.flatMap { id in try Self.user(db, id: id) })
            }
            let watchers = try Self.namedWatchers(db, new.watcherHandles, viewer: viewer, requester: requester)

            if !allowDuplicate, let duplicate = try Self.duplicateCandidate(db, subject: subject, requesterID: requester.id) {
                throw DeskError.possibleDuplicate(ofNumber: duplicate.number, subject: duplicate.subject)
            }

            let number = (try Int64.fetchOne(db, sql: "SELECT MAX(number) FROM ticket") ?? 0) + 1
            let triageKey = Triage.key(createdAt: now, urgency: new.urgency, tier: organisation?.tier)
            try db.execute(
                sql: """
                    INSERT INTO ticket(number, subject, description, kind, product, category, subcategory,
                        urgency, status, requester_id, organisation_id, assignee_id, contact, follow_up_of_id,
                        created_at, updated_at, triage_key, public_updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    number, subject, new.description, new.kind.rawValue, new.product, new.category,
                    new.subcategory, new.urgency.rawValue, requester.id, organisation?.id, assignee?.id,
                    new.contact.rawValue, followUpOfID, now.deskSeconds, now.deskSeconds, triageKey, now.deskSeconds,
                ])
            let id = db.lastInsertedRowID
            // The requester's organisation contacts see it through the organisation rule; the
            // requester sees it as theirs. A staff member opening on behalf of a customer watches it.
            if viewer.isStaff && requester.id != viewer.id {
                try db.execute(sql: "INSERT OR IGNORE INTO watcher(ticket_id, user_id) VALUES (?, ?)", arguments: [id, viewer.id])
            }
            for watcher in watchers {
                try db.execute(sql: "INSERT OR IGNORE INTO watcher(ticket_id, user_id) VALUES (?, ?)", arguments: [id, watcher.id])
            }
            if let draft { try Self.deleteDraft(db, draft, userID: viewer.id) }
            for (name, file) in named {
                _ = try Self.insertAttachment(
                    db, number: number, name: name, mediaType: file.mediaType, data: file.data, by: viewer, at: now, messageID: nil)
            }
            return Ticket(
                id: id, number: number, subject: subject, description: new.description, kind: new.kind,
                product: new.product, category: new.category, subcategory: new.subcategory,
                urgency: new.urgency, status: .new, requesterID: requester.id,
                organisationID: organisation?.id, assigneeID: assignee?.id, contact: new.contact,
                followUpOfID: followUpOfID, createdAt: Date(deskSeconds: now.deskSeconds),
                updatedAt: Date(deskSeconds: now.deskSeconds), triageKey: triageKey)
        }
    }

    /// The users behind the handles named as watchers, each checked against the naming rule.
    static func namedWatchers(_ db: Database, _ handles: [String], viewer: Viewer, requester: User) throws -> [User] {
        var users: [User] = []
        for handle in handles where handle != requester.handle && !users.contains(where: { $0.handle == handle }) {
            // A customer must not learn which handles exist: unknown and not allowed read the same.
            let refusal = viewer.isStaff
                ? DeskError.invalidInput("\(handle) cannot watch this ticket: only staff and the requester's organisation may")
                : DeskError.notAllowed("customers may name only colleagues of their organisation as watchers")
            guard let user = try Self.user(db, handle: handle) else {
                throw viewer.isStaff ? DeskError.userNotFound(handle: handle) : refusal
            }
            guard Permissions.canNameWatcher(user, viewer: viewer, requester: requester) else { throw refusal }
            users.append(user)
        }
        return users
    }

    /// Active tickets of one requester are few, so comparing subjects in Swift is cheap.
    static func duplicateCandidate(_ db: Database, subject: String, requesterID: UserID) throws -> Ticket? {
        let active = try Row.fetchAll(
            db,
            sql: "SELECT * FROM ticket WHERE requester_id = ? AND is_closed = 0 ORDER BY created_at DESC, id DESC LIMIT 200",
            arguments: [requesterID]
        ).map(RowDecoding.ticket)
        return DuplicateGuard.firstMatch(subject, among: active)
    }

    public func ticket(number: Int64, viewer: Viewer) throws(DeskError) -> Ticket {
        try read { db in try Self.visibleTicket(db, number: number, viewer: viewer) }
    }

    public func detail(number: Int64, viewer: Viewer) throws(DeskError) -> TicketDetail {
        try detail(number: number, viewer: viewer, bodies: .all)
    }

    public func detail(number: Int64, viewer: Viewer, bodies: HistoryBodies) throws(DeskError) -> TicketDetail {
        try read { db in
            let ticket = try Self.visibleTicket(db, number: number, viewer: viewer)
            var (messages, unloadedBodies) = try Self.history(db, ticketID: ticket.id, viewer: viewer, bodies: bodies)
            // A public reply may answer an internal note: the viewer who cannot see the note
            // must not see a link to it either (its id would tell that it exists).
            let shown = IndexByID(messages.map(\.id))
            for index in messages.indices {
                if let parent = messages[index].inReplyToID, shown.index(of: parent) == nil { messages[index].inReplyToID = nil }
            }
            let attachments = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, a.ticket_id, a.message_id, a.name, a.media_type, a.size, a.sha256,
                        a.uploader_id, a.created_at
                    FROM attachment a LEFT JOIN message m ON m.id = a.message_id
                    WHERE a.ticket_id = ? AND (m.id IS NULL OR ? OR m.kind != 'internalNote')
                    ORDER BY a.created_at, a.id
                    """,
                arguments: [ticket.id, viewer.isStaff]
            ).map(RowDecoding.attachment)
            let watchers = try Row.fetchAll(
                db,
                sql: "SELECT u.* FROM watcher w JOIN user u ON u.id = w.user_id WHERE w.ticket_id = ? ORDER BY u.handle",
                arguments: [ticket.id]
            ).map { RowDecoding.user($0) }
            var authors: [UserID: User] = [:]
            // Everyone the detail names: message authors, requester, assignee, uploaders.
            var authorIDs = Set([ticket.requesterID] + [ticket.assigneeID].compactMap { $0 } + attachments.map(\.uploaderID))
            // A long history has few authors: a set filled message by message, without an
            // array of every author id first.
            var previousAuthor: UserID?
            for message in messages where message.authorID != previousAuthor {
                previousAuthor = message.authorID
                if let id = message.authorID { authorIDs.insert(id) }
            }
            for id in authorIDs { authors[id] = try Self.user(db, id: id) }
            guard let requester = authors[ticket.requesterID] else {
                throw DeskError.storage("ticket #\(number) has no requester")
            }
            let followUpOfNumber = try ticket.followUpOfID.flatMap {
                try Int64.fetchOne(db, sql: "SELECT number FROM ticket WHERE id = ?", arguments: [$0])
            }
            return TicketDetail(
                ticket: ticket, requester: requester, assignee: ticket.assigneeID.flatMap { authors[$0] },
                organisation: try ticket.organisationID.flatMap { try Self.organisation(db, id: $0) },
                followUpOfNumber: followUpOfNumber, messages: messages, attachments: attachments,
                watchers: watchers, authors: authors, unloadedBodies: unloadedBodies)
        }
    }

    /// Never waits for another process's write: Recent is a convenience, and reading a ticket
    /// must not stall behind an import. A view made while the desk is busy is not recorded.
    public func recordViewed(number: Int64, viewer: Viewer) throws(DeskError) {
        let now = self.now
        do {
            try recordViewed(number: number, viewer: viewer, at: now)
        } catch .databaseBusy {
            return
        }
    }

    private func recordViewed(number: Int64, viewer: Viewer, at now: Date) throws(DeskError) {
        try write(waitsForWriters: false) { db in
            let ticket = try Self.visibleTicket(db, number: number, viewer: viewer)
            // `sequence` orders views within the same second.
            let sequence = (try Int64.fetchOne(
                db, sql: "SELECT MAX(sequence) FROM recent_view WHERE user_id = ?", arguments: [viewer.id]) ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO recent_view(user_id, ticket_id, viewed_at, sequence) VALUES (?, ?, ?, ?)
                    ON CONFLICT(user_id, ticket_id) DO UPDATE SET viewed_at = excluded.viewed_at, sequence = excluded.sequence
                    """,
                arguments: [viewer.id, ticket.id, now.deskSeconds, sequence])
            // Keep the record bounded: Recent is a short memory, not a log.
            try db.execute(
                sql: """
                    DELETE FROM recent_view WHERE user_id = ? AND ticket_id NOT IN (
                        SELECT ticket_id FROM recent_view WHERE user_id = ? ORDER BY sequence DESC LIMIT ?)
                    """,
                arguments: [viewer.id, viewer.id, Self.recentLimit])
        }
    }

    static let recentLimit = 100
}
