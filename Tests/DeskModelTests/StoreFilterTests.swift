import Foundation
import XCTest

@testable import DeskModel

/// Filtered views and searches: what they select, that they stay inside what the viewer may
/// see, and that keyset paging still walks them in order.
final class StoreFilterTests: StoreTestCase {
    /// Six tickets, created a day apart from the fixture's start (day 0):
    ///
    /// | # | requester (org) | kind, urgency | assignee | status | updated |
    /// |---|---|---|---|---|---|
    /// | 1 | peter (Pro Co) | incident, critical | alice | open | day 5 |
    /// | 2 | erin (Big Co) | incident, serious | | new | day 1 |
    /// | 3 | paula (Pro Co) | serviceRequest, low | bob | pending | day 8 |
    /// | 4 | fred (Free Co) | question | alice | closed | day 9 |
    /// | 5 | eve (Big Co) | serviceRequest | | new | day 5 |
    /// | 6 | pia (Pro Co), peter watches | incident, critical | alice | awaitingCustomer | day 9 |
    ///
    /// "Now" is day 10.
    func buildWorld() throws {
        let day = StoreFixture.day
        let base = StoreFixture.start
        let specs: [(String, Viewer, TicketKind, Urgency)] = [
            ("Printer jams", f.peter, .incident, .critical),
            ("Printer offline", f.erin, .incident, .serious),
            ("VPN drops", f.paula, .serviceRequest, .low),
            ("Invoice wrong", f.fred, .question, .none),
            ("Printer toner", f.eve, .serviceRequest, .none),
            ("Printer driver", f.pia, .incident, .critical),
        ]
        for (index, spec) in specs.enumerated() {
            f.clock.set(base + day * Double(index))
            XCTAssertEqual(try f.ticket(spec.0, by: spec.1, kind: spec.2, urgency: spec.3).number, Int64(index + 1))
        }
        f.clock.set(base + day * 5)
        _ = try store.assign(number: 1, to: "alice", by: f.alice)
        try store.setWatching(number: 6, handle: "peter", watching: true, by: f.alice)
        try f.reply(5, "Which model?", by: f.eve)
        f.clock.set(base + day * 8)
        _ = try store.assign(number: 3, to: "bob", by: f.bob)
        try f.reply(3, "Try this", by: f.bob, intent: .proposeSolution)
        f.clock.set(base + day * 9)
        _ = try store.assign(number: 4, to: "alice", by: f.alice)
        _ = try store.changeStatus(number: 4, to: .closed, by: f.alice)
        _ = try store.assign(number: 6, to: "alice", by: f.alice)
        try f.reply(6, "Which printer?", by: f.alice, intent: .askCustomer)
        f.clock.set(base + day * 10)
        XCTAssertEqual(try (1...6).map(f.status), [.open, .new, .pending, .closed, .new, .awaitingCustomer])
    }

    private func numbers(
        _ filter: String, _ viewer: Viewer, view: CaseView = .all, order: TicketOrder = .newestFirst
    ) throws -> [Int64] {
        let query = try TicketQuery.parse(filter)
        XCTAssertEqual(query.words, [], filter)
        let request = PageRequest(view: view, order: order, limit: 1000, filter: query.filter)
        let page = try store.page(request, viewer: viewer)
        XCTAssertFalse(page.hasMore)
        XCTAssertEqual(try store.count(request, viewer: viewer, upTo: 1000), page.rows.count, "count of \(filter)")
        return page.rows.map(\.number)
    }

    private func searched(_ text: String, _ viewer: Viewer) throws -> [Int64] {
        try store.search(TicketQuery.parse(text), viewer: viewer, limit: 50).map(\.number)
    }

