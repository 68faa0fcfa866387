import Foundation
import XCTest

@testable import DeskModel

/// The five case views, their orders, keyset pagination and counts.
final class StoreViewTests: StoreTestCase {
    static let orders: [TicketOrder] = [
        TicketOrder(key: .created), TicketOrder(key: .created, reversed: true),
        TicketOrder(key: .updated), TicketOrder(key: .updated, reversed: true),
        TicketOrder(key: .triage), TicketOrder(key: .triage, reversed: true),
    ]

    var everyone: [Viewer] { [f.alice, f.bob, f.root, f.fred, f.paula, f.peter, f.pia, f.erin, f.eve] }

    /// Ten tickets created a minute apart, then worked on one action a minute:
    ///
    /// | # | requester | kind, urgency | assignee | status | updated |
    /// |---|---|---|---|---|---|
    /// | 1 | peter | | alice | open | T1 |
    /// | 2 | paula | | | new | T12 (paula replies) |
    /// | 3 | eve | | bob | pending | T3 |
    /// | 4 | peter | question | | closed | T4 |
    /// | 5 | erin | critical | | new (eve watches) | created |
    /// | 6 | pia | | alice | awaitingCustomer (peter watches) | T6 |
    /// | 7 | fred | question | bob | closed | T8 |
    /// | 8 | eve | | | new | created |
    /// | 9 | paula | serious | alice | closed | T10 |
    /// | 10 | pia | low | bob | open | T11 |
    func buildWorld() throws {
        let specs: [(String, Viewer, TicketKind, Urgency)] = [
            ("Printer jams", f.peter, .serviceRequest, .none),
            ("VPN drops", f.paula, .serviceRequest, .none),
            ("Export fails", f.eve, .serviceRequest, .none),
            ("Invoice wrong", f.peter, .question, .none),
            ("Login slow", f.erin, .incident, .critical),
            ("Report missing", f.pia, .serviceRequest, .none),
            ("Billing question", f.fred, .question, .none),
            ("Dashboard broken", f.eve, .incident, .none),
            ("Certificate expiry", f.paula, .incident, .serious),
            ("API quota", f.pia, .serviceRequest, .low),
        ]
        for (index, spec) in specs.enumerated() {
            f.clock.advance(by: 60)
            XCTAssertEqual(try f.ticket(spec.0, by: spec.1, kind: spec.2, urgency: spec.3).number, Int64(index + 1))
        }
        f.clock.set(StoreFixture.start + 1000)
        func step() { f.clock.advance(by: 60) }
        step(); _ = try store.assign(number: 1, to: "alice", by: f.alice)
        step(); _ = try store.assign(number: 3, to: "bob", by: f.bob)
        step(); try f.reply(3, "Try this", by: f.bob, intent: .proposeSolution)
        step(); _ = try store.changeStatus(number: 4, to: .closed, by: f.alice)
        step(); _ = try store.assign(number: 6, to: "alice", by: f.alice)
        step(); try f.reply(6, "Which report?", by: f.alice, intent: .askCustomer)
        try store.setWatching(number: 6, handle: "peter", watching: true, by: f.alice)
        step(); _ = try store.assign(number: 7, to: "bob", by: f.bob)
        step(); _ = try store.changeStatus(number: 7, to: .closed, by: f.bob)
        step(); _ = try store.assign(number: 9, to: "alice", by: f.alice)
        step(); _ = try store.changeStatus(number: 9, to: .closed, by: f.alice)
        step(); _ = try store.assign(number: 10, to: "bob", by: f.bob)
        try store.setWatching(number: 5, handle: "eve", watching: true, by: f.alice)
        step(); try f.reply(2, "Any news?", by: f.paula)

        XCTAssertEqual(try (1...10).map(f.status), [
            .open, .new, .pending, .closed, .new, .awaitingCustomer, .closed, .new, .closed, .open,
        ])
    }

