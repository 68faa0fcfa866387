import DeskPostgres
import DeskPostgresStore
import Foundation
import GRDB
import XCTest

@testable import DeskModel

/// The report's kept aggregates (`v21-reports` / `pg15-reports`) on every backend: they follow
/// every path that opens, closes or answers a ticket (create, status change, bulk, auto-close,
/// import, replies, notes), equal a recount from the tickets and their history, and `doctor`
/// finds and repairs them when they do not.
final class StoreReportAggregateTests: StoreTestCase {
    func utc(_ text: String) -> Date { ServiceLevelRulesTests.utc(text) }

    /// Tickets over two weeks, through every writing path; the report is read on 15 March.
    func makeBusyDesk() throws {
        // Friday 1 March.
        f.clock.set(utc("2024-03-01T09:00"))
        try f.ticket("Printer", by: f.pia, urgency: .low)                      // #1 Pro Co
        try f.ticket("Site down", by: f.erin, urgency: .critical)              // #2 Big Co
        try f.ticket("Invoice copy", by: f.fred, kind: .question)              // #3 Free Co
        try f.ticket("Laptop for the new hire", by: f.alice, urgency: .serious) // #4 no organisation
        try f.ticket("Only noted", by: f.eve)                                  // #5 Big Co
        f.clock.set(utc("2024-03-01T09:30"))
        try f.note(1, "Looks like the spooler", by: f.alice)                   // a note is no response
        try f.reply(1, "Any news?", by: f.pia)                                 // nor a customer's reply
        try f.note(5, "Asked the vendor", by: f.bob)
        f.clock.set(utc("2024-03-01T10:00"))
        try f.reply(1, "Restarted it", by: f.bob)                              // #1's first response
        _ = try store.changeStatus(number: 2, to: .awaitingCustomer, by: f.alice)
        f.clock.set(utc("2024-03-01T11:00"))
        try f.reply(1, "Still fine?", by: f.alice)                             // not the first
        try f.reply(2, "Logs attached", by: f.erin)                            // back to open
        try f.reply(2, "Fixed the load balancer", by: f.alice)
        _ = try store.changeStatus(number: 2, to: .pending, by: f.alice)
        _ = try store.changeStatus(number: 3, to: .closed, by: f.bob)          // closed unanswered
        // Saturday 2 March, then Monday 4 March.
        f.clock.set(utc("2024-03-02T08:00"))
        try f.ticket("VPN", by: f.peter)                                       // #6 Pro Co
        f.clock.set(utc("2024-03-04T09:15"))
        try f.reply(4, "Ordered", by: f.root)                                  // an admin answers too
        _ = try store.bulk(.changeStatus(.closed), numbers: [1, 6], by: f.alice)
        // Tuesday 12 March: #2, pending since 1 March, closes by itself.
        f.clock.set(utc("2024-03-12T09:00"))
        XCTAssertEqual(try store.autoCloseIdleTickets(), [2])
        // Wednesday 13 March: a mailbox comes in, one thread answered by an agent, one not.
        f.clock.set(utc("2024-03-13T09:00"))
        let mailbox = f.directory.appendingPathComponent("in.mbox")
        try Data(Self.mailbox.utf8).write(to: mailbox)
        _ = try DeskImport.mbox([mailbox.path], into: store, options: ImportOptions(agentDomains: ["desk.example"], now: f.clock.now))
        f.clock.set(utc("2024-03-15T12:00"))
    }

    static let mailbox = """
        From c@cust.example Mon Mar 11 09:00:00 2024
        From: Cust <c@cust.example>
        To: support@desk.example
        Subject: Password reset
        Date: Mon, 11 Mar 2024 09:00:00 +0000
        Message-ID: <m1@cust.example>

        I cannot log in.

        From a@desk.example Mon Mar 11 13:00:00 2024
        From: Agent <a@desk.example>
        To: c@cust.example
        Subject: Re: Password reset
        Date: Mon, 11 Mar 2024 13:00:00 +0000
        Message-ID: <m2@desk.example>
        In-Reply-To: <m1@cust.example>

        Reset link sent.

        From d@cust.example Tue Mar 12 09:00:00 2024
        From: Dora <d@cust.example>
        To: support@desk.example
        Subject: Quota
        Date: Tue, 12 Mar 2024 09:00:00 +0000
        Message-ID: <q1@cust.example>

        More space please.

        """

