import Foundation

/// A file's row as it is stored, with its bytes.
public struct AttachmentInsert: Equatable, Sendable {
    public var ticketID: TicketID
    public var messageID: MessageID?
    public var name: String
    public var mediaType: String
    public var data: Data
    public var sha256: String
    public var uploaderID: UserID
    public var createdAt: Date
}

/// Files attached to tickets and messages.
public protocol AttachmentRows {
    /// Bytes of every file this user uploaded, on any ticket (the customers' quota).
    func attachmentBytes(uploadedBy userID: UserID) throws -> Int64
    func insertAttachment(_ attachment: AttachmentInsert) throws -> AttachmentID
}
