import Foundation
import XCTest

@testable import DeskModel

/// The triage formula: key = createdAt - urgencyHeadStart - tierHeadStart, lower first, ties by id.
final class TriageTests: XCTestCase {
    private let hour: Int64 = 3600
    private let day: Int64 = 86_400
    /// "Now" for the hand-made cases.
    private let now: Int64 = 1_700_000_000

    private struct Case {
        let id: TicketID
        let ageSeconds: Int64
        let urgency: Urgency
        let tier: SupportTier?
    }

    private func key(_ c: Case) -> Int64 {
        Triage.key(createdAt: Date(timeIntervalSince1970: TimeInterval(now - c.ageSeconds)),
                   urgency: c.urgency, tier: c.tier)
    }

    /// The desk's triage order: by key, then by id.
    private func triageOrder(_ cases: [Case]) -> [TicketID] {
        cases.map { (key: key($0), id: $0.id) }
            .sorted { ($0.key, $0.id) < ($1.key, $1.id) }
            .map(\.id)
    }

    // MARK: - Head starts

    func testUrgencyHeadStarts() {
        XCTAssertEqual(Urgency.allCases.map(Triage.urgencyHeadStart), [0, 4 * 3600, 24 * 3600, 72 * 3600])
        XCTAssertEqual(Triage.urgencyHeadStart(.none), 0)
        XCTAssertEqual(Triage.urgencyHeadStart(.low), 14_400)
        XCTAssertEqual(Triage.urgencyHeadStart(.serious), 86_400)
        XCTAssertEqual(Triage.urgencyHeadStart(.critical), 259_200)
    }

    func testTierHeadStarts() {
        XCTAssertEqual(Triage.tierHeadStart(nil), 0)
        XCTAssertEqual(Triage.tierHeadStart(.standard), 0)
        XCTAssertEqual(Triage.tierHeadStart(.priority), 28_800)
        XCTAssertEqual(Triage.tierHeadStart(.premium), 86_400)
    }

    func testUrgencyOrderIsByLevel() {
        XCTAssertEqual(Urgency.allCases.map(\.level), [0, 1, 2, 3])
        XCTAssertEqual([Urgency.critical, .none, .serious, .low].sorted(), [.none, .low, .serious, .critical])
    }

    // MARK: - Key

    func testKeyOnHandComputedValues() {
        let created = Date(timeIntervalSince1970: 1_700_000_000)
        XCTAssertEqual(Triage.key(createdAt: created, urgency: .none, tier: .standard), 1_700_000_000)
        XCTAssertEqual(Triage.key(createdAt: created, urgency: .none, tier: nil), 1_700_000_000)
        XCTAssertEqual(Triage.key(createdAt: created, urgency: .low, tier: .standard), 1_699_985_600)
        XCTAssertEqual(Triage.key(createdAt: created, urgency: .serious, tier: .priority), 1_699_884_800)
        // Critical from a premium customer: as if it had arrived four days earlier.
        XCTAssertEqual(Triage.key(createdAt: created, urgency: .critical, tier: .premium), 1_699_654_400)
        XCTAssertEqual(1_700_000_000 - 1_699_654_400, 4 * 86_400)
    }

    func testKeyRoundsFractionalSecondsDown() {
        XCTAssertEqual(Triage.key(createdAt: Date(timeIntervalSince1970: 1000.999), urgency: .none, tier: nil), 1000)
        XCTAssertEqual(Triage.key(createdAt: Date(timeIntervalSince1970: 1000.0), urgency: .none, tier: nil), 1000)
        XCTAssertEqual(Triage.key(createdAt: Date(timeIntervalSince1970: -0.5), urgency: .none, tier: nil), -1)
        XCTAssertEqual(Triage.key(createdAt: Date(timeIntervalSince1970: 0.25), urgency: .low, tier: .priority),
                       -(4 + 8) * 3600)
    }

    // MARK: - Order

    func testCriticalPremiumThreeDaysOldGoesBeforeNoneStandardFiveDaysOld() {
        let criticalPremium = Case(id: 1, ageSeconds: 3 * day, urgency: .critical, tier: .premium)
        let noneStandard = Case(id: 2, ageSeconds: 5 * day, urgency: .none, tier: .standard)
        XCTAssertEqual(key(criticalPremium), now - 7 * day)
        XCTAssertEqual(key(noneStandard), now - 5 * day)
        XCTAssertEqual(triageOrder([noneStandard, criticalPremium]), [1, 2])
        XCTAssertEqual(triageOrder([criticalPremium, noneStandard]), [1, 2])
    }

