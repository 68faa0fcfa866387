import Foundation
import XCTest

@testable import DeskModel

/// The team lead's report through the desk, on every backend: a small desk whose figures are
/// known exactly (per day, backlog, times against the targets, organisations, agents), the
/// period's edges, one organisation, and who may read it.
final class StoreReportTests: StoreTestCase {
    func utc(_ text: String) -> Date { ServiceLevelRulesTests.utc(text) }

    /// #1 outside the week (opened and closed in February); on Friday 1 March at 09:00 #2
    /// (Pro Co, priority, serious: answered in 1 h, closed in 3 h), #3 (Big Co, premium,
    /// critical: answered Monday 09:00, 72 h later, 8 working hours against a 1 h target) and
    /// #4 (Free Co, standard, not answered). The report is read on Monday 4 March at 12:00.
    func makeDesk() throws {
        f.clock.set(utc("2024-02-20T10:00"))
        try f.ticket("Old", by: f.pia, urgency: .low)
        _ = try store.assign(number: 1, to: "alice", by: f.alice)
        f.clock.set(utc("2024-02-20T11:00"))
        try f.reply(1, "Done", by: f.alice)
        f.clock.set(utc("2024-02-21T10:00"))
        _ = try store.changeStatus(number: 1, to: .closed, by: f.alice)

        f.clock.set(utc("2024-03-01T09:00"))
        try f.ticket("VPN drops", by: f.peter, urgency: .serious)
        try f.ticket("Site down", by: f.erin, urgency: .critical)
        try f.ticket("Invoice copy", by: f.fred, kind: .question)
        _ = try store.assign(number: 2, to: "alice", by: f.alice)
        _ = try store.assign(number: 3, to: "bob", by: f.bob)
        f.clock.set(utc("2024-03-01T10:00"))
        try f.note(2, "Looking", by: f.alice)
        try f.reply(2, "Try again now", by: f.alice)
        try f.reply(2, "Works", by: f.peter)
        f.clock.set(utc("2024-03-01T12:00"))
        _ = try store.changeStatus(number: 2, to: .closed, by: f.alice)
        f.clock.set(utc("2024-03-04T09:00"))
        try f.reply(3, "Restarted", by: f.bob)
        f.clock.set(utc("2024-03-04T12:00"))
    }

    func testAWeekOfASmallDeskHasExactFigures() throws {
        try makeDesk()
        let report = try store.report(ReportQuery(days: 7), viewer: f.alice)
        XCTAssertEqual(report.firstDay, "2024-02-27")
        XCTAssertEqual(report.days, 7)
        XCTAssertNil(report.organisation)
        XCTAssertEqual(report.perDay, [
            ReportDay(day: "2024-02-27", opened: 0, closed: 0), ReportDay(day: "2024-02-28", opened: 0, closed: 0),
            ReportDay(day: "2024-02-29", opened: 0, closed: 0), ReportDay(day: "2024-03-01", opened: 3, closed: 1),
            ReportDay(day: "2024-03-02", opened: 0, closed: 0), ReportDay(day: "2024-03-03", opened: 0, closed: 0),
            ReportDay(day: "2024-03-04", opened: 0, closed: 0),
        ])
        XCTAssertEqual(report.backlog, [
            ReportBacklog(status: .new, urgency: .none, count: 1),
            ReportBacklog(status: .open, urgency: .critical, count: 1),
        ])
        XCTAssertEqual(report.tiers, [
            ReportTierTimes(
                tier: .premium,
                firstResponse: ReportTimes(count: 1, p50Minutes: 72 * 60, p90Minutes: 72 * 60, met: 0, breached: 1),
                resolution: .empty),
            ReportTierTimes(
                tier: .priority,
                firstResponse: ReportTimes(count: 1, p50Minutes: 60, p90Minutes: 60, met: 1, breached: 0),
                resolution: ReportTimes(count: 1, p50Minutes: 180, p90Minutes: 180, met: 1, breached: 0)),
            ReportTierTimes(tier: .standard, firstResponse: .empty, resolution: .empty),
        ])
        XCTAssertEqual(report.busiestOrganisations, [
            ReportOrganisation(name: "Big Co", opened: 1, open: 1), ReportOrganisation(name: "Free Co", opened: 1, open: 1),
            ReportOrganisation(name: "Pro Co", opened: 1, open: 0),
        ])
        XCTAssertEqual(report.agents, [
            ReportAgent(handle: "alice", open: 0, closed: 1), ReportAgent(handle: "bob", open: 1, closed: 0),
            ReportAgent(handle: "root", open: 0, closed: 0),
        ])
        XCTAssertEqual([report.openedTotal, report.closedTotal, report.backlogTotal], [3, 1, 2])
    }

