import Foundation

/// The team lead's report (#14), for staff: computed from aggregates the backend reads over
/// indexes; percentiles and the service-level comparison are worked out here, once, for
/// every backend.
extension Desk {
    public func report(_ query: ReportQuery, viewer: Viewer) throws(DeskError) -> Report {
        guard viewer.isStaff else { throw .forbidden(.model("only agents see reports", context: "not allowed")) }
        guard (1...ReportQuery.maximumDays).contains(query.days) else {
            throw .refused(.model("A report covers 1 to {max} days", ["max": .number(Int64(ReportQuery.maximumDays))]))
        }
        let period = ReportPeriod(days: query.days, now: now)
        return try read { rows in
            var organisationID: OrganisationID?
            if let name = query.organisation {
                guard let id = try rows.organisationID(named: name) else { throw DeskError.organisationNotFound(name: name) }
                organisationID = id
            }
            return try Self.report(rows, query: query, period: period, organisationID: organisationID, levels: try Self.serviceLevels(rows))
        }
    }

    /// The report from any `ReportRows`: the backends' kept aggregates, or (in the tests) the
    /// recount from the tickets and their history they must equal.
    static func report(
        _ rows: any ReportRows, query: ReportQuery, period: ReportPeriod, organisationID: OrganisationID?, levels: ServiceLevels
    ) throws -> Report {
        let activity = try rows.reportActivity(from: period.from, to: period.to, organisationID: organisationID, busiest: 5)
        let perDay = (0..<period.days).map { day in
            ReportDay(day: period.dayText(day), opened: activity.perDay[day]?.opened ?? 0, closed: activity.perDay[day]?.closed ?? 0)
        }
        let busiest = activity.busiest.map { ReportOrganisation(name: $0.name, opened: $0.opened, open: $0.open) }
        let backlog = try rows.reportBacklog(organisationID: organisationID)
            .map { ReportBacklog(status: $0.status, urgency: $0.urgency, count: $0.count) }
            .sorted { ($0.status.reportOrder, -$0.urgency.level) < ($1.status.reportOrder, -$1.urgency.level) }
        // Each kind is measured on another thread while the next rows are read (a year of a
        // large desk has a million timings of each); the reading stays in this transaction.
        let responseTimes = ReportMeasuring(try rows.reportFirstResponses(from: period.from, to: period.to, organisationID: organisationID), levels: levels) { $0.firstResponse }
        let resolutionTimes = ReportMeasuring(try rows.reportResolutions(from: period.from, to: period.to, organisationID: organisationID), levels: levels) { $0.resolution }
        let agents = try rows.reportAgentLoad(from: period.from, to: period.to, organisationID: organisationID)
            .map { ReportAgent(handle: $0.handle, open: $0.open, closed: $0.closed) }
            .sorted { ($0.open + $0.closed, $1.handle) > ($1.open + $1.closed, $0.handle) }
        let responsesByTier = responseTimes.result(), resolutionsByTier = resolutionTimes.result()
        let tiers = SupportTier.allCases.reversed().map { tier in
            ReportTierTimes(tier: tier, firstResponse: responsesByTier[tier.reportIndex], resolution: resolutionsByTier[tier.reportIndex])
        }
        return Report(
            firstDay: period.dayText(0), days: period.days, organisation: query.organisation, perDay: perDay, backlog: backlog,
            tiers: tiers, busiestOrganisations: busiest, agents: agents)
    }
}

/// The report's days: whole UTC days, the last one today.
struct ReportPeriod {
    let days: Int
    let from: Int64
    let to: Int64

    init(days: Int, now: Date) {
        let today = now.deskSeconds - ((now.deskSeconds % 86_400) + 86_400) % 86_400
        self.days = days
        from = today - Int64(days - 1) * 86_400
        to = today + 86_400
    }