    func testOldLowUrgencyWorkIsNeverStarved() {
        // A fresh critical premium ticket counts as four days old; a plain ticket five days old
        // is still ahead of it.
        let freshCriticalPremium = Case(id: 1, ageSeconds: 0, urgency: .critical, tier: .premium)
        let oldPlain = Case(id: 2, ageSeconds: 5 * day, urgency: .none, tier: .standard)
        let oldLowFree = Case(id: 3, ageSeconds: 4 * day - 3 * hour, urgency: .low, tier: nil)
        XCTAssertEqual(triageOrder([freshCriticalPremium, oldPlain, oldLowFree]), [2, 3, 1])
    }

    func testAMixedQueueInTriageOrder() {
        let queue = [
            Case(id: 10, ageSeconds: 1 * hour, urgency: .none, tier: .standard),      // key now - 1 h
            Case(id: 11, ageSeconds: 2 * hour, urgency: .low, tier: .standard),       // now - 6 h
            Case(id: 12, ageSeconds: 30 * 60, urgency: .none, tier: .priority),       // now - 8.5 h
            Case(id: 13, ageSeconds: 10 * hour, urgency: .serious, tier: .standard),  // now - 34 h
            Case(id: 14, ageSeconds: 2 * day, urgency: .none, tier: .standard),       // now - 48 h
            Case(id: 15, ageSeconds: 1 * hour, urgency: .critical, tier: .standard),  // now - 73 h
            Case(id: 16, ageSeconds: 0, urgency: .critical, tier: .premium),          // now - 96 h
            Case(id: 17, ageSeconds: 2 * day, urgency: .critical, tier: .standard),   // now - 120 h
            Case(id: 18, ageSeconds: 6 * day, urgency: .low, tier: .premium),         // now - 172 h
            Case(id: 19, ageSeconds: 3 * hour, urgency: .low, tier: .premium),        // now - 31 h
        ]
        XCTAssertEqual(queue.map(key), [
            now - 1 * hour, now - 6 * hour, now - 8 * hour - 30 * 60, now - 34 * hour, now - 48 * hour,
            now - 73 * hour, now - 96 * hour, now - 120 * hour, now - 172 * hour, now - 31 * hour,
        ])
        XCTAssertEqual(triageOrder(queue), [18, 17, 16, 15, 14, 13, 19, 12, 11, 10])
        XCTAssertEqual(triageOrder(queue.reversed()), [18, 17, 16, 15, 14, 13, 19, 12, 11, 10])
    }

    func testEqualKeysAreBrokenByTicketID() {
        // serious (24 h) from a standard customer and none from a premium one (24 h), same arrival.
        let a = Case(id: 7, ageSeconds: hour, urgency: .serious, tier: .standard)
        let b = Case(id: 3, ageSeconds: hour, urgency: .none, tier: .premium)
        // priority (8 h) plus low (4 h) against standard twelve hours older.
        let c = Case(id: 5, ageSeconds: 0, urgency: .low, tier: .priority)
        let d = Case(id: 9, ageSeconds: 12 * hour, urgency: .none, tier: nil)
        XCTAssertEqual(key(a), key(b))
        XCTAssertEqual(key(c), key(d))
        XCTAssertEqual(triageOrder([a, b, c, d]), [3, 7, 5, 9])
        XCTAssertEqual(triageOrder([d, c, b, a]), [3, 7, 5, 9])
    }

    func testTierAloneOrdersOtherwiseEqualTickets() {
        let queue = [
            Case(id: 1, ageSeconds: day, urgency: .serious, tier: .standard),
            Case(id: 2, ageSeconds: day, urgency: .serious, tier: .premium),
            Case(id: 3, ageSeconds: day, urgency: .serious, tier: .priority),
            Case(id: 4, ageSeconds: day, urgency: .serious, tier: nil),
        ]
        XCTAssertEqual(triageOrder(queue), [2, 3, 1, 4])
    }
}
