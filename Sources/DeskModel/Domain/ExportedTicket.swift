import Foundation

/// A ticket with what a mail export needs beyond its detail: the ids its messages had when
/// they were imported, and the attachments' bytes.
public struct ExportedTicket: Sendable {
    public var detail: TicketDetail
    /// The external id of the message that opened the ticket, when it was imported.
    public var rootSource: String?
    public var messageSources: [MessageID: String]
    public var attachmentData: [AttachmentID: Data]
}