    func testAMonthTakesInTheOlderTicketAndItsTimes() throws {
        try makeDesk()
        let report = try store.report(ReportQuery(days: 30), viewer: f.bob)
        XCTAssertEqual(report.firstDay, "2024-02-04")
        XCTAssertEqual(report.perDay.count, 30)
        XCTAssertEqual(report.perDay.first { $0.day == "2024-02-20" }, ReportDay(day: "2024-02-20", opened: 1, closed: 0))
        XCTAssertEqual(report.perDay.first { $0.day == "2024-02-21" }, ReportDay(day: "2024-02-21", opened: 0, closed: 1))
        // Priority: first responses of 60 min (#1, low: 8 h target) and 60 min (#2); resolutions of
        // 24 h wall clock (#1: 8 working hours of a 56 h target) and 3 h (#2).
        let priority = try XCTUnwrap(report.tiers.first { $0.tier == .priority })
        XCTAssertEqual(priority.firstResponse, ReportTimes(count: 2, p50Minutes: 60, p90Minutes: 60, met: 2, breached: 0))
        XCTAssertEqual(priority.resolution, ReportTimes(count: 2, p50Minutes: 180, p90Minutes: 24 * 60, met: 2, breached: 0))
        XCTAssertEqual(report.agents.first, ReportAgent(handle: "alice", open: 0, closed: 2))
    }

    func testOneOrganisationsReport() throws {
        try makeDesk()
        let report = try store.report(ReportQuery(days: 7, organisation: "Pro Co"), viewer: f.alice)
        XCTAssertEqual(report.organisation, "Pro Co")
        XCTAssertEqual(report.perDay.map(\.opened), [0, 0, 0, 1, 0, 0, 0])
        XCTAssertEqual(report.perDay.map(\.closed), [0, 0, 0, 1, 0, 0, 0])
        XCTAssertEqual(report.backlog, [])
        XCTAssertEqual(report.busiestOrganisations, [], "one organisation's report ranks none")
        XCTAssertEqual(report.tiers.map(\.firstResponse.count), [0, 1, 0])
        XCTAssertEqual(report.agents, [
            ReportAgent(handle: "alice", open: 0, closed: 1), ReportAgent(handle: "bob", open: 0, closed: 0),
            ReportAgent(handle: "root", open: 0, closed: 0),
        ])
        XCTAssertDeskError(try store.report(ReportQuery(days: 7, organisation: "Nobody Co"), viewer: f.alice),
                           .organisationNotFound(name: "Nobody Co"))
    }

    func testCustomersAreRefusedAndThePeriodIsBounded() throws {
        try makeDesk()
        for customer in [f.paula, f.erin, f.fred] {
            XCTAssertDeskError(try store.report(ReportQuery(days: 7), viewer: customer),
                               .forbidden(.model("only agents see reports", context: "not allowed")))
        }
        XCTAssertDeskError(try store.report(ReportQuery(days: 0), viewer: f.alice),
                           .refused(.model("A report covers 1 to {max} days", ["max": .number(400)])))
        XCTAssertDeskError(try store.report(ReportQuery(days: 401), viewer: f.alice),
                           .refused(.model("A report covers 1 to {max} days", ["max": .number(400)])))
        XCTAssertEqual(try store.report(ReportQuery(days: 400), viewer: f.root).days, 400)
    }
}

/// Percentiles by nearest rank and the share within a target, pure.
final class ReportFiguresTests: XCTestCase {
    func testNearestRankPercentiles() {
        let values = Array(1...10)
        XCTAssertEqual(Percentile.nearestRank(50, ofSorted: values), 5)
        XCTAssertEqual(Percentile.nearestRank(90, ofSorted: values), 9)
        XCTAssertEqual(Percentile.nearestRank(100, ofSorted: values), 10)
        XCTAssertEqual(Percentile.nearestRank(90, ofSorted: [7]), 7)
        XCTAssertEqual(Percentile.nearestRank(50, ofSorted: [3, 8]), 3)
        XCTAssertNil(Percentile.nearestRank(50, ofSorted: []))
    }