    func testEachKeySelectsItsTicketsForAnAgent() throws {
        try buildWorld()
        XCTAssertEqual(try numbers("status:new", f.alice), [5, 2])
        XCTAssertEqual(try numbers("status:open,pending", f.alice), [3, 1])
        XCTAssertEqual(try numbers("-status:closed", f.alice), [6, 5, 3, 2, 1])
        XCTAssertEqual(try numbers("urgency:critical", f.alice), [6, 1])
        XCTAssertEqual(try numbers("urgency:>=serious", f.alice), [6, 2, 1])
        XCTAssertEqual(try numbers("kind:incident", f.alice), [6, 2, 1])
        XCTAssertEqual(try numbers("kind:service", f.alice), [5, 3])
        XCTAssertEqual(try numbers("assignee:me", f.alice), [6, 4, 1])
        XCTAssertEqual(try numbers("assignee:me", f.bob), [3])
        XCTAssertEqual(try numbers("assignee:none", f.alice), [5, 2])
        XCTAssertEqual(try numbers("assignee:bob,none", f.alice), [5, 3, 2])
        // Negation keeps unassigned tickets: they are not assigned to alice.
        XCTAssertEqual(try numbers("-assignee:alice", f.alice), [5, 3, 2])
        XCTAssertEqual(try numbers("requester:peter", f.alice), [1])
        XCTAssertEqual(try numbers("requester:peter,pia", f.alice), [6, 1])
        XCTAssertEqual(try numbers("watching:peter", f.alice), [6])
        XCTAssertEqual(try numbers("watching:me", f.alice), [])
        XCTAssertEqual(try numbers(#"org:"pro co""#, f.alice), [6, 3, 1])
        XCTAssertEqual(try numbers(#"org:"Pro Co","Big Co""#, f.alice), [6, 5, 3, 2, 1])
        XCTAssertEqual(try numbers(#"-org:"Pro Co""#, f.alice), [5, 4, 2])
        XCTAssertEqual(try numbers("updated:<3d", f.alice), [6, 4, 3])
        XCTAssertEqual(try numbers("updated:>3d", f.alice), [5, 2, 1])
        XCTAssertEqual(try numbers("created:<=6d updated:<6d", f.alice), [6, 5])
        XCTAssertEqual(try numbers("created:2024-03-02", f.alice), [2])
        XCTAssertEqual(try numbers("created:>=2024-03-04", f.alice), [6, 5, 4])
        XCTAssertEqual(try numbers("status:open urgency:critical assignee:me kind:incident updated:<7d", f.alice), [1])
    }

    func testFiltersNarrowTheViewTheyApplyTo() throws {
        try buildWorld()
        XCTAssertEqual(try numbers("kind:incident", f.alice, view: .mine), [6, 1])
        XCTAssertEqual(try numbers("urgency:critical", f.alice, view: .active), [6, 1])
        XCTAssertEqual(try numbers("kind:question", f.alice, view: .open), [])
        try store.recordViewed(number: 2, viewer: f.alice)
        try store.recordViewed(number: 3, viewer: f.alice)
        XCTAssertEqual(try numbers("kind:incident", f.alice, view: .recent), [2])
    }

    func testOrganisationNamesMatchWithoutCaseOrAccents() throws {
        _ = try store.addOrganisation(NewOrganisation(name: "Librairie Étoile", plan: .pro, tier: .priority))
        _ = try store.addUser(NewUser(
            handle: "camille", name: "Camille", email: "c@example.com", role: .customer, organisationName: "Librairie Étoile"))
        let camille = try store.viewer(handle: "camille")
        try f.ticket("Caisse bloquée", by: camille)
        try f.ticket("Printer jams", by: f.peter)
        XCTAssertEqual(try numbers(#"org:"Librairie Étoile""#, f.alice), [1])
        XCTAssertEqual(try numbers(#"org:"librairie etoile""#, f.alice), [1])
        XCTAssertEqual(try numbers(#"org:"LIBRAIRIE ÉTOILE""#, f.alice), [1])
    }

    func testACustomersFilterNeverWidensWhatTheyMaySee() throws {
        try buildWorld()
        // peter sees what he requested (1) and watches (6), not the rest of Pro Co.
        XCTAssertEqual(try numbers(#"org:"Big Co""#, f.peter), [])
        XCTAssertEqual(try numbers(#"org:"Pro Co""#, f.peter), [6, 1])
        XCTAssertEqual(try numbers("requester:paula", f.peter), [])
        XCTAssertEqual(try numbers("requester:pia", f.peter), [6])
        // paula sees Pro Co's tickets (1, 3, 6); Big Co's are not hers to see.
        XCTAssertEqual(try numbers(#"org:"Big Co""#, f.paula), [])
        XCTAssertEqual(try numbers("assignee:alice", f.paula), [6, 1])
        XCTAssertEqual(try numbers("-status:pending", f.paula), [6, 1])
        // Searches too: peter's "printer" outside his tickets finds nothing.
        XCTAssertEqual(try searched(#"printer org:"Pro Co""#, f.peter), [6, 1])
        XCTAssertEqual(try searched(#"printer org:"Big Co""#, f.peter), [])
        XCTAssertEqual(try searched(#"printer org:"Big Co""#, f.paula), [])
        XCTAssertEqual(try searched("requester:erin", f.peter), [])
    }

    func testANameThatNamesNothingIsAnErrorForStaffAndNoMatchForCustomers() throws {
        try buildWorld()
        for (filter, error) in [
            ("assignee:nosuch", DeskError.userNotFound(handle: "nosuch")),
            ("requester:nosuch", .userNotFound(handle: "nosuch")),
            ("watching:nosuch", .userNotFound(handle: "nosuch")),
            (#"org:"No Such Co""#, .organisationNotFound(name: "No Such Co")),
        ] {
            let query = try TicketQuery.parse(filter)
            XCTAssertDeskError(try store.page(PageRequest(view: .all, filter: query.filter), viewer: f.alice), error)
            XCTAssertDeskError(try store.search(TicketQuery.parse("printer " + filter), viewer: f.alice, limit: 10), error)
            // The same answer as for a name that exists but is not theirs to see.
            XCTAssertEqual(try numbers(filter, f.paula), [], filter)
            XCTAssertEqual(try searched("printer " + filter, f.paula), [], filter)
        }
    }

    func testCustomersSeeNewAndOpenAsOneStatus() throws {
        try buildWorld()
        XCTAssertEqual(try numbers("status:open", f.eve), [5])
        XCTAssertEqual(try numbers("status:new", f.peter), [1])
        XCTAssertEqual(try numbers("status:open", f.alice), [1])
        XCTAssertEqual(try numbers("status:new", f.alice), [5, 2])
        XCTAssertEqual(try numbers("status:action-required", f.paula), [6])
    }

    func testSearchCombinesWordsAndFilters() throws {
        try buildWorld()
        XCTAssertEqual(try searched("printer", f.alice), try store.search("printer", viewer: f.alice, limit: 50).map(\.number))
        XCTAssertEqual(Set(try searched("printer", f.alice)), [1, 2, 5, 6])
        XCTAssertEqual(try searched("printer assignee:me", f.alice), [6, 1])
        XCTAssertEqual(try searched("printer -assignee:me status:new", f.alice).sorted(), [2, 5])
        XCTAssertEqual(try searched("printer kind:question", f.alice), [])
        XCTAssertEqual(try searched("printer urgency:critical", f.paula), [6, 1])
        XCTAssertEqual(try searched("model status:open", f.eve), [5])
        XCTAssertEqual(try searched("model status:pending", f.eve), [])
    }

    func testAFilterWithoutWordsListsMostRecentlyUpdatedFirst() throws {
        try buildWorld()
        XCTAssertEqual(try searched("kind:incident", f.alice), [6, 1, 2])
        XCTAssertEqual(try searched("-status:closed", f.alice), [6, 3, 5, 1, 2])
        XCTAssertEqual(try searched("assignee:me", f.alice), [6, 4, 1])
        XCTAssertEqual(try searched("-status:closed", f.peter), [6, 1])
        XCTAssertEqual(try searched("", f.alice), [])
        XCTAssertEqual(try searched("status:open *", f.alice), [1])
    }

    func testKeysetPagingWalksAFilteredViewInOrderBothWays() throws {
        // 40 tickets; every third is an incident, every fourth assigned to alice.
        for index in 0..<40 {
            f.clock.advance(by: 60)
            let ticket = try f.ticket("Case \(index)", by: [f.paula, f.peter, f.erin][index % 3], kind: index % 3 == 0 ? .incident : .question)
            if index % 4 == 0 { _ = try store.assign(number: ticket.number, to: "alice", by: f.alice) }
        }
        let filter = try TicketQuery.parse("kind:incident -assignee:alice").filter
        for viewer in [f.alice, f.paula] {
            for order in [TicketOrder(key: .created), TicketOrder(key: .updated, reversed: true), TicketOrder(key: .triage)] {
                let whole = try store.page(PageRequest(view: .all, order: order, limit: 1000, filter: filter), viewer: viewer).rows
                XCTAssertFalse(whole.isEmpty)
                XCTAssertTrue(whole.allSatisfy { $0.kind == .incident && $0.assigneeHandle != "alice" })
                var walked: [TicketSummary] = []
                var cursor: PageCursor?
                while true {
                    let page = try store.page(PageRequest(view: .all, order: order, cursor: cursor, limit: 3, filter: filter), viewer: viewer)
                    walked += page.rows
                    guard page.hasMore, let last = page.rows.last else { break }
                    cursor = last.cursor
                }
                XCTAssertEqual(walked.map(\.number), whole.map(\.number), "\(viewer.user.handle) \(order)")
                let backward = try store.page(
                    PageRequest(view: .all, order: order, cursor: whole.last!.cursor, direction: .backward, limit: 3, filter: filter),
                    viewer: viewer)
                XCTAssertEqual(backward.rows.map(\.number), whole.dropLast().suffix(3).map(\.number))
            }
        }
    }

    func testFilteredCountsStopAtTheCap() throws {
        try buildWorld()
        let filter = try TicketQuery.parse("-status:closed").filter
        XCTAssertEqual(try store.count(PageRequest(view: .all, filter: filter), viewer: f.alice, upTo: 1000), 5)
        XCTAssertEqual(try store.count(PageRequest(view: .all, filter: filter), viewer: f.alice, upTo: 2), 2)
        XCTAssertEqual(try store.count(PageRequest(view: .all), viewer: f.alice, upTo: 1000), 6)
        XCTAssertEqual(try store.count(PageRequest(view: .all), viewer: f.alice, upTo: 4), 4)
        XCTAssertEqual(try store.count(PageRequest(view: .open, filter: filter), viewer: f.paula, upTo: 100), 3)
    }
}
