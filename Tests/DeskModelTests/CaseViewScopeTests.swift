import Foundation
import XCTest

@testable import DeskModel

/// What the rules tell a backend about a list, before any backend compiles it: the parts of
/// each view per viewer (DESIGN.md section 2), the reader, and the filter read for the reader.
final class CaseViewScopeTests: XCTestCase {
    let agent = Viewer(user: User(id: 1, handle: "alice", name: "Alice", email: "a@x", role: .agent))
    let contact = Viewer(
        user: User(id: 2, handle: "paula", name: "Paula", email: "p@x", role: .customer, organisationID: 7, caseAccess: .organisation),
        plan: .pro)
    let customer = Viewer(
        user: User(id: 3, handle: "peter", name: "Peter", email: "q@x", role: .customer, organisationID: 7), plan: .pro)

    func testTheAgentsViews() {
        XCTAssertEqual(CaseView.recent.branches(for: agent), [ViewBranch(.recentlyViewed(by: 1))])
        XCTAssertEqual(CaseView.active.branches(for: agent), [
            ViewBranch(.assigned(to: 1), openOnly: true), ViewBranch(.unassigned, openOnly: true),
        ])
        XCTAssertEqual(CaseView.mine.branches(for: agent), [ViewBranch(.assigned(to: 1))])
        XCTAssertEqual(CaseView.open.branches(for: agent), [ViewBranch(.everyTicket, openOnly: true)])
        XCTAssertEqual(CaseView.all.branches(for: agent), [ViewBranch(.everyTicket)])
    }

    func testACustomersViewsStayInsideWhatTheyMaySee() {
        XCTAssertEqual(CaseView.recent.branches(for: customer), [ViewBranch(.recentlyViewed(by: 3))])
        XCTAssertEqual(CaseView.active.branches(for: customer), [
            ViewBranch(.requested(by: 3), openOnly: true), ViewBranch(.watched(by: 3), openOnly: true),
        ])
        XCTAssertEqual(CaseView.mine.branches(for: customer), [ViewBranch(.requested(by: 3))])
        XCTAssertEqual(CaseView.open.branches(for: customer), [
            ViewBranch(.requested(by: 3), openOnly: true), ViewBranch(.watched(by: 3), openOnly: true),
        ])
        XCTAssertEqual(CaseView.all.branches(for: customer), [ViewBranch(.requested(by: 3)), ViewBranch(.watched(by: 3))])
        // The organisation's contact sees its cases in All open and All, never in Mine or Active.
        XCTAssertEqual(CaseView.all.branches(for: contact), [
            ViewBranch(.requested(by: 2)), ViewBranch(.watched(by: 2)), ViewBranch(.organisation(7)),
        ])
        XCTAssertEqual(CaseView.open.branches(for: contact).last, ViewBranch(.organisation(7), openOnly: true))
        XCTAssertEqual(CaseView.active.branches(for: contact).count, 2)
    }

    func testTheReaderCarriesWhatTheBackendMayNotDecide() {
        XCTAssertEqual(ListReader(agent), ListReader(userID: 1, visibility: .everything, reportsUnknownNames: true))
        XCTAssertEqual(
            ListReader(contact), ListReader(userID: 2, visibility: .customer(userID: 2, organisationID: 7), reportsUnknownNames: false))
        XCTAssertEqual(
            ListReader(customer), ListReader(userID: 3, visibility: .customer(userID: 3, organisationID: nil), reportsUnknownNames: false))
    }

    /// Customers see `new` and `open` alike, so either word selects both for them.
    func testStatusWordsAreReadForTheViewer() throws {
        let filter = try TicketQuery.parse("status:open -status:new urgency:low").filter
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let forAgent = TicketListQuery(PageRequest(view: .all, filter: filter), viewer: agent, now: now)
        let forCustomer = TicketListQuery(PageRequest(view: .all, filter: filter), viewer: customer, now: now)
        XCTAssertEqual(forAgent.page.filter, filter)
        XCTAssertEqual(forCustomer.page.filter, TicketFilter([
            FilterClause(.status([.new, .open])), FilterClause(.status([.new, .open]), negated: true), FilterClause(.urgency([.low])),
        ]))
        XCTAssertEqual(forCustomer.branches, CaseView.all.branches(for: customer))
        XCTAssertFalse(forCustomer.isRecent)
        XCTAssertTrue(TicketListQuery(PageRequest(view: .recent), viewer: customer, now: now).isRecent)
    }
}
