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
        let opened = try rows.reportOpenedPerDay(from: period.from, to: period.to, organisationID: organisationID)
        let closed = try rows.reportClosedPerDay(from: period.from, to: period.to, organisationID: organisationID)
        let perDay = (0..<period.days).map { day in
            ReportDay(day: period.dayText(day), opened: opened[day] ?? 0, closed: closed[day] ?? 0)
        }
        let backlog = try rows.reportBacklog(organisationID: organisationID)
            .map { ReportBacklog(status: $0.status, urgency: $0.urgency, count: $0.count) }
            .sorted { ($0.status.reportOrder, -$0.urgency.level) < ($1.status.reportOrder, -$1.urgency.level) }
        let responses = try rows.reportFirstResponses(from: period.from, to: period.to, organisationID: organisationID)
        let resolutions = try rows.reportResolutions(from: period.from, to: period.to, organisationID: organisationID)
        let tiers = SupportTier.allCases.reversed().map { tier in
            ReportTierTimes(
                tier: tier,
                firstResponse: ReportTimes.measure(responses.filter { ($0.tier ?? .standard) == tier }, levels: levels) { $0.firstResponse },
                resolution: ReportTimes.measure(resolutions.filter { ($0.tier ?? .standard) == tier }, levels: levels) { $0.resolution })
        }
        let busiest = organisationID == nil
            ? try rows.reportBusiestOrganisations(from: period.from, to: period.to, limit: 5)
                .map { ReportOrganisation(name: $0.name, opened: $0.opened, open: $0.open) }
            : []
        let agents = try rows.reportAgentLoad(from: period.from, to: period.to, organisationID: organisationID)
            .map { ReportAgent(handle: $0.handle, open: $0.open, closed: $0.closed) }
            .sorted { ($0.open + $0.closed, $1.handle) > ($1.open + $1.closed, $0.handle) }
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

    func dayText(_ day: Int) -> String {
        let date = Date(deskSeconds: from + Int64(day) * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

extension ReportTimes {
    /// Percentiles of the elapsed minutes, and the share within the target `target` picks:
    /// a time longer than the target's working minutes counted on the desk calendar breached it.
    static func measure(_ timings: [ReportTiming], levels: ServiceLevels, target: (ServiceTarget) -> Int) -> ReportTimes {
        let minutes = timings.map { Int(max(0, $0.end - $0.start) / 60) }.sorted()
        var allowedMinutes: [ReportTargetKey: Int] = [:]
        for tier in [nil] + SupportTier.allCases.map(Optional.some) {
            for urgency in Urgency.allCases {
                allowedMinutes[ReportTargetKey(tier: tier, urgency: urgency)] = target(levels.target(tier: tier, urgency: urgency))
            }
        }
        var timeline: WorkingTimeline?
        var met = 0
        for timing in timings {
            let allowed = allowedMinutes[ReportTargetKey(tier: timing.tier, urgency: timing.urgency)]!
            // Working time never exceeds wall time: within the target on the wall clock is within it.
            if (timing.end - timing.start) / 60 <= Int64(allowed) { met += 1; continue }
            if timeline == nil {
                timeline = WorkingTimeline(
                    calendar: levels.calendar, from: timings.lazy.map(\.start).min()!, to: timings.lazy.map(\.end).max()!)
            }
            if let answer = timeline!.met(start: timing.start, end: timing.end, minutes: allowed) {
                if answer { met += 1 }
                continue
            }
            let due = levels.calendar.adding(minutes: allowed, to: Date(deskSeconds: timing.start))
            if Date(deskSeconds: timing.end) <= due { met += 1 }
        }
        return ReportTimes(
            count: timings.count, p50Minutes: Percentile.nearestRank(50, ofSorted: minutes),
            p90Minutes: Percentile.nearestRank(90, ofSorted: minutes), met: met, breached: timings.count - met)
    }
}

private struct ReportTargetKey: Hashable {
    let tier: SupportTier?
    let urgency: Urgency
}

extension TicketStatus {
    /// The workflow's order: new first, closed last.
    var reportOrder: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
