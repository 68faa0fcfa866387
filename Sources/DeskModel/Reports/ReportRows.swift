import Foundation

/// One ticket's clock for the report: when it arrived, when the measured moment came (first
/// staff reply, or closure), and what its target depends on.
public struct ReportTiming: Equatable, Sendable {
    public var tier: SupportTier?
    public var urgency: Urgency
    public var start: Int64
    public var end: Int64

    public init(tier: SupportTier?, urgency: Urgency, start: Int64, end: Int64) {
        self.tier = tier
        self.urgency = urgency
        self.start = start
        self.end = end
    }
}

/// The rows the team lead's report reads: aggregates over index ranges, never a scan of the
/// desk. Times are desk seconds; `from..<to` is the period; `organisationID` narrows to one
/// organisation. A closed ticket's last update is its closure (closed is final), so closures
/// are read from the existing `(status, updated_at)` index.
public protocol ReportRows {
    /// Tickets opened and closed in the period by day (day 0 starts at `from`) and, for the
    /// whole desk (no `organisationID`), the `busiest` organisations that opened the most
    /// tickets in the period, most first (name order on a tie).
    func reportActivity(from: Int64, to: Int64, organisationID: OrganisationID?, busiest: Int) throws -> ReportActivity
    /// Tickets not closed, by status and urgency.
    func reportBacklog(organisationID: OrganisationID?) throws -> [(status: TicketStatus, urgency: Urgency, count: Int)]
    /// Tickets opened in the period that staff answered publicly: arrival and first answer.
    func reportFirstResponses(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [ReportTiming]
    /// Tickets closed in the period: arrival and closure.
    func reportResolutions(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [ReportTiming]
    /// Every agent and admin: open tickets assigned to them, and tickets of theirs closed in the period.
    func reportAgentLoad(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [(handle: String, open: Int, closed: Int)]
}

/// Report rows that count openings, closures and the busiest organisations each in a query of
/// its own (PostgreSQL, and the tests' recount); SQLite reads all three in one pass instead.
public protocol ReportRowsByKind: ReportRows {
    /// Tickets opened in the period, by day.
    func reportOpenedPerDay(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [Int: Int]
    /// Tickets closed in the period, by day.
    func reportClosedPerDay(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [Int: Int]
    /// The organisations that opened the most tickets in the period, most first (name order on a tie).
    func reportBusiestOrganisations(from: Int64, to: Int64, limit: Int) throws -> [(name: String, opened: Int, open: Int)]
}

/// Openings and closures by day (day 0 starts at `from`), and the busiest organisations.
public struct ReportActivity {
    public var perDay: [Int: (opened: Int, closed: Int)] = [:]
    public var busiest: [(name: String, opened: Int, open: Int)] = []

    public init() {}
}

extension ReportRowsByKind {
    public func reportActivity(from: Int64, to: Int64, organisationID: OrganisationID?, busiest: Int) throws -> ReportActivity {
        var activity = ReportActivity()
        for (day, count) in try reportOpenedPerDay(from: from, to: to, organisationID: organisationID) {
            activity.perDay[day, default: (0, 0)].opened = count
        }
        for (day, count) in try reportClosedPerDay(from: from, to: to, organisationID: organisationID) {
            activity.perDay[day, default: (0, 0)].closed = count
        }
        if organisationID == nil { activity.busiest = try reportBusiestOrganisations(from: from, to: to, limit: busiest) }
        return activity
    }
}

/// SQL both backends share (bigint seconds in both); `?` parameters are numbered by each backend.
public enum ReportSQL {
    /// The staff's public replies of one ticket: the first one is its first response.
    public static func firstStaffReply(ticket: String) -> String {
        """
        (SELECT MIN(m.created_at) FROM message m JOIN "user" u ON u.id = m.author_id
         WHERE m.ticket_id = \(ticket).id AND m.kind = 'reply' AND u.role != 'customer')
        """
    }
}
