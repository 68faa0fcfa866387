import Foundation
import GRDB

/// A file to store with a new message: its name in the desk, media type and bytes.
public struct NewAttachment: Equatable, Sendable {
    public var name: String
    public var mediaType: String
    public var data: Data

    public init(name: String, mediaType: String, data: Data) {
        self.name = name
        self.mediaType = mediaType
        self.data = data
    }
}

extension SQLiteDeskStore {
    public func addMessage(
        _ new: NewMessage, by viewer: Viewer, clearingDraft draft: DraftSlot?, attaching files: [NewAttachment]
    ) throws(DeskError) -> Message {
        let body = new.body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw .invalidInput("The message is empty") }
        try FieldLimits.check(body, as: .messageBody)
        var named: [(name: String, file: NewAttachment)] = []
        for file in files { named.append((try Self.attachmentName(file.name), file)) }
        let now = self.now
        return try write { db in
            let message = try Self.insertMessage(db, new, body: body, by: viewer, at: now, clearingDraft: draft)
            // Attached to the message: a file sent with an internal note is as hidden as the note.
            for (name, file) in named {
                _ = try Self.insertAttachment(
                    db, number: new.ticketNumber, name: name, mediaType: file.mediaType, data: file.data, by: viewer, at: now,
                    messageID: message.id)
            }
            return message
        }
    }
}
