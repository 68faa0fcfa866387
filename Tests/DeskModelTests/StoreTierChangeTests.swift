import Foundation
import XCTest

@testable import DeskModel

/// An organisation's new support tier moves the clocks of its open tickets by the difference
/// of the targets (working time already used stays used), in one write, on every backend.
final class StoreTierChangeTests: StoreTestCase {
    func utc(_ text: String) -> Date { ServiceLevelRulesTests.utc(text) }

    func due(_ number: Int64) throws -> TicketDue? { try store.detail(number: number, viewer: f.alice).due }

    func triageKey(_ number: Int64) throws -> Int64 { try store.detail(number: number, viewer: f.alice).ticket.triageKey }

    func testANewTierMovesRunningAndStoppedClocksOfTheOrganisationOnly() throws {
        // Friday 2024-03-01 09:00; Pro Co is priority.
        try f.ticket("Running", by: f.peter, urgency: .serious)      // priority serious: 4 h / 24 h
        try f.ticket("Waiting", by: f.pia, urgency: .low)            // priority low: 8 h / 56 h
        try f.ticket("Done", by: f.paula)
        try f.ticket("Other organisation", by: f.fred)               // Free Co, standard none: 24 h / 160 h
        f.clock.set(utc("2024-03-01T10:00"))
        try f.reply(2, "Which office?", by: f.alice, intent: .askCustomer)
        _ = try store.changeStatus(number: 3, to: .closed, by: f.alice)
        XCTAssertEqual(try due(1), TicketDue(firstResponseDue: utc("2024-03-01T13:00"), resolutionDue: utc("2024-03-05T17:00")))
        XCTAssertEqual(try due(2), TicketDue(resolutionLeft: 55 * 60))
        let untouched = try due(4)
        let closedKey = try triageKey(3)

        let outcome = try store.setOrganisationTier(name: "Pro Co", tier: .premium, by: f.root)
        XCTAssertEqual(outcome.ticketsMoved, 2)
        XCTAssertEqual(outcome.previousTier, .priority)
        XCTAssertEqual(outcome.organisation.tier, .premium)
        XCTAssertEqual(try store.organisations().first { $0.name == "Pro Co" }?.tier, .premium)

        // Premium serious is 2 h / 16 h: both due times 2 h and 8 working hours earlier (going
        // back lands on the opening of the day, the same working moment as the evening before).
        XCTAssertEqual(try due(1), TicketDue(firstResponseDue: utc("2024-03-01T11:00"), resolutionDue: utc("2024-03-05T09:00")))
        // Premium low is 4 h / 40 h: the hour already used stays used, 39 h are left.
        XCTAssertEqual(try due(2), TicketDue(resolutionLeft: 39 * 60))
        XCTAssertEqual(try due(3), TicketDue.none)
        XCTAssertEqual(try due(4), untouched)

        // Triage keys follow: the running ticket's from its new due time, the closed one's by
        // the tier's head start.
        let running = try store.detail(number: 1, viewer: f.alice).ticket
        XCTAssertEqual(running.triageKey, Triage.key(createdAt: running.createdAt, urgency: .serious, tier: .premium, due: try XCTUnwrap(try due(1))))
        XCTAssertEqual(try triageKey(3), closedKey - (Triage.tierHeadStart(.premium) - Triage.tierHeadStart(.priority)))

        // Back to priority: the clocks come back to where they were.
        XCTAssertEqual(try store.setOrganisationTier(name: "Pro Co", tier: .priority, by: nil).ticketsMoved, 2)
        XCTAssertEqual(try due(1), TicketDue(firstResponseDue: utc("2024-03-01T13:00"), resolutionDue: utc("2024-03-05T17:00")))
        XCTAssertEqual(try due(2), TicketDue(resolutionLeft: 55 * 60))
        XCTAssertEqual(try triageKey(3), closedKey)
        // The same tier again moves nothing.
        XCTAssertEqual(try store.setOrganisationTier(name: "Pro Co", tier: .priority, by: f.root).ticketsMoved, 0)
    }

    func testOnlyAdminsChangeATierAndAnUnknownOrganisationIsNamed() throws {
        try f.ticket("Running", by: f.peter, urgency: .serious)
        let before = try due(1)
        XCTAssertDeskError(try store.setOrganisationTier(name: "Pro Co", tier: .premium, by: f.alice),
                           .forbidden(.model("only admins change the service levels", context: "not allowed")))
        XCTAssertDeskError(try store.setOrganisationTier(name: "Pro Co", tier: .premium, by: f.peter),
                           .forbidden(.model("only admins change the service levels", context: "not allowed")))
        XCTAssertDeskError(try store.setOrganisationTier(name: "Nobody Inc", tier: .premium, by: f.root),
                           .organisationNotFound(name: "Nobody Inc"))
        XCTAssertEqual(try store.organisations().first { $0.name == "Pro Co" }?.tier, .priority)
        XCTAssertEqual(try due(1), before)
    }

    func testManyTicketsMoveInBatches() throws {
        // More than one PostgreSQL batch (`dueBatchSize`), each ticket moved exactly once.
        let count = 4_100
        for index in 0..<count { try f.ticket("Ticket \(index)", by: f.alice, urgency: .critical, requester: "peter") }
        let outcome = try store.setOrganisationTier(name: "Pro Co", tier: .premium, by: f.root)
        XCTAssertEqual(outcome.ticketsMoved, count)
        // Priority critical 2 h / 16 h (Monday 17:00), premium critical 1 h / 8 h, all from
        // Friday 09:00: 8 working hours before Monday 17:00 is Monday's opening.
        for number in [Int64(1), 2_000, 4_001, Int64(count)] {
            XCTAssertEqual(try due(number), TicketDue(firstResponseDue: utc("2024-03-01T10:00"), resolutionDue: utc("2024-03-04T09:00")))
        }
    }
}
