import Foundation

/// Reading one ticket's history, files and people (`TicketDetail`, exports).
public protocol TicketReadingRows {
    /// The messages `visibility` lets be seen, in time order (`created`, then id), with the
    /// bodies `bodies` says; the others come empty, listed with their length in characters.
    func history(
        ticketID: TicketID, visibility: TicketVisibility, bodies: HistoryBodies
    ) throws -> (messages: [Message], unloadedBodies: BodyLengths)
    /// Bodies of the given messages of one ticket, only of those `visibility` lets be seen.
    func messageBodies(ticketID: TicketID, ids: [MessageID], visibility: TicketVisibility) throws -> [MessageID: String]
    /// The ticket's files (without their bytes) in time order, those on messages `visibility`
    /// hides left out.
    func attachments(ticketID: TicketID, visibility: TicketVisibility) throws -> [Attachment]
    /// The ticket's watchers by handle.
    func watchers(ticketID: TicketID) throws -> [User]
    func ticketNumber(id: TicketID) throws -> Int64?
    /// Where an imported ticket came from: the external id of its first mail and of each message.
    func importSources(ticketID: TicketID) throws -> (ticket: String?, messages: [MessageID: String])
    func attachmentBytes(id: AttachmentID) throws -> Data?
}