    /// The health check of the test's desk, on its backend.
    func healthCheck(repair: Bool = false) throws -> HealthReport {
        switch f.site.backend {
        case .sqlite: return SQLiteHealthCheck.check(path: f.site.sqlitePath!, repair: repair)
        case .postgresql: return PostgresHealthCheck.check(address: PostgresDeskAddress(f.site.postgresAddress!), repair: repair)
        }
    }

    /// Raw SQL on the test's desk, written for both backends.
    func execute(_ sql: String) throws {
        switch f.site.backend {
        case .sqlite: try store.sqliteStore!.pool.write { db in try db.execute(sql: sql) }
        case .postgresql: _ = try PostgresConnection(address: f.site.postgresAddress!).execute(sql)
        }
    }

    func testTheKeptAggregatesFollowEveryWritingPath() throws {
        try makeBusyDesk()
        let health = try healthCheck()
        XCTAssertTrue(health.checked.contains(HealthCheckName.reportAggregates), "\(health.checked)")
        XCTAssertFalse(health.hasFinding(HealthCheckName.reportAggregates), "\(health.findings)")

        let report = try store.report(ReportQuery(days: 15), viewer: f.alice)
        XCTAssertEqual(report.perDay.filter { $0.opened + $0.closed > 0 }, [
            ReportDay(day: "2024-03-01", opened: 5, closed: 1), ReportDay(day: "2024-03-02", opened: 1, closed: 0),
            ReportDay(day: "2024-03-04", opened: 0, closed: 2), ReportDay(day: "2024-03-11", opened: 1, closed: 0),
            ReportDay(day: "2024-03-12", opened: 1, closed: 1),
        ])
        // Answered by staff: #1 (1 h, priority), #2 (2 h, premium), #4 (3 days, no organisation:
        // standard), the imported password reset (4 h, standard). Not #3, #5 (a note), #6, nor the quota.
        XCTAssertEqual(report.tiers.map(\.tier), [.premium, .priority, .standard])
        XCTAssertEqual(report.tiers.map(\.firstResponse.count), [1, 1, 2])
        XCTAssertEqual(report.tiers.map(\.firstResponse.p50Minutes), [120, 60, 4 * 60])
        XCTAssertEqual(report.tiers.map(\.firstResponse.p90Minutes), [120, 60, 72 * 60 + 15])
        XCTAssertEqual(report.tiers.map(\.resolution.count), [1, 2, 1])
    }

    func testDoctorFindsWrongAggregatesAndRepairsThemToTheSameReport() throws {
        try makeBusyDesk()
        let before = try store.report(ReportQuery(days: 30), viewer: f.alice)
        try execute("UPDATE report_day SET opened = opened + 5")
        try execute("UPDATE ticket SET first_response_at = NULL WHERE number = 1")
        XCTAssertNotEqual(try store.report(ReportQuery(days: 30), viewer: f.alice), before)

        let found = try healthCheck()
        let findings = found.findings.filter { $0.check == HealthCheckName.reportAggregates }
        let rows = try rowCount("report_day", in: store)
        XCTAssertEqual(findings.map(\.detail), [HealthFindingDetail.reportDays(rows), HealthFindingDetail.firstResponses(1)])
        XCTAssertEqual(findings.map(\.kind), [.derived, .derived])

        let repaired = try healthCheck(repair: true)
        XCTAssertEqual(repaired.findings.filter { $0.check == HealthCheckName.reportAggregates }.map(\.repaired), [true, true])
        XCTAssertFalse(try healthCheck().hasFinding(HealthCheckName.reportAggregates))
        XCTAssertEqual(try store.report(ReportQuery(days: 30), viewer: f.alice), before)
    }

    /// The report from the kept aggregates equals the report the tickets and their history
    /// give when counted afresh (the queries the report ran before `v21-reports`), for every
    /// period and for one organisation.
    func testTheReportEqualsTheOneCountedFromTheTickets() throws {
        try makeBusyDesk()
        for days in [1, 3, 7, 15, 30, 400] {
            for organisation in [nil, "Pro Co", "Big Co", "Free Co"] {
                let query = ReportQuery(days: days, organisation: organisation)
                let kept = try store.report(query, viewer: f.alice)
                let recounted = try store.sqliteStore!.pool.read { db in
                    let organisationID = try organisation.map { name in try Int64.fetchOne(db, sql: "SELECT id FROM organisation WHERE name = ?", arguments: [name])! }
                    return try Desk.report(
                        RecountedReportRows(db: db), query: query, period: ReportPeriod(days: days, now: f.clock.now),
                        organisationID: organisationID, levels: .standard)
                }
                XCTAssertEqual(kept, recounted, "\(days) days, \(organisation ?? "every organisation")")
            }
        }
    }
}

