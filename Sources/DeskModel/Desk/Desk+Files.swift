import Foundation

/// Files added to an existing ticket, and reading a file back: one on an internal note is as
/// hidden from customers as the note.
extension Desk {
    public func attach(number: Int64, name: String, mediaType: String, data: Data, by viewer: Viewer) throws(DeskError) -> Attachment {
        let cleanName = try Self.attachmentName(name)
        let now = self.now
        return try write { rows in
            try Self.addAttachment(rows, number: number, name: cleanName, mediaType: mediaType, data: data, by: viewer, at: now, messageID: nil)
        }
    }

    /// An attachment the viewer may not see (on a ticket they cannot see, or on an internal note
    /// for a customer) is reported exactly like one that does not exist.
    public func attachmentData(id: AttachmentID, viewer: Viewer) throws(DeskError) -> Data {
        try read { rows in
            guard let data = try rows.attachmentData(id: id, visibility: TicketVisibility(viewer)) else {
                throw DeskError.refused(.model("No attachment {id}", ["id": .number(id)]))
            }
            return data
        }
    }
}
