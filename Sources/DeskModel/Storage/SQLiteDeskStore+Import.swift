import Foundation
import GRDB

/// A ticket with what a mail export needs beyond its detail: the ids its messages had when
/// they were imported, and the attachments' bytes.
public struct ExportedTicket: Sendable {
    public var detail: TicketDetail
    /// The external id of the message that opened the ticket, when it was imported.
    public var rootSource: String?
    public var messageSources: [MessageID: String]
    public var attachmentData: [AttachmentID: Data]
}

extension SQLiteDeskStore {
    /// A ticket as the viewer may see it, for `MboxExport`.
    public func exportTicket(number: Int64, viewer: Viewer) throws(DeskError) -> ExportedTicket {
        let detail = try detail(number: number, viewer: viewer)
        return try read { db in
            var rootSource: String?
            var sources: [MessageID: String] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT external_id, message_id FROM import_source WHERE ticket_id = ?", arguments: [detail.ticket.id]) {
                if let message: MessageID = row["message_id"] { sources[message] = row["external_id"] } else { rootSource = row["external_id"] }
            }
            var data: [AttachmentID: Data] = [:]
            for attachment in detail.attachments {
                data[attachment.id] = try Data.fetchOne(db, sql: "SELECT data FROM attachment WHERE id = ?", arguments: [attachment.id]) ?? Data()
            }
            return ExportedTicket(detail: detail, rootSource: rootSource, messageSources: sources, attachmentData: data)
        }
    }
}
