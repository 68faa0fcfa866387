import Foundation

/// An open ticket's stored clock, as a tier change reads it.
public struct TicketClockRow: Equatable, Sendable {
    public var ticketID: TicketID
    public var createdAt: Date
    public var urgency: Urgency
    public var due: TicketDue

    public init(ticketID: TicketID, createdAt: Date, urgency: Urgency, due: TicketDue) {
        self.ticketID = ticketID
        self.createdAt = createdAt
        self.urgency = urgency
        self.due = due
    }
}

/// One ticket's new clock and the triage key that follows it.
public struct TicketDueUpdate: Equatable, Sendable {
    public var ticketID: TicketID
    public var due: TicketDue
    public var triageKey: Int64

    public init(ticketID: TicketID, due: TicketDue, triageKey: Int64) {
        self.ticketID = ticketID
        self.due = due
        self.triageKey = triageKey
    }
}

/// The rows behind clocks started or moved outside a single ticket's change: an imported
/// ticket's (`ServiceClockBackfill.restart`) and an organisation's new tier (`Desk.setOrganisationTier`).
public protocol ServiceClockRows {
    /// What one ticket's clock starts from (`ServiceLevelSQL.openTickets` for that ticket,
    /// closed or not); nil when it is missing.
    func serviceClockStart(ticketID: TicketID) throws -> ServiceClockStart?
    /// The organisation's tickets that are not closed, with their stored clocks, by id.
    func openTicketClocks(organisationID: OrganisationID) throws -> [TicketClockRow]
    /// Stores many clocks (as `updateTicketDue` each), in batches the backend chooses.
    func updateTicketDues(_ updates: [TicketDueUpdate]) throws
    /// Sets the organisation's tier, and moves the triage key of its closed tickets by
    /// `triageShift` seconds (their key is the base key, which the tier's head start moves).
    func setOrganisationTier(_ id: OrganisationID, tier: SupportTier, closedTriageShift triageShift: Int64) throws
}

extension ServiceLevelSQL {
    /// `openTickets` for one ticket, closed or not (`?`/`$1`: the ticket's id, given as `placeholder`).
    public static func clockStart(placeholder: String) -> String {
        clockStartColumns + " WHERE t.id = \(placeholder)"
    }

    public static func openTicketClocks(placeholder: String) -> String {
        """
        SELECT id, created_at, urgency, first_response_due, resolution_due, first_response_left, resolution_left
        FROM ticket WHERE organisation_id = \(placeholder) AND status != 'closed' ORDER BY id
        """
    }
}
