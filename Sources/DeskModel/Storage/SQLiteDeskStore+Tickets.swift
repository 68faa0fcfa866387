import Foundation
import GRDB

/// Reading one ticket.
extension SQLiteDeskStore {
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
}
