import Foundation

/// What the service-level clock of an open ticket starts from, when a desk first gets one
/// (`ServiceClockBackfill`).
public struct ServiceClockStart: Equatable, Sendable {
    public var ticketID: TicketID
    public var createdAt: Date
    public var urgency: Urgency
    public var status: TicketStatus
    public var tier: SupportTier?
    /// An agent has already replied publicly: the first response was given.
    public var answered: Bool

    public init(ticketID: TicketID, createdAt: Date, urgency: Urgency, status: TicketStatus, tier: SupportTier?, answered: Bool) {
        self.ticketID = ticketID
        self.createdAt = createdAt
        self.urgency = urgency
        self.status = status
        self.tier = tier
        self.answered = answered
    }
}

/// The service levels' rows: the settings document, each ticket's due times, the counts.
public protocol ServiceLevelRows {
    /// Stores `value` among the desk's settings under `key` (`DirectoryAdminRows.deskSettingValue`).
    func setDeskSettingValue(_ value: String, key: String) throws
    func ticketDue(ticketID: TicketID) throws -> TicketDue
    /// Stores the due times, `due_at` (`TicketDue.dueAtSeconds`) and the triage key that
    /// follows them (`Triage.key(…due:)`) in one row write.
    func updateTicketDue(ticketID: TicketID, _ due: TicketDue, triageKey: Int64) throws
    /// A status change with its clock, as one row write; `time` moves both update times
    /// (never backwards) when given.
    func updateStatus(ticketID: TicketID, to status: TicketStatus, touchingAt time: Date?, due: TicketDue, triageKey: Int64) throws
    /// Every ticket that is not closed, with what its clock starts from.
    func openTicketsForServiceClock() throws -> [ServiceClockStart]
    /// Tickets whose earliest due time is at or before `time` (only tickets with a running
    /// clock have one); with `assigneeID`, only that agent's.
    func countDue(atOrBefore time: Date, assigneeID: UserID?) throws -> Int
}

/// SQL both backends read the same way.
public enum ServiceLevelSQL {
    /// Open tickets with their tier and whether staff already replied publicly. It runs over
    /// every open ticket at once (a migration, a bulk load before its indexes exist), so
    /// "answered" is one pass over the messages, not a lookup per ticket: per ticket, a desk
    /// without the message index scanned every message for every open ticket (a million-ticket
    /// demo spent over 20 minutes there).
    public static let openTickets = """
        SELECT t.id, t.created_at, t.urgency, t.status, o.tier,
            t.id IN (SELECT m.ticket_id FROM message m JOIN "user" u ON u.id = m.author_id
                     WHERE m.kind = 'reply' AND u.role != 'customer') AS answered
        FROM ticket t LEFT JOIN organisation o ON o.id = t.organisation_id
        WHERE t.status != 'closed' ORDER BY t.id
        """

    static let clockStartColumns = """
        SELECT t.id, t.created_at, t.urgency, t.status, o.tier,
            EXISTS (SELECT 1 FROM message m JOIN "user" u ON u.id = m.author_id
                    WHERE m.ticket_id = t.id AND m.kind = 'reply' AND u.role != 'customer') AS answered
        FROM ticket t LEFT JOIN organisation o ON o.id = t.organisation_id
        """
}