    /// The chart's day names equal the Gregorian calendar's, across leap days, century years
    /// and the start of desk time.
    func testDayNamesAreTheCalendarsUTCDates() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        for start in ["1970-01-01", "1999-12-30", "2000-02-27", "2023-12-31", "2024-02-28", "2099-12-31", "2100-02-27"] {
            let first = Int64(formatter.date(from: start)!.timeIntervalSince1970)
            let period = ReportPeriod(days: 400, now: Date(timeIntervalSince1970: TimeInterval(first + 399 * 86_400 + 3_600)))
            XCTAssertEqual(period.dayText(0), start)
            for day in 0..<400 {
                XCTAssertEqual(period.dayText(day), formatter.string(from: Date(timeIntervalSince1970: TimeInterval(period.from + Int64(day) * 86_400))))
            }
        }
    }

    /// Selection gives the ranks sorting gives, on arrays of every small length and on large
    /// ones with many equal values, sorted, reversed or shuffled.
    func testPercentilesBySelectionEqualThoseOfTheSortedValues() {
        var random = SeededGenerator(seed: 50)
        var cases: [[Int]] = []
        for length in 0..<40 { cases.append((0..<length).map { _ in Int(random.next() % 7) }) }
        for spread in [1, 3, 1_000, 1_000_000] {
            let values = (0..<20_001).map { _ in Int(random.next() % UInt64(spread)) }
            cases += [values, values.sorted(), values.sorted(by: >)]
        }
        cases.append(Array(repeating: 42, count: 5_000))
        for values in cases {
            let sorted = values.sorted()
            var reordered = values
            let ranks = Percentile.nearestRanks([1, 50, 90, 100], ofUnsorted: &reordered)
            XCTAssertEqual(ranks, [1, 50, 90, 100].map { Percentile.nearestRank($0, ofSorted: sorted) }, "\(values.count) values")
            XCTAssertEqual(reordered.sorted(), sorted, "selection only reorders")
        }
    }

    func testTargetsCountInWorkingTime() {
        // Standard calendar (Monday to Friday, 09:00-17:00 UTC); premium critical: 1 h / 8 h.
        let friday = Int64(ServiceLevelRulesTests.utc("2024-03-01T16:30").timeIntervalSince1970)
        let monday = Int64(ServiceLevelRulesTests.utc("2024-03-04T09:20").timeIntervalSince1970)
        let timings = [
            ReportTiming(tier: .premium, urgency: .critical, start: friday, end: monday),          // 50 working minutes
            ReportTiming(tier: .premium, urgency: .critical, start: friday, end: monday + 3600),   // 110
            ReportTiming(tier: nil, urgency: .none, start: friday, end: friday + 600),             // standard none, 10 min
        ]
        let times = ReportTimes.measure(timings, levels: .standard) { $0.firstResponse }
        XCTAssertEqual(times.count, 3)
        XCTAssertEqual(times.met, 2)
        XCTAssertEqual(times.breached, 1)
        XCTAssertEqual(times.p50Minutes, Int(monday - friday) / 60)
        XCTAssertEqual(times.metPercent, 67)
    }
}

/// The report's table of values by organisation id answers the same whether the ids are
/// dense (kept by position) or far apart (kept in a dictionary).
final class ReportIDTableTests: XCTestCase {
    func testDenseAndScatteredIdsKeepTheirValues() {
        var dense = ReportIDTable(largestID: 9, count: 9, empty: 0)
        var scattered = ReportIDTable(largestID: 90_000_000, count: 3, empty: 0)
        for (id, value) in [(1, 5), (9, 2), (1, 1), (0, 7)] as [(Int64, Int)] { dense[id] += value }
        for (id, value) in [(1, 5), (90_000_000, 2), (1, 1), (-4, 7)] as [(Int64, Int)] { scattered[id] += value }
        XCTAssertEqual(dense[1], 6)
        XCTAssertEqual(dense[12], 0, "an id beyond the largest reads empty")
        XCTAssertEqual(dense.entries { $0 != 0 }.map { [$0.id, Int64($0.value)] }, [[0, 7], [1, 6], [9, 2]])
        XCTAssertEqual(scattered[90_000_000], 2)
        XCTAssertEqual(scattered[-4], 7)
        XCTAssertEqual(scattered.entries { $0 != 0 }.map { [$0.id, Int64($0.value)] }.sorted { $0[0] < $1[0] }, [[-4, 7], [1, 6], [90_000_000, 2]])
    }
}
