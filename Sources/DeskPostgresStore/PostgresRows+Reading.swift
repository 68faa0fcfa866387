import DeskModel
import DeskPostgres
import Foundation

// NOT WRITTEN YET: every method below throws `PostgresRowsMissing`; replace them all.

extension PostgresRows: TicketReadingRows {
    func history( ticketID: TicketID, visibility: TicketVisibility, bodies: HistoryBodies ) throws -> (messages: [Message], unloadedBodies: [MessageID: Int]) { throw PostgresRowsMissing(#function) }
    func messageBodies(ticketID: TicketID, ids: [MessageID], visibility: TicketVisibility) throws -> [MessageID: String] { throw PostgresRowsMissing(#function) }
    func attachments(ticketID: TicketID, visibility: TicketVisibility) throws -> [Attachment] { throw PostgresRowsMissing(#function) }
    func watchers(ticketID: TicketID) throws -> [User] { throw PostgresRowsMissing(#function) }
    func ticketNumber(id: TicketID) throws -> Int64? { throw PostgresRowsMissing(#function) }
    func importSources(ticketID: TicketID) throws -> (ticket: String?, messages: [MessageID: String]) { throw PostgresRowsMissing(#function) }
    func attachmentBytes(id: AttachmentID) throws -> Data? { throw PostgresRowsMissing(#function) }
}

extension PostgresRows: ImportRows {
    func knownUsers() throws -> [User] { throw PostgresRowsMissing(#function) }
    func knownOrganisations() throws -> [Organisation] { throw PostgresRowsMissing(#function) }
    func knownImportAuthors() throws -> [(key: String, userID: UserID)] { throw PostgresRowsMissing(#function) }
    func organisation(matchingName name: String) throws -> Organisation? { throw PostgresRowsMissing(#function) }
    func insertImportedOrganisation(name: String, plan: Plan, tier: SupportTier) throws -> OrganisationID { throw PostgresRowsMissing(#function) }
    func insertImportedUser( handle: String, name: String, email: String, role: Role, organisationID: OrganisationID?, caseAccess: CaseAccess ) throws -> UserID { throw PostgresRowsMissing(#function) }
    func linkImportAuthor(key: String, userID: UserID, replacing: Bool) throws { throw PostgresRowsMissing(#function) }
    func importSource(externalID: String) throws -> ImportSourceRow? { throw PostgresRowsMissing(#function) }
    func insertImportSource(_ source: ImportSourceRow) throws { throw PostgresRowsMissing(#function) }
    func saveImportThread(ticketID: TicketID, subjectKey: String) throws { throw PostgresRowsMissing(#function) }
    func importThreadTicket(subjectKey: String, createdBy: Date, updatedSince: Date) throws -> TicketID? { throw PostgresRowsMissing(#function) }
    func importedTicket(id: TicketID) throws -> ImportedTicketRow? { throw PostgresRowsMissing(#function) }
    func insertImportedReply(ticketID: TicketID, authorID: UserID, body: String, createdAt: Date) throws -> MessageID { throw PostgresRowsMissing(#function) }
    func setReplyParent(messageID: MessageID, parentID: MessageID) throws { throw PostgresRowsMissing(#function) }
    func lastReply(ticketID: TicketID) throws -> ImportedReplyRow? { throw PostgresRowsMissing(#function) }
    func hasReply(ticketID: TicketID, byAuthorWithRoleIn roles: [Role]) throws -> Bool { throw PostgresRowsMissing(#function) }
    func updateImportedTicket( _ id: TicketID, status: TicketStatus, assigneeID: UserID?, updatedAt: Date, publicUpdatedAt: Date ) throws { throw PostgresRowsMissing(#function) }
}
