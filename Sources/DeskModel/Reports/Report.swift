import Foundation

/// What the team lead's report asks for: the last `days` days up to now, optionally of one
/// organisation.
public struct ReportQuery: Equatable, Sendable {
    public var days: Int
    public var organisation: String?

    public init(days: Int = 30, organisation: String? = nil) {
        self.days = days
        self.organisation = organisation
    }

    /// The longest period a report covers (a year and a bit: the per-day chart stays readable).
    public static let maximumDays = 400
}

/// The team lead's dashboard as values (#14): typed numbers, no words; the command line and
/// the client choose the words. The JSON keys are stable.
public struct Report: Equatable, Codable, Sendable {
    /// The first day of the period (UTC, YYYY-MM-DD) and its length in days; the last day is today.
    public var firstDay: String
    public var days: Int
    public var organisation: String?
    public var perDay: [ReportDay]
    public var backlog: [ReportBacklog]
    public var tiers: [ReportTierTimes]
    public var busiestOrganisations: [ReportOrganisation]
    public var agents: [ReportAgent]

    public init(firstDay: String, days: Int, organisation: String?, perDay: [ReportDay], backlog: [ReportBacklog],
                tiers: [ReportTierTimes], busiestOrganisations: [ReportOrganisation], agents: [ReportAgent]) {
        self.firstDay = firstDay
        self.days = days
        self.organisation = organisation
        self.perDay = perDay
        self.backlog = backlog
        self.tiers = tiers
        self.busiestOrganisations = busiestOrganisations
        self.agents = agents
    }

    public var openedTotal: Int { perDay.reduce(0) { $0 + $1.opened } }
    public var closedTotal: Int { perDay.reduce(0) { $0 + $1.closed } }
    public var backlogTotal: Int { backlog.reduce(0) { $0 + $1.count } }

    /// The backlog of one status (every urgency).
    public func backlog(status: TicketStatus) -> Int { backlog.filter { $0.status == status }.reduce(0) { $0 + $1.count } }
    /// The backlog of one urgency (every status).
    public func backlog(urgency: Urgency) -> Int { backlog.filter { $0.urgency == urgency }.reduce(0) { $0 + $1.count } }
}

public struct ReportDay: Equatable, Codable, Sendable {
    /// YYYY-MM-DD, UTC.
    public var day: String
    public var opened: Int
    public var closed: Int

    public init(day: String, opened: Int, closed: Int) {
        self.day = day
        self.opened = opened
        self.closed = closed
    }
}

public struct ReportBacklog: Equatable, Codable, Sendable {
    public var status: TicketStatus
    public var urgency: Urgency
    public var count: Int

    public init(status: TicketStatus, urgency: Urgency, count: Int) {
        self.status = status
        self.urgency = urgency
        self.count = count
    }
}

/// Times of one support tier (tickets without an organisation count as standard, as their targets do).
public struct ReportTierTimes: Equatable, Codable, Sendable {
    public var tier: SupportTier
    public var firstResponse: ReportTimes
    public var resolution: ReportTimes

    public init(tier: SupportTier, firstResponse: ReportTimes, resolution: ReportTimes) {
        self.tier = tier
        self.firstResponse = firstResponse
        self.resolution = resolution
    }
}

/// Elapsed times in minutes (wall clock) and how many met the service-level target (working
/// time of the desk calendar, from arrival; time waiting on the customer is not taken off).
public struct ReportTimes: Equatable, Codable, Sendable {
    public var count: Int
    public var p50Minutes: Int?
    public var p90Minutes: Int?
    public var met: Int
    public var breached: Int

    public init(count: Int, p50Minutes: Int?, p90Minutes: Int?, met: Int, breached: Int) {
        self.count = count
        self.p50Minutes = p50Minutes
        self.p90Minutes = p90Minutes
        self.met = met
        self.breached = breached
    }

    public static let empty = ReportTimes(count: 0, p50Minutes: nil, p90Minutes: nil, met: 0, breached: 0)

    /// The share that met the target, in whole percent (nil with nothing measured).
    public var metPercent: Int? { count == 0 ? nil : (met * 100 + count / 2) / count }
}

public struct ReportOrganisation: Equatable, Codable, Sendable {
    public var name: String
    /// Tickets opened in the period.
    public var opened: Int
    /// Tickets of the organisation not closed now.
    public var open: Int

    public init(name: String, opened: Int, open: Int) {
        self.name = name
        self.opened = opened
        self.open = open
    }
}

public struct ReportAgent: Equatable, Codable, Sendable {
    public var handle: String
    /// Open tickets assigned to the agent now.
    public var open: Int
    /// Tickets assigned to the agent closed in the period.
    public var closed: Int

    public init(handle: String, open: Int, closed: Int) {
        self.handle = handle
        self.open = open
        self.closed = closed
    }
}
