import DeskModel
import DeskPostgres
import Foundation

// NOT WRITTEN YET: every method below throws `PostgresRowsMissing`; replace them all.

extension PostgresRows: TicketRows {
    func ticket(number: Int64, visibility: TicketVisibility) throws -> Ticket? { throw PostgresRowsMissing(#function) }
    func activeTickets(requesterID: UserID, limit: Int) throws -> [Ticket] { throw PostgresRowsMissing(#function) }
    func reserveTicketNumber() throws -> Int64 { throw PostgresRowsMissing(#function) }
    func insertTicket(_ ticket: TicketInsert) throws -> TicketID { throw PostgresRowsMissing(#function) }
    func touchTicket(_ id: TicketID, at time: Date, seenByCustomers: Bool) throws { throw PostgresRowsMissing(#function) }
    func addWatcher(ticketID: TicketID, userID: UserID) throws { throw PostgresRowsMissing(#function) }
    func deleteDraft(_ slot: DraftSlot, userID: UserID) throws { throw PostgresRowsMissing(#function) }
}

extension PostgresRows: AttachmentRows {
    func attachmentBytes(uploadedBy userID: UserID) throws -> Int64 { throw PostgresRowsMissing(#function) }
    func insertAttachment(_ attachment: AttachmentInsert) throws -> AttachmentID { throw PostgresRowsMissing(#function) }
}

extension PostgresRows: WorkflowRows {
    func hasMessage(id: MessageID, ticketID: TicketID, visibility: TicketVisibility) throws -> Bool { throw PostgresRowsMissing(#function) }
    func insertMessage(_ message: MessageInsert) throws -> MessageID { throw PostgresRowsMissing(#function) }
    func updateStatus(ticketID: TicketID, to status: TicketStatus) throws { throw PostgresRowsMissing(#function) }
    func updateAssignee(ticketID: TicketID, to assigneeID: UserID?, touchingAt time: Date) throws { throw PostgresRowsMissing(#function) }
    func removeWatcher(ticketID: TicketID, userID: UserID) throws { throw PostgresRowsMissing(#function) }
    func attachmentData(id: AttachmentID, visibility: TicketVisibility) throws -> Data? { throw PostgresRowsMissing(#function) }
    func hasTickets(status: TicketStatus, publicUpdateAtOrBefore time: Date) throws -> Bool { throw PostgresRowsMissing(#function) }
    func tickets(status: TicketStatus, publicUpdateAtOrBefore time: Date) throws -> [Ticket] { throw PostgresRowsMissing(#function) }
    func savepoint<T>(_ body: () throws -> T) throws -> T { throw PostgresRowsMissing(#function) }
}
