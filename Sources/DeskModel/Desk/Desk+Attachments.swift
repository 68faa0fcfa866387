import Foundation

/// The limits of files: a usable name, the desk's size limit, the customers' quota.
extension Desk {
    /// The name a file gets in the desk (its last path component), refused when unusable.
    static func attachmentName(_ name: String) throws(DeskError) -> String {
        let cleanName = (name as NSString).lastPathComponent
        guard !cleanName.isEmpty, !TextSafety.containsControlCharacters(cleanName) else {
            throw .refused(.model("'{name}' is not a usable attachment name", ["name": .text(TextSafety.sanitizedLine(name))]))
        }
        try FieldLimits.check(cleanName, as: .attachmentName)
        return cleanName
    }

    /// The limits and rows of a new attachment (of message `messageID`, if given), inside the
    /// caller's transaction. `name` has passed `attachmentName`.
    static func addAttachment(
        _ rows: any DeskRows, number: Int64, name cleanName: String, mediaType: String, data: Data, by viewer: Viewer,
        at now: Date, messageID: MessageID?
    ) throws -> Attachment {
        let settings = try rows.deskSettings()
        if Int64(data.count) > settings.attachmentLimit {
            throw DeskError.attachmentTooLarge(name: cleanName, size: Int64(data.count), limit: settings.attachmentLimit)
        }
        let ticket = try Self.visibleTicket(rows, number: number, viewer: viewer)
        if ticket.status.isClosed { throw DeskError.ticketClosed(number: ticket.number) }
        if !viewer.isStaff {
            let used = try rows.attachmentBytes(uploadedBy: viewer.id)
            if used + Int64(data.count) > settings.attachmentQuota {
                throw DeskError.attachmentQuotaExceeded(name: cleanName, size: Int64(data.count), used: used, quota: settings.attachmentQuota)
            }
        }
        let stored = AttachmentInsert(
            ticketID: ticket.id, messageID: messageID, name: cleanName, mediaType: mediaType, data: data,
            sha256: SHA256.hexDigest(data), uploaderID: viewer.id, createdAt: now.wholeSeconds)
        let id = try rows.insertAttachment(stored)
        // An attachment is activity (it delays auto-close) but never changes the status. A file
        // sent with a message is as visible as the message, which touched the ticket already.
        try rows.touchTicket(ticket.id, at: now, seenByCustomers: messageID == nil)
        return Attachment(
            id: id, ticketID: ticket.id, messageID: messageID, name: cleanName, mediaType: mediaType,
            size: Int64(data.count), sha256: stored.sha256, uploaderID: viewer.id, createdAt: stored.createdAt)
    }
}
