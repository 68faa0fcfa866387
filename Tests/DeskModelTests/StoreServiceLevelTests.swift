import Foundation
import XCTest

@testable import DeskModel

/// Service levels through the desk, on every backend: clocks kept by the rules in the
/// transaction of each change, due times for staff only, the due-soon order and the counts.
final class StoreServiceLevelTests: StoreTestCase {
    func utc(_ text: String) -> Date { ServiceLevelRulesTests.utc(text) }

    func due(_ number: Int64) throws -> TicketDue? { try store.detail(number: number, viewer: f.alice).due }

    func testATicketsClockStartsOnArrivalAndFollowsRepliesAndStatuses() throws {
        // Friday 09:00; Pro Co is priority: serious is 4 h to the first reply, 24 h to resolve.
        try f.ticket("VPN drops", by: f.peter, urgency: .serious)
        XCTAssertEqual(try due(1), TicketDue(firstResponseDue: utc("2024-03-01T13:00"), resolutionDue: utc("2024-03-05T17:00")))
        XCTAssertNil(try store.detail(number: 1, viewer: f.peter).due, "customers are not shown the desk's targets")

        // An internal note is no answer; a public reply is.
        f.clock.advance(by: 3600)
        try f.note(1, "Looking", by: f.alice)
        XCTAssertEqual(try due(1)?.firstResponseDue, utc("2024-03-01T13:00"))
        try f.reply(1, "Which office?", by: f.alice, intent: .askCustomer)
        // Asked at 10:00: 7 + 8 + 8 = 23 working hours were left.
        XCTAssertEqual(try due(1), TicketDue(resolutionLeft: 23 * 60))
        // The customer answers on Monday at 09:00: the clock runs again from there.
        f.clock.set(utc("2024-03-04T09:00"))
        try f.reply(1, "Paris", by: f.peter)
        XCTAssertEqual(try f.status(1), .open)
        XCTAssertEqual(try due(1), TicketDue(resolutionDue: utc("2024-03-06T16:00")))
        _ = try store.changeStatus(number: 1, to: .closed, by: f.alice)
        XCTAssertEqual(try due(1), TicketDue.none)
    }

    func testANewUrgencyMovesTheDueTimes() throws {
        try f.ticket("VPN drops", by: f.peter, urgency: .low)
        // Priority low: 8 h / 56 h from Friday 09:00.
        XCTAssertEqual(try due(1)?.firstResponseDue, utc("2024-03-01T17:00"))
        _ = try store.editTicket(number: 1, TicketEdit(urgency: .critical), by: f.alice)
        // Priority critical: 2 h / 16 h.
        XCTAssertEqual(try due(1), TicketDue(firstResponseDue: utc("2024-03-01T11:00"), resolutionDue: utc("2024-03-05T09:00")))
    }

    func testDueSoonOrderAndBreachCountsForAgentsOnly() throws {
        try f.ticket("Low one", by: f.peter, urgency: .low)            // first reply due 17:00
        try f.ticket("Critical one", by: f.erin, urgency: .critical)   // premium critical: 10:00
        try f.ticket("Free question", by: f.fred, kind: .question)     // standard none: 24 h → Tue 17:00
        try f.ticket("Waiting", by: f.eve, urgency: .serious)
        try f.reply(4, "Which one?", by: f.alice, intent: .askCustomer)
        let order = TicketOrder(key: .due)
        XCTAssertEqual(try f.numbers(.open, f.alice, order: order), [2, 1, 3, 4])
        XCTAssertEqual(try f.numbers(.open, f.alice, order: TicketOrder(key: .due, reversed: true)), [4, 3, 1, 2])
        let rows = try store.page(PageRequest(view: .open, order: order, limit: 2), viewer: f.alice)
        XCTAssertEqual(rows.rows.map(\.dueAt), [utc("2024-03-01T10:00"), utc("2024-03-01T17:00")])
        // The next page starts after the cursor.
        let next = try store.page(PageRequest(view: .open, order: order, cursor: rows.rows.last?.cursor, limit: 5), viewer: f.alice)
        XCTAssertEqual(next.rows.map(\.number), [3, 4])
        XCTAssertEqual(next.rows.map(\.dueAt), [utc("2024-03-05T17:00"), nil])

        XCTAssertEqual(try store.dueCounts(viewer: f.alice, mine: false), DueCounts(breached: 0, dueSoon: 1))
        f.clock.set(utc("2024-03-01T16:30"))
        XCTAssertEqual(try store.dueCounts(viewer: f.alice, mine: false), DueCounts(breached: 1, dueSoon: 1))
        _ = try store.assign(number: 2, to: "bob", by: f.alice)
        XCTAssertEqual(try store.dueCounts(viewer: f.bob, mine: true), DueCounts(breached: 1, dueSoon: 0))

        // Customers neither sort by nor read the desk's targets.
        XCTAssertDeskError(try store.page(PageRequest(view: .all, order: order), viewer: f.peter),
                           .notAllowed("the due-soon order is for agents"))
        XCTAssertEqual(try store.page(PageRequest(view: .all), viewer: f.peter).rows.map(\.dueAt), [nil])
        XCTAssertDeskError(try store.dueCounts(viewer: f.peter, mine: false), .notAllowed("only agents see service-level counts"))
    }

    func testAdminsSetTargetsAndCalendar() throws {
        var levels = try store.serviceLevels()
        XCTAssertEqual(levels, .standard)
        levels.setTarget(.hours(1, 2), tier: .priority, urgency: .none)
        levels.calendar = BusinessCalendar(timeZone: "Europe/Paris", workingDays: [1, 2, 3, 4, 5, 6], opensAt: 8 * 60, closesAt: 18 * 60)
        XCTAssertDeskError(try store.updateServiceLevels(levels, by: f.alice), .notAllowed("only admins change the service levels"))
        try store.updateServiceLevels(levels, by: f.root)
        XCTAssertEqual(try store.serviceLevels(), levels)
        // New tickets count in the new calendar: 09:00 UTC is 10:00 in Paris; one hour later.
        try f.ticket("New rules", by: f.peter)
        XCTAssertEqual(try due(1), TicketDue(firstResponseDue: utc("2024-03-01T10:00"), resolutionDue: utc("2024-03-01T11:00")))

        var broken = levels
        broken.calendar.timeZone = "Nowhere/Land"
        XCTAssertDeskError(try store.updateServiceLevels(broken, by: f.root),
                           .invalidInput("unknown time zone 'Nowhere/Land' (use an IANA name such as Europe/Paris)"))
        broken = levels
        broken.setTarget(ServiceTarget(firstResponse: 600, resolution: 60), tier: .premium, urgency: .low)
        XCTAssertDeskError(try store.updateServiceLevels(broken, by: f.root),
                           .invalidInput("a target needs 0 or more hours, and a first response no later than the resolution"))
    }
}
