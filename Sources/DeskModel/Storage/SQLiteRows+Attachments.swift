import GRDB

extension SQLiteRows: AttachmentRows {
    func attachmentBytes(uploadedBy userID: UserID) throws -> Int64 {
        try Int64.fetchOne(
            db, sql: "SELECT COALESCE(SUM(size), 0) FROM attachment WHERE uploader_id = ?", arguments: [userID]) ?? 0
    }

    func insertAttachment(_ attachment: AttachmentInsert) throws -> AttachmentID {
        try db.execute(
            sql: """
                INSERT INTO attachment(ticket_id, message_id, name, media_type, size, sha256, uploader_id, created_at, data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                attachment.ticketID, attachment.messageID, attachment.name, attachment.mediaType,
                attachment.data.count, attachment.sha256, attachment.uploaderID,
                attachment.createdAt.deskSeconds, attachment.data,
            ])
        return db.lastInsertedRowID
    }
}
