import Foundation
import GRDB

/// The workflow's shared steps for SQLite code that has not moved into `Desk` yet: each runs
/// the lifted step through `SQLiteRows`, so the rule stays in one place.
extension SQLiteDeskStore {
    static func recordStatusChange(_ db: Database, ticket: Ticket, to status: TicketStatus, actor: User, at now: Date) throws {
        try Desk.recordStatusChange(SQLiteRows(db: db), ticket: ticket, to: status, actor: actor, at: now)
    }

    static func addSystemEvent(_ db: Database, ticketID: TicketID, actorID: UserID?, _ event: SystemEvent, at now: Date) throws {
        try Desk.addSystemEvent(SQLiteRows(db: db), ticketID: ticketID, actorID: actorID, event, at: now)
    }

    /// Moves the update time; `seenByCustomers` (a change they see) also the public one.
    static func touch(_ db: Database, ticketID: TicketID, at now: Date, seenByCustomers: Bool = true) throws {
        try SQLiteRows(db: db).touchTicket(ticketID, at: now, seenByCustomers: seenByCustomers)
    }
}
