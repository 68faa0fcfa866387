import Foundation

/// Changes to existing tickets still run by the SQLite backend (issue #10: they move into
/// `Desk` over `DeskRows`).
extension Desk {
    public func addMessage(_ message: NewMessage, by viewer: Viewer) throws(DeskError) -> Message {
        try sqliteStore.addMessage(message, by: viewer)
    }
    public func addMessage(_ message: NewMessage, by viewer: Viewer, clearingDraft: DraftSlot?) throws(DeskError) -> Message {
        try sqliteStore.addMessage(message, by: viewer, clearingDraft: clearingDraft)
    }
    public func addMessage(
        _ message: NewMessage, by viewer: Viewer, clearingDraft: DraftSlot?, attaching files: [NewAttachment]
    ) throws(DeskError) -> Message {
        try sqliteStore.addMessage(message, by: viewer, clearingDraft: clearingDraft, attaching: files)
    }
    public func changeStatus(number: Int64, to status: TicketStatus, by viewer: Viewer) throws(DeskError) -> Ticket {
        try sqliteStore.changeStatus(number: number, to: status, by: viewer)
    }
    public func assign(number: Int64, to handle: String?, by viewer: Viewer) throws(DeskError) -> Ticket {
        try sqliteStore.assign(number: number, to: handle, by: viewer)
    }
    public func setWatching(number: Int64, handle: String, watching: Bool, by viewer: Viewer) throws(DeskError) {
        try sqliteStore.setWatching(number: number, handle: handle, watching: watching, by: viewer)
    }
    public func attach(number: Int64, name: String, mediaType: String, data: Data, by viewer: Viewer) throws(DeskError) -> Attachment {
        try sqliteStore.attach(number: number, name: name, mediaType: mediaType, data: data, by: viewer)
    }
    public func attachmentData(id: AttachmentID, viewer: Viewer) throws(DeskError) -> Data {
        try sqliteStore.attachmentData(id: id, viewer: viewer)
    }
    public func autoCloseIdleTickets() throws(DeskError) -> [Int64] { try sqliteStore.autoCloseIdleTickets() }
    /// With `waitsForWriters: false` (a login), a busy desk is left for the next login or `maintain`.
    public func autoCloseIdleTickets(waitsForWriters: Bool) throws(DeskError) -> [Int64] {
        try sqliteStore.autoCloseIdleTickets(waitsForWriters: waitsForWriters)
    }
    public func bulk(_ operation: BulkOperation, numbers: [Int64], by viewer: Viewer) throws(DeskError) -> [BulkOutcome] {
        try sqliteStore.bulk(operation, numbers: numbers, by: viewer)
    }
    public func ticketWatcherCandidates(number: Int64, viewer: Viewer) throws(DeskError) -> [User] {
        try sqliteStore.ticketWatcherCandidates(number: number, viewer: viewer)
    }
}
