import Foundation

/// Reading one ticket: who sees which messages and files, and the links between them.
extension Desk {
    public func ticket(number: Int64, viewer: Viewer) throws(DeskError) -> Ticket {
        try read { rows in try Self.visibleTicket(rows, number: number, viewer: viewer) }
    }

    public func detail(number: Int64, viewer: Viewer) throws(DeskError) -> TicketDetail {
        try detail(number: number, viewer: viewer, bodies: .all)
    }

    public func detail(number: Int64, viewer: Viewer, bodies: HistoryBodies) throws(DeskError) -> TicketDetail {
        try read { rows in try Self.detail(rows, number: number, viewer: viewer, bodies: bodies) }
    }

    public func messageBodies(number: Int64, ids: [MessageID], viewer: Viewer) throws(DeskError) -> [MessageID: String] {
        try read { rows in
            let ticket = try Self.visibleTicket(rows, number: number, viewer: viewer)
            return try rows.messageBodies(ticketID: ticket.id, ids: ids, visibility: TicketVisibility(viewer))
        }
    }

    /// A ticket as the viewer may see it, for `MboxExport`.
    public func exportTicket(number: Int64, viewer: Viewer) throws(DeskError) -> ExportedTicket {
        try read { rows in
            let detail = try Self.detail(rows, number: number, viewer: viewer, bodies: .all)
            let sources = try rows.importSources(ticketID: detail.ticket.id)
            var data: [AttachmentID: Data] = [:]
            for attachment in detail.attachments {
                data[attachment.id] = try rows.attachmentBytes(id: attachment.id) ?? Data()
            }
            return ExportedTicket(detail: detail, rootSource: sources.ticket, messageSources: sources.messages, attachmentData: data)
        }
    }

    static func detail(_ rows: any DeskRows, number: Int64, viewer: Viewer, bodies: HistoryBodies) throws -> TicketDetail {
        let visibility = TicketVisibility(viewer)
        let ticket = try visibleTicket(rows, number: number, viewer: viewer)
        var (messages, unloadedBodies) = try rows.history(ticketID: ticket.id, visibility: visibility, bodies: bodies)
        messages = CallbackPrivacy.eventsForReader(messages, viewer: viewer)
        // A public reply may answer an internal note: the viewer who cannot see the note
        // must not see a link to it either (its id would tell that it exists).
        let shown = IndexByID(messages.map(\.id))
        for index in messages.indices {
            if let parent = messages[index].inReplyToID, shown.index(of: parent) == nil { messages[index].inReplyToID = nil }
        }
        let attachments = try rows.attachments(ticketID: ticket.id, visibility: visibility)
        let watchers = try rows.watchers(ticketID: ticket.id)
        var authors: [UserID: User] = [:]
        // Everyone the detail names: message authors, requester, assignee, uploaders.
        var authorIDs = Set([ticket.requesterID] + [ticket.assigneeID].compactMap { $0 } + attachments.map(\.uploaderID))
        // A long history has few authors: a set filled message by message, without an
        // array of every author id first.
        // By position: a loop over the messages would copy each one.
        var previousAuthor: UserID?
        for index in messages.indices where messages[index].authorID != previousAuthor {
            previousAuthor = messages[index].authorID
            if let id = previousAuthor { authorIDs.insert(id) }
        }
        for id in authorIDs { authors[id] = try rows.user(id: id) }
        guard let requester = authors[ticket.requesterID] else {
            throw DeskError.storage("ticket #\(number) has no requester")
        }
        let followUpOfNumber = try ticket.followUpOfID.flatMap { try rows.ticketNumber(id: $0) }
        var detail = TicketDetail(
            ticket: ticket, requester: requester, assignee: ticket.assigneeID.flatMap { authors[$0] },
            organisation: try ticket.organisationID.flatMap { try rows.organisation(id: $0) },
            followUpOfNumber: followUpOfNumber, messages: messages, attachments: attachments,
            watchers: watchers, authors: authors, unloadedBodies: unloadedBodies)
        // The desk's internal targets: staff only (README, "Service levels").
        if viewer.isStaff { detail.due = try rows.ticketDue(ticketID: ticket.id) }
        return detail
    }
}