    /// `YYYY-MM-DD` of the UTC day, by arithmetic on the proleptic Gregorian calendar (a
    /// year's report names 365 days; building a `Calendar` for each was most of the chart's cost).
    func dayText(_ day: Int) -> String {
        let seconds = from + Int64(day) * 86_400
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        // Days since 0000-03-01 in 400-year eras, so that leap days fall at the end of a year.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(dayOfMonth, 2)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension ReportTimes {
    /// Percentiles of the elapsed minutes, and the share within the target `target` picks:
    /// a time longer than the target's working minutes counted on the desk calendar breached it.
    static func measure(_ timings: [ReportTiming], levels: ServiceLevels, target: (ServiceTarget) -> Int) -> ReportTimes {
        measure(timings, groups: 1, group: { _ in 0 }, levels: levels, target: target)[0]
    }

    /// The same for each tier, by `SupportTier.reportIndex` (an organisation without a tier
    /// counts as standard), in one pass: a year of a large desk has a million timings.
    static func measureByTier(_ timings: [ReportTiming], levels: ServiceLevels, target: (ServiceTarget) -> Int) -> [ReportTimes] {
        measure(timings, groups: SupportTier.allCases.count, group: { ($0.tier ?? .standard).reportIndex }, levels: levels, target: target)
    }

    private static func measure(
        _ timings: [ReportTiming], groups: Int, group: (ReportTiming) -> Int, levels: ServiceLevels, target: (ServiceTarget) -> Int
    ) -> [ReportTimes] {
        // The targets by the timing's own tier (none first) and urgency level: no hashing per timing.
        let urgencies = Urgency.allCases.count
        var allowedMinutes = [Int](repeating: 0, count: (SupportTier.allCases.count + 1) * urgencies)
        for tier in [nil] + SupportTier.allCases.map(Optional.some) {
            for urgency in Urgency.allCases {
                allowedMinutes[(tier.map { $0.reportIndex + 1 } ?? 0) * urgencies + urgency.level] =
                    target(levels.target(tier: tier, urgency: urgency))
            }
        }
        var sizes = [Int](repeating: 0, count: groups)
        var from = Int64.max, to = Int64.min
        for timing in timings {
            sizes[group(timing)] += 1
            from = min(from, timing.start)
            to = max(to, timing.end)
        }
        var minutes = sizes.map { size in
            var values: [Int] = []
            values.reserveCapacity(size)
            return values
        }
        var met = [Int](repeating: 0, count: groups)
        var timeline: WorkingTimeline?
        for timing in timings {
            let own = group(timing)
            let elapsed = timing.end - timing.start
            minutes[own].append(Int(max(0, elapsed) / 60))
            let allowed = allowedMinutes[(timing.tier.map { $0.reportIndex + 1 } ?? 0) * urgencies + timing.urgency.level]
            // Working time never exceeds wall time: within the target on the wall clock is within it.
            if elapsed / 60 <= Int64(allowed) { met[own] += 1; continue }
            if timeline == nil { timeline = WorkingTimeline(calendar: levels.calendar, from: from, to: to) }
            if let answer = timeline!.met(start: timing.start, end: timing.end, minutes: allowed) {
                if answer { met[own] += 1 }
                continue
            }
            let due = levels.calendar.adding(minutes: allowed, to: Date(deskSeconds: timing.start))
            if Date(deskSeconds: timing.end) <= due { met[own] += 1 }
        }
        return (0..<groups).map { own in
            let percentiles = Percentile.nearestRanks([50, 90], ofUnsorted: &minutes[own])
            return ReportTimes(
                count: minutes[own].count, p50Minutes: percentiles[0], p90Minutes: percentiles[1],
                met: met[own], breached: minutes[own].count - met[own])
        }
    }
}

/// One kind's times by tier, worked out on a thread of its own from the rows already read.
private final class ReportMeasuring: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the measuring thread before `done` is signalled; read after waiting on it.
    private var times: [ReportTimes] = []

    init(_ timings: [ReportTiming], levels: ServiceLevels, target: @escaping @Sendable (ServiceTarget) -> Int) {
        Thread.detachNewThread { [self] in
            times = ReportTimes.measureByTier(timings, levels: levels, target: target)
            done.signal()
        }
    }

    func result() -> [ReportTimes] {
        done.wait()
        done.signal()
        return times
    }
}

extension SupportTier {
    /// Its position in `allCases`, without building that array (a look-up per timing).
    var reportIndex: Int {
        switch self {
        case .standard: 0
        case .priority: 1
        case .premium: 2
        }
    }
}

extension TicketStatus {
    /// The workflow's order: new first, closed last.
    var reportOrder: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
