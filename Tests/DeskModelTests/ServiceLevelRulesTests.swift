import Foundation
import XCTest

@testable import DeskModel

/// The service-level clock's pure rules: working time of a calendar, targets per tier and
/// urgency, stopping while waiting on the customer, retargeting.
final class ServiceLevelRulesTests: XCTestCase {
    /// 2024-03-01 was a Friday.
    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text + ":00Z")!
    }

    let standard = BusinessCalendar.standard

    func testWorkingTimeSkipsNightsWeekendsAndHolidays() {
        // Friday 16:00 + 2 h: one hour on Friday, one on Monday.
        XCTAssertEqual(standard.adding(minutes: 120, to: Self.utc("2024-03-01T16:00")), Self.utc("2024-03-04T10:00"))
        // Outside hours (Saturday) it starts at the next opening.
        XCTAssertEqual(standard.adding(minutes: 30, to: Self.utc("2024-03-02T12:00")), Self.utc("2024-03-04T09:30"))
        // Ending exactly at closing time stays on that day.
        XCTAssertEqual(standard.adding(minutes: 60, to: Self.utc("2024-03-01T16:00")), Self.utc("2024-03-01T17:00"))
        var withHoliday = standard
        withHoliday.holidays = ["2024-03-04"]
        XCTAssertEqual(withHoliday.adding(minutes: 120, to: Self.utc("2024-03-01T16:00")), Self.utc("2024-03-05T10:00"))
        // Backwards, and measured between two moments.
        XCTAssertEqual(standard.adding(minutes: -120, to: Self.utc("2024-03-04T10:00")), Self.utc("2024-03-01T16:00"))
        XCTAssertEqual(standard.workingMinutes(from: Self.utc("2024-03-01T16:00"), to: Self.utc("2024-03-04T10:00")), 120)
        XCTAssertEqual(standard.workingMinutes(from: Self.utc("2024-03-04T10:00"), to: Self.utc("2024-03-01T16:00")), -120)
        XCTAssertEqual(standard.adding(minutes: 0, to: Self.utc("2024-03-02T12:00")), Self.utc("2024-03-02T12:00"))
    }

    func testTheCalendarCountsInItsTimeZoneAcrossDaylightSaving() {
        // Paris: 09:00-17:00 local is 08:00-16:00 UTC in winter, 07:00-15:00 in summer (from 2024-03-31).
        let paris = BusinessCalendar(timeZone: "Europe/Paris")
        XCTAssertEqual(paris.adding(minutes: 60, to: Self.utc("2024-03-29T15:30")), Self.utc("2024-04-01T07:30"))
        XCTAssertNil(paris.problem)
        XCTAssertEqual(BusinessCalendar(timeZone: "Mars/Olympus").problem?.englishText, "unknown time zone 'Mars/Olympus' (use an IANA name such as Europe/Paris)")
        XCTAssertEqual(BusinessCalendar(opensAt: 600, closesAt: 540).problem?.englishText, "opening hours must be HH:MM-HH:MM within one day, closing after opening")
        XCTAssertEqual(BusinessCalendar(holidays: ["25/12/2024"]).problem?.englishText, "'25/12/2024' is not a date (YYYY-MM-DD)")
    }

    func testTargetsPerTierAndUrgencyWithDefaults() {
        let levels = ServiceLevels.standard
        XCTAssertEqual(levels.target(tier: .premium, urgency: .critical), .hours(1, 8))
        XCTAssertEqual(levels.target(tier: nil, urgency: .none), .hours(24, 160))
        var changed = levels
        changed.setTarget(.hours(3, 9), tier: .standard, urgency: .serious)
        XCTAssertEqual(ServiceLevels(document: changed.document), changed)
        XCTAssertEqual(ServiceLevels(document: nil), .standard)
        XCTAssertEqual(ServiceLevels(document: "not json"), .standard)
    }

    func testTheClockStopsWhileWaitingOnTheCustomerAndRestartsWithWhatWasLeft() {
        let start = Self.utc("2024-03-01T09:00")
        let due = ServiceClock.started(at: start, target: .hours(2, 8), calendar: standard)
        XCTAssertEqual(due, TicketDue(firstResponseDue: Self.utc("2024-03-01T11:00"), resolutionDue: Self.utc("2024-03-01T17:00")))
        XCTAssertEqual(due.next, Self.utc("2024-03-01T11:00"))

        let answered = ServiceClock.responded(due)
        // Asked the customer at 10:00 (7 h of resolution left); they answer on Monday at 12:00.
        let stopped = ServiceClock.moved(answered, from: .open, to: .awaitingCustomer, at: Self.utc("2024-03-01T10:00"), calendar: standard)
        XCTAssertEqual(stopped, TicketDue(resolutionLeft: 420))
        XCTAssertEqual(stopped.dueAtSeconds, TicketDue.neverSeconds)
        XCTAssertEqual(ServiceClock.moved(stopped, from: .awaitingCustomer, to: .pending, at: Self.utc("2024-03-01T11:00"), calendar: standard), stopped)
        let restarted = ServiceClock.moved(stopped, from: .pending, to: .open, at: Self.utc("2024-03-04T12:00"), calendar: standard)
        XCTAssertEqual(restarted, TicketDue(resolutionDue: Self.utc("2024-03-05T11:00")))
        XCTAssertEqual(ServiceClock.moved(restarted, from: .open, to: .closed, at: Self.utc("2024-03-04T13:00"), calendar: standard), .none)

        // Breached before stopping: the overdue time is kept, and restarts overdue.
        let late = ServiceClock.moved(due, from: .open, to: .pending, at: Self.utc("2024-03-01T12:00"), calendar: standard)
        XCTAssertEqual(late, TicketDue(firstResponseLeft: -60, resolutionLeft: 300))
        XCTAssertEqual(
            ServiceClock.moved(late, from: .pending, to: .open, at: Self.utc("2024-03-04T09:30"), calendar: standard).firstResponseDue,
            Self.utc("2024-03-01T16:30"))
    }

    func testStoppingAClockRoundsToTheNearestMinuteSoFlippingStatusesDoesNotDrainIt() {
        let start = Self.utc("2024-03-01T09:00")
        var due = ServiceClock.started(at: start, target: .hours(2, 8), calendar: standard)
        // Ten stops, each a few seconds after the clock restarted: no minute is lost.
        var now = start
        for _ in 0..<10 {
            now += 5
            due = ServiceClock.moved(due, from: .open, to: .awaitingCustomer, at: now, calendar: standard)
            XCTAssertEqual(due.resolutionLeft, 480)
            due = ServiceClock.moved(due, from: .awaitingCustomer, to: .open, at: now, calendar: standard)
        }
        // 40 seconds of working time is nearer a minute than none.
        XCTAssertEqual(standard.workingMinutes(from: start, to: start + 40), 1)
        XCTAssertEqual(standard.workingMinutes(from: start, to: start + 20), 0)
    }

    func testANewUrgencyMovesTheTargetsByTheDifference() {
        let due = ServiceClock.started(at: Self.utc("2024-03-01T09:00"), target: .hours(8, 40), calendar: standard)
        let moved = ServiceClock.retargeted(due, from: .hours(8, 40), to: .hours(2, 16), calendar: standard)
        XCTAssertEqual(moved, TicketDue(firstResponseDue: Self.utc("2024-03-01T11:00"), resolutionDue: Self.utc("2024-03-05T09:00")))
        let stopped = TicketDue(resolutionLeft: 100)
        XCTAssertEqual(ServiceClock.retargeted(stopped, from: .hours(8, 40), to: .hours(2, 16), calendar: standard),
                       TicketDue(resolutionLeft: 100 - 24 * 60))
    }

    func testWhatPeopleType() {
        XCTAssertEqual(ServiceLevelInput.days("mon-fri"), [1, 2, 3, 4, 5])
        XCTAssertEqual(ServiceLevelInput.days("sat,sun,mon"), [1, 6, 7])
        XCTAssertNil(ServiceLevelInput.days("fri-mon"))
        XCTAssertEqual(ServiceLevelInput.hours("08:30-18:00").map { [$0.opens, $0.closes] }, [510, 1080])
        XCTAssertNil(ServiceLevelInput.hours("18-8"))
        XCTAssertEqual(["4", "4h", "90m", "1:30"].map(ServiceLevelInput.duration), [240, 240, 90, 90])
        XCTAssertNil(ServiceLevelInput.duration("soon"))
        XCTAssertEqual([45, 240, 90, -90].map(ServiceLevelInput.durationText), ["45m", "4h", "1h30", "-1h30"])
    }
}

/// The triage key with a running service-level clock (README, "Triage rank").
final class TriageDueTests: XCTestCase {
    func testARunningClockRanksATicketAtLeastAsACriticalOneArrivingAtItsDueTime() {
        let created = ServiceLevelRulesTests.utc("2024-03-01T09:00")
        let base = Triage.key(createdAt: created, urgency: .none, tier: .standard)
        // Due in 2 h: as pressing as a critical ticket arriving then (72 h head start).
        let soon = TicketDue(firstResponseDue: created + 7200, resolutionDue: created + 86_400)
        XCTAssertEqual(Triage.key(createdAt: created, urgency: .none, tier: .standard, due: soon), base + 7200 - 72 * 3600)
        // Due far away: the arrival-based key stays.
        let far = TicketDue(resolutionDue: created + 30 * 86_400)
        XCTAssertEqual(Triage.key(createdAt: created, urgency: .none, tier: .standard, due: far), base)
        // A stopped clock (waiting on the customer) counts for nothing.
        XCTAssertEqual(Triage.key(createdAt: created, urgency: .critical, tier: .premium, due: TicketDue(resolutionLeft: -600)),
                       Triage.key(createdAt: created, urgency: .critical, tier: .premium))
    }
}