    /// The expected numbers of each view, newest first, for each viewer (Recent is empty).
    var expectedViews: [String: [CaseView: [Int64]]] {
        [
            "alice": [.recent: [], .active: [8, 6, 5, 2, 1], .mine: [9, 6, 1], .open: [10, 8, 6, 5, 3, 2, 1], .all: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]],
            "bob": [.recent: [], .active: [10, 8, 5, 3, 2], .mine: [10, 7, 3], .open: [10, 8, 6, 5, 3, 2, 1], .all: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]],
            "root": [.recent: [], .active: [8, 5, 2], .mine: [], .open: [10, 8, 6, 5, 3, 2, 1], .all: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]],
            "peter": [.recent: [], .active: [6, 1], .mine: [4, 1], .open: [6, 1], .all: [6, 4, 1]],
            "paula": [.recent: [], .active: [2], .mine: [9, 2], .open: [10, 6, 2, 1], .all: [10, 9, 6, 4, 2, 1]],
            "pia": [.recent: [], .active: [10, 6], .mine: [10, 6], .open: [10, 6], .all: [10, 6]],
            "erin": [.recent: [], .active: [5], .mine: [5], .open: [8, 5, 3], .all: [8, 5, 3]],
            "eve": [.recent: [], .active: [8, 5, 3], .mine: [8, 3], .open: [8, 5, 3], .all: [8, 5, 3]],
            "fred": [.recent: [], .active: [], .mine: [7], .open: [], .all: [7]],
        ]
    }

    func testEveryViewForEveryViewer() throws {
        try buildWorld()
        for viewer in everyone {
            let handle = viewer.user.handle
            let expected = try XCTUnwrap(expectedViews[handle])
            for view in CaseView.allCases {
                let numbers = try f.numbers(view, viewer)
                XCTAssertEqual(numbers, expected[view], "\(handle) \(view)")
                // Oldest first is the exact reverse.
                XCTAssertEqual(try f.numbers(view, viewer, order: TicketOrder(key: .created, reversed: true)),
                               numbers.reversed(), "\(handle) \(view) oldest first")
            }
            XCTAssertEqual(try store.counts(viewer: viewer), expected.mapValues(\.count), handle)
        }
    }

    func testOrdersOfTheAgentsAllView() throws {
        try buildWorld()
        XCTAssertEqual(try f.numbers(.all, f.alice, order: TicketOrder(key: .created)), [10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
        XCTAssertEqual(try f.numbers(.all, f.alice, order: TicketOrder(key: .created, reversed: true)), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        XCTAssertEqual(try f.numbers(.all, f.alice, order: TicketOrder(key: .updated)), [2, 10, 9, 7, 6, 4, 3, 1, 8, 5])
        XCTAssertEqual(try f.numbers(.all, f.alice, order: TicketOrder(key: .updated, reversed: true)), [5, 8, 1, 3, 4, 6, 7, 9, 10, 2])
        // Triage: critical premium #5 first, then serious priority #9, premium #3 and #8,
        // low priority #10, the priority ones by arrival, the standard free-plan #7 last.
        XCTAssertEqual(try f.numbers(.all, f.alice, order: TicketOrder(key: .triage)), [5, 9, 3, 8, 10, 1, 2, 4, 6, 7])
        XCTAssertEqual(try f.numbers(.all, f.alice, order: TicketOrder(key: .triage, reversed: true)), [7, 6, 4, 2, 1, 10, 8, 3, 9, 5])
        XCTAssertEqual(try f.numbers(.active, f.bob, order: TicketOrder(key: .triage)), [5, 3, 8, 10, 2])
        XCTAssertEqual(try f.numbers(.active, f.bob, order: TicketOrder(key: .updated)), [2, 10, 3, 8, 5])
        XCTAssertEqual(try f.numbers(.open, f.alice, order: TicketOrder(key: .updated, reversed: true)), [5, 8, 1, 3, 6, 10, 2])
    }

    func testOrdersOfCustomerViews() throws {
        try buildWorld()
        XCTAssertEqual(try f.numbers(.all, f.paula, order: TicketOrder(key: .updated)), [2, 10, 9, 6, 4, 1])
        XCTAssertEqual(try f.numbers(.all, f.paula, order: TicketOrder(key: .triage)), [9, 10, 1, 2, 4, 6])
        XCTAssertEqual(try f.numbers(.all, f.paula, order: TicketOrder(key: .triage, reversed: true)), [6, 4, 2, 1, 10, 9])
        XCTAssertEqual(try f.numbers(.all, f.peter, order: TicketOrder(key: .updated)), [6, 4, 1])
        XCTAssertEqual(try f.numbers(.all, f.peter, order: TicketOrder(key: .updated, reversed: true)), [1, 4, 6])
        XCTAssertEqual(try f.numbers(.active, f.eve, order: TicketOrder(key: .triage)), [5, 3, 8])
        XCTAssertEqual(try f.numbers(.open, f.erin, order: TicketOrder(key: .created, reversed: true)), [3, 5, 8])
    }

    func testSummaryRowsCarryTheListColumns() throws {
        try buildWorld()
        let rows = try store.page(PageRequest(view: .all, limit: 3), viewer: f.alice)
        XCTAssertTrue(rows.hasMore)
        XCTAssertEqual(rows.rows.map(\.number), [10, 9, 8])
        let top = rows.rows[0]
        XCTAssertEqual(top.subject, "API quota")
        XCTAssertEqual(top.kind, .serviceRequest)
        XCTAssertEqual(top.status, .open)
        XCTAssertEqual(top.urgency, .low)
        XCTAssertEqual(top.requesterHandle, "pia")
        XCTAssertEqual(top.requesterName, "Pia")
        XCTAssertEqual(top.organisationName, "Pro Co")
        XCTAssertEqual(top.assigneeHandle, "bob")
        XCTAssertEqual(top.createdAt, StoreFixture.start + 600)
        XCTAssertEqual(top.updatedAt, StoreFixture.start + 1000 + 11 * 60)
        XCTAssertEqual(top.sortValue, top.createdAt.deskSeconds)
        XCTAssertEqual(top.triageKey, Triage.key(createdAt: top.createdAt, urgency: .low, tier: .priority))
        XCTAssertEqual(rows.rows.map(\.assigneeHandle), ["bob", "alice", nil])
        XCTAssertEqual(rows.rows.map(\.organisationName), ["Pro Co", "Pro Co", "Big Co"])
        XCTAssertDeskError(try store.page(PageRequest(view: .all, limit: 0), viewer: f.alice),
                           .refused(.model("A page needs at least one row")))
    }

    // MARK: - Recent

    func testRecentIsLastViewedFirst() throws {
        try buildWorld()
        // All in the same second: the view sequence orders them.
        try store.recordViewed(number: 3, viewer: f.alice)
        try store.recordViewed(number: 1, viewer: f.alice)
        try store.recordViewed(number: 7, viewer: f.alice)
        XCTAssertEqual(try f.numbers(.recent, f.alice), [7, 1, 3])
        // Viewing again moves it to the top.
        try store.recordViewed(number: 3, viewer: f.alice)
        XCTAssertEqual(try f.numbers(.recent, f.alice), [3, 7, 1])
        f.clock.advance(by: 60)
        try store.recordViewed(number: 1, viewer: f.alice)
        XCTAssertEqual(try f.numbers(.recent, f.alice), [1, 3, 7])
        XCTAssertEqual(try f.numbers(.recent, f.alice, order: TicketOrder(key: .created, reversed: true)), [7, 3, 1])
        XCTAssertEqual(try f.numbers(.recent, f.alice, order: TicketOrder(key: .updated)), [7, 3, 1])
        XCTAssertEqual(try f.numbers(.recent, f.alice, order: TicketOrder(key: .triage)), [3, 1, 7])
        XCTAssertEqual(try store.counts(viewer: f.alice)[.recent], 3)
        // Per user.
        XCTAssertEqual(try f.numbers(.recent, f.bob), [])
        XCTAssertEqual(try store.counts(viewer: f.bob)[.recent], 0)
    }

    func testRecentHidesTicketsTheViewerNoLongerSees() throws {
        try buildWorld()
        try store.recordViewed(number: 6, viewer: f.peter)   // watched
        try store.recordViewed(number: 1, viewer: f.peter)
        try store.recordViewed(number: 4, viewer: f.peter)
        XCTAssertEqual(try f.numbers(.recent, f.peter), [4, 1, 6])
        XCTAssertDeskError(try store.recordViewed(number: 3, viewer: f.peter), .ticketNotFound(number: 3))

        try store.setWatching(number: 6, handle: "peter", watching: false, by: f.alice)
        XCTAssertEqual(try f.numbers(.recent, f.peter), [4, 1])
        XCTAssertEqual(try store.counts(viewer: f.peter)[.recent], 2)
        // Paging over the filtered list has no gaps.
        let first = try store.page(PageRequest(view: .recent, limit: 1), viewer: f.peter)
        XCTAssertEqual(first.rows.map(\.number), [4])
        XCTAssertTrue(first.hasMore)
        let second = try store.page(PageRequest(view: .recent, cursor: first.rows[0].cursor, limit: 1), viewer: f.peter)
        XCTAssertEqual(second.rows.map(\.number), [1])
        XCTAssertFalse(second.hasMore)

        // Watching again brings it back where it was.
        try store.setWatching(number: 6, handle: "peter", watching: true, by: f.alice)
        XCTAssertEqual(try f.numbers(.recent, f.peter), [4, 1, 6])
    }

    func testRecentIsBounded() throws {
        for index in 1...(Desk.recentLimit + 5) {
            try f.ticket("Ticket \(index)", by: f.peter)
            try store.recordViewed(number: Int64(index), viewer: f.alice)
        }
        let recent = try f.numbers(.recent, f.alice)
        XCTAssertEqual(recent, Array((6...Int64(Desk.recentLimit + 5)).reversed()))
        XCTAssertEqual(try store.counts(viewer: f.alice)[.recent], Desk.recentLimit)
    }

    // MARK: - Pagination with ties

    /// Twenty tickets, five per second over four seconds, all assigned or closed in one later
    /// second: every order has runs of equal sort values that only the ticket id separates.
    func buildTiedWorld() throws {
        let requesters = [f.peter, f.pia, f.paula, f.eve, f.erin]
        for second in 0..<4 {
            f.clock.set(StoreFixture.start + TimeInterval(second))
            for slot in 0..<5 {
                try f.ticket("Tied \(second)-\(slot)", by: requesters[slot])
            }
        }
        f.clock.set(StoreFixture.start + 3600)
        for number in Int64(1)...20 {
            if number % 3 == 0 { _ = try store.assign(number: number, to: "alice", by: f.alice) }
            if number % 3 == 1 { _ = try store.assign(number: number, to: "bob", by: f.alice) }
            if number % 4 == 0 { _ = try store.changeStatus(number: number, to: .closed, by: f.alice) }
        }
        for number: Int64 in [2, 8, 17] {
            try store.setWatching(number: number, handle: "peter", watching: true, by: f.alice)
        }
        for number: Int64 in [20, 5, 11, 2, 14, 17, 8] {
            try store.recordViewed(number: number, viewer: f.alice)
        }
        for number: Int64 in [3, 11, 2, 17, 8, 12] {
            try store.recordViewed(number: number, viewer: f.paula)
        }
        for number: Int64 in [8, 1, 2, 6] {
            try store.recordViewed(number: number, viewer: f.peter)
        }
    }

    func testTiesAreBrokenByID() throws {
        try buildTiedWorld()
        XCTAssertEqual(try f.numbers(.all, f.alice), Array((1...20).reversed()))
        XCTAssertEqual(try f.numbers(.all, f.alice, order: TicketOrder(key: .created, reversed: true)), Array(1...20))
        XCTAssertEqual(try f.numbers(.all, f.alice, order: TicketOrder(key: .updated)),
                       [20, 19, 18, 16, 15, 13, 12, 10, 9, 8, 7, 6, 4, 3, 1, 17, 14, 11, 5, 2])
        // #5's running service-level clock ranks it ahead of #4 (`Triage.key(…due:)`); the
        // rest are ties broken by id.
        XCTAssertEqual(try f.numbers(.all, f.alice, order: TicketOrder(key: .triage)),
                       [5, 4, 9, 10, 14, 15, 19, 20, 1, 2, 3, 6, 7, 8, 11, 12, 13, 16, 17, 18])
        XCTAssertEqual(try f.numbers(.active, f.alice), [18, 17, 15, 14, 11, 9, 6, 5, 3, 2])
        XCTAssertEqual(try f.numbers(.all, f.peter), [17, 16, 11, 8, 6, 2, 1])
        XCTAssertEqual(try f.numbers(.recent, f.alice), [8, 17, 14, 2, 11, 5, 20])
        XCTAssertEqual(try f.numbers(.recent, f.paula), [12, 8, 17, 2, 11, 3])
        XCTAssertEqual(try f.numbers(.recent, f.peter), [6, 2, 1, 8])
    }

    /// Every view of every viewer in every order: page by page forward and backward with
    /// three rows a page gives exactly the one-page list, which is strictly ordered by
    /// (sort value, id) and has as many rows as `counts` says.
    func testPagingForwardAndBackwardMatchesOneBigPage() throws {
        try buildTiedWorld()
        for viewer in everyone {
            let counts = try store.counts(viewer: viewer)
            for view in CaseView.allCases {
                for order in Self.orders {
                    let label = "\(viewer.user.handle) \(view) \(order.label)"
                    let whole = try store.page(PageRequest(view: view, order: order, limit: 1000), viewer: viewer)
                    XCTAssertFalse(whole.hasMore, label)
                    let rows = whole.rows
                    XCTAssertEqual(rows.count, counts[view], label)
                    XCTAssertEqual(Set(rows.map(\.id)).count, rows.count, "duplicates in \(label)")
                    for (a, b) in zip(rows, rows.dropFirst()) {
                        let ascending = (a.sortValue, a.id) < (b.sortValue, b.id)
                        XCTAssertEqual(ascending, !order.isDescending, "\(label): #\(a.number) then #\(b.number)")
                    }

                    XCTAssertEqual(try walkForward(view, order, viewer, limit: 3), rows.map(\.number), "forward \(label)")
                    XCTAssertEqual(try walkBackward(view, order, viewer, limit: 3), rows.map(\.number), "backward \(label)")
                    XCTAssertEqual(try walkForward(view, order, viewer, limit: 1), rows.map(\.number), "forward by 1 \(label)")

                    // The first backward page is the tail; any row's backward page is what precedes it.
                    let tail = try store.page(PageRequest(view: view, order: order, direction: .backward, limit: 3), viewer: viewer)
                    XCTAssertEqual(tail.rows, Array(rows.suffix(3)), "tail \(label)")
                    XCTAssertEqual(tail.hasMore, rows.count > 3, "tail \(label)")
                    for index in rows.indices {
                        let before = try store.page(
                            PageRequest(view: view, order: order, cursor: rows[index].cursor, direction: .backward, limit: 3),
                            viewer: viewer)
                        XCTAssertEqual(before.rows, Array(rows[max(0, index - 3)..<index]), "before #\(rows[index].number) \(label)")
                        let after = try store.page(
                            PageRequest(view: view, order: order, cursor: rows[index].cursor, limit: 3), viewer: viewer)
                        XCTAssertEqual(after.rows, Array(rows[(index + 1)..<min(rows.count, index + 4)]), "after #\(rows[index].number) \(label)")
                        XCTAssertEqual(after.hasMore, index + 4 < rows.count, "after #\(rows[index].number) \(label)")
                        // Inclusive: the window re-read from its own first row.
                        var request = PageRequest(view: view, order: order, cursor: rows[index].cursor, limit: 3)
                        request.inclusive = true
                        XCTAssertEqual(try store.page(request, viewer: viewer).rows, Array(rows[index..<min(rows.count, index + 3)]),
                                       "from #\(rows[index].number) \(label)")
                    }
                }
            }
        }
    }

    func walkForward(_ view: CaseView, _ order: TicketOrder, _ viewer: Viewer, limit: Int) throws -> [Int64] {
        var numbers: [Int64] = []
        var cursor: PageCursor?
        for _ in 0..<100 {
            let page = try store.page(PageRequest(view: view, order: order, cursor: cursor, limit: limit), viewer: viewer)
            XCTAssertLessThanOrEqual(page.rows.count, limit)
            numbers += page.rows.map(\.number)
            guard page.hasMore else { return numbers }
            XCTAssertEqual(page.rows.count, limit)
            cursor = page.rows.last?.cursor
        }
        XCTFail("paging forward did not end")
        return numbers
    }

    func walkBackward(_ view: CaseView, _ order: TicketOrder, _ viewer: Viewer, limit: Int) throws -> [Int64] {
        var numbers: [Int64] = []
        var cursor: PageCursor?
        for _ in 0..<100 {
            let page = try store.page(
                PageRequest(view: view, order: order, cursor: cursor, direction: .backward, limit: limit), viewer: viewer)
            XCTAssertLessThanOrEqual(page.rows.count, limit)
            numbers = page.rows.map(\.number) + numbers
            guard page.hasMore else { return numbers }
            XCTAssertEqual(page.rows.count, limit)
            cursor = page.rows.first?.cursor
        }
        XCTFail("paging backward did not end")
        return numbers
    }
}