/// The report's rows counted from the tickets and their history, as the report read them
/// before it kept aggregates: the oracle the kept aggregates must equal.
private struct RecountedReportRows: ReportRowsByKind {
    let db: Database

    private func period(_ from: Int64, _ to: Int64, _ organisationID: OrganisationID?) -> (String, StatementArguments) {
        guard let organisationID else { return ("", [from, to]) }
        return (" AND t.organisation_id = ?3", [from, to, organisationID])
    }

    private func perDay(_ sql: String, _ arguments: StatementArguments) throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) { counts[row[0]] = row[1] }
        return counts
    }

    private func timings(_ sql: String, _ arguments: StatementArguments) throws -> [ReportTiming] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
            guard let end: Int64 = row[3] else { return nil }
            return ReportTiming(
                tier: (row[0] as String?).flatMap(SupportTier.init(rawValue:)), urgency: Urgency(rawValue: row[1]) ?? .none,
                start: row[2], end: end)
        }
    }

    func reportOpenedPerDay(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [Int: Int] {
        let (restriction, arguments) = period(from, to, organisationID)
        return try perDay("""
            SELECT (t.created_at - ?1) / 86400, COUNT(*) FROM ticket t
            WHERE t.created_at >= ?1 AND t.created_at < ?2\(restriction) GROUP BY 1
            """, arguments)
    }

    func reportClosedPerDay(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [Int: Int] {
        let (restriction, arguments) = period(from, to, organisationID)
        return try perDay("""
            SELECT (t.updated_at - ?1) / 86400, COUNT(*) FROM ticket t
            WHERE t.status = 'closed' AND t.updated_at >= ?1 AND t.updated_at < ?2\(restriction) GROUP BY 1
            """, arguments)
    }

    func reportBacklog(organisationID: OrganisationID?) throws -> [(status: TicketStatus, urgency: Urgency, count: Int)] {
        let restriction = organisationID == nil ? "" : " AND t.organisation_id = ?"
        return try Row.fetchAll(db, sql: """
            SELECT t.status, t.urgency, COUNT(*) FROM ticket t WHERE t.status != 'closed'\(restriction) GROUP BY t.status, t.urgency
            """, arguments: organisationID.map { [$0] } ?? []).map { row in
            (TicketStatus(rawValue: row[0])!, Urgency(rawValue: row[1])!, row[2])
        }
    }

    func reportFirstResponses(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [ReportTiming] {
        let (restriction, arguments) = period(from, to, organisationID)
        return try timings("""
            SELECT o.tier, t.urgency, t.created_at, \(ReportSQL.firstStaffReply(ticket: "t"))
            FROM ticket t LEFT JOIN organisation o ON o.id = t.organisation_id
            WHERE t.created_at >= ?1 AND t.created_at < ?2\(restriction)
            """, arguments)
    }

    func reportResolutions(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [ReportTiming] {
        let (restriction, arguments) = period(from, to, organisationID)
        return try timings("""
            SELECT o.tier, t.urgency, t.created_at, t.updated_at
            FROM ticket t LEFT JOIN organisation o ON o.id = t.organisation_id
            WHERE t.status = 'closed' AND t.updated_at >= ?1 AND t.updated_at < ?2\(restriction)
            """, arguments)
    }

    func reportBusiestOrganisations(from: Int64, to: Int64, limit: Int) throws -> [(name: String, opened: Int, open: Int)] {
        try Row.fetchAll(db, sql: """
            SELECT o.name, COUNT(*), (SELECT COUNT(*) FROM ticket x WHERE x.organisation_id = o.id AND x.status != 'closed')
            FROM ticket t JOIN organisation o ON o.id = t.organisation_id
            WHERE t.created_at >= ?1 AND t.created_at < ?2
            GROUP BY o.id ORDER BY 2 DESC, o.name LIMIT ?3
            """, arguments: [from, to, limit]).map { row in (row[0], row[1], row[2]) }
    }

    func reportAgentLoad(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [(handle: String, open: Int, closed: Int)] {
        let restriction = organisationID == nil ? "" : " AND t.organisation_id = ?3"
        let arguments: StatementArguments = organisationID.map { [from, to, $0] } ?? [from, to]
        return try Row.fetchAll(db, sql: """
            SELECT u.handle,
                (SELECT COUNT(*) FROM ticket t WHERE t.assignee_id = u.id AND t.status != 'closed'\(restriction)),
                (SELECT COUNT(*) FROM ticket t WHERE t.assignee_id = u.id AND t.status = 'closed'
                    AND t.updated_at >= ?1 AND t.updated_at < ?2\(restriction))
            FROM user u WHERE u.role != 'customer' ORDER BY u.handle
            """, arguments: arguments).map { row in (row[0], row[1], row[2]) }
    }
}

/// Whether a timing met its working-time target, read from `WorkingTimeline`, is what
/// `BusinessCalendar.adding` says for each timing (the report's former way), on calendars with
/// time zones, daylight-saving changes, holidays and odd hours, including timings that end
/// exactly on their due moment or start outside working hours.
final class WorkingTimelineTests: XCTestCase {
    static func formerMeasure(_ timings: [ReportTiming], levels: ServiceLevels, target: (ServiceTarget) -> Int) -> ReportTimes {
        let minutes = timings.map { Int(max(0, $0.end - $0.start) / 60) }.sorted()
        var met = 0
        for timing in timings {
            let allowed = target(levels.target(tier: timing.tier, urgency: timing.urgency))
            if (timing.end - timing.start) / 60 <= Int64(allowed) { met += 1; continue }
            let due = levels.calendar.adding(minutes: allowed, to: Date(deskSeconds: timing.start))
            if Date(deskSeconds: timing.end) <= due { met += 1 }
        }
        return ReportTimes(
            count: timings.count, p50Minutes: Percentile.nearestRank(50, ofSorted: minutes),
            p90Minutes: Percentile.nearestRank(90, ofSorted: minutes), met: met, breached: timings.count - met)
    }

    func testTheTimelineAgreesWithTheCalendarOnEveryTiming() {
        let calendars = [
            BusinessCalendar.standard,
            BusinessCalendar(timeZone: "Europe/Paris", workingDays: [1, 2, 3, 4, 6], opensAt: 8 * 60 + 30, closesAt: 18 * 60,
                             holidays: ["2024-03-29", "2024-04-01", "2024-05-01", "2024-10-28", "2024-12-25"]),
            BusinessCalendar(timeZone: "America/New_York", workingDays: [1, 2, 3, 4, 5, 6, 7], opensAt: 60, closesAt: 1440),
        ]
        var random = SeededGenerator(seed: 14)
        let year = Int64(ServiceLevelRulesTests.utc("2024-01-01T00:00").timeIntervalSince1970)
        for calendar in calendars {
            let levels = ServiceLevels(calendar: calendar)
            var timings: [ReportTiming] = []
            for index in 0..<3000 {
                let tier = [nil, SupportTier.standard, .priority, .premium][Int(random.next() % 4)]
                let urgency = Urgency.allCases[Int(random.next() % 4)]
                // On the minute or the second; a third of them from an opening or closing hour.
                var start = year + Int64(random.next() % (365 * 86_400))
                if index % 3 == 0 { start -= start % 3600 }
                let allowed = levels.target(tier: tier, urgency: urgency)
                let end: Int64
                switch index % 4 {
                case 0:  // exactly on the due moment, or a second either side
                    let due = calendar.adding(minutes: allowed.resolution, to: Date(deskSeconds: start)).deskSeconds
                    end = due + Int64(index % 3) - 1
                case 1: end = start + Int64(random.next() % (30 * 86_400))
                case 2: end = start + Int64(random.next() % (3 * 86_400))
                default: end = start + Int64(random.next() % 600)
                }
                timings.append(ReportTiming(tier: tier, urgency: urgency, start: start, end: end))
            }
            for target in [{ (t: ServiceTarget) in t.firstResponse }, { (t: ServiceTarget) in t.resolution }] {
                let measured = ReportTimes.measure(timings, levels: levels, target: target)
                XCTAssertEqual(measured, Self.formerMeasure(timings, levels: levels, target: target), calendar.timeZone)
                XCTAssertGreaterThan(measured.met, 0)
                XCTAssertGreaterThan(measured.breached, 0)
            }
        }
    }
}
