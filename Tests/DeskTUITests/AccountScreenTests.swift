import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// A customer with several accounts: the list names each ticket's organisation beside who
/// handles it, and the new-ticket form offers the Account to file under (whose plan applies).
final class AccountScreenTests: XCTestCase {
    static let tokai = Organisation(id: 101, name: "Tōkai Logistics", plan: .free, tier: .standard)
    /// Dora: Umbra (Pro, her own tickets) and Tōkai Logistics (free, her own tickets).
    static let dora = Viewer(
        user: Fixture.dora, plan: .pro,
        accounts: [Account(organisation: Fixture.org, caseAccess: .own, isAdministrator: false, isPrimary: true),
                   Account(organisation: tokai, caseAccess: .own, isAdministrator: false, isPrimary: false)])

    private static var rows: [TicketSummary] {
        Fixture.rows.enumerated().map { index, row in
            var row = row
            row.requesterHandle = "dora"
            if index.isMultiple(of: 2) { row.organisationName = tokai.name }
            return row
        }
    }

    func testTheListShowsEachTicketsOrganisationAt80x24() {
        let grid = Renderer.render(Fixture.state(Self.dora, rows: Self.rows), size: Fixture.size80)
        assertScreen(grid, """
             dora  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
                 # STATUS        SUBJECT                  1/5 ASSIGNEE · ORG         UPDATED
             #1042 Open          VPN drops every hour         ana · Tōkai Logistics       5m
             #1041 Open          Invoice shows the wrong VAT… unassigned · Umbra          3h
             #1040 Action needed Cannot export the monthly r… ben · Tōkai Logistics       2d
             #1039 Solution      Mail server down for the wh… ana · Umbra                 3w
             #1038 Closed        Password reset link expired  ben · Tōkai Logistics       1y
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
             enter open  r reply  S status  n new  / search  s sort  ? help  q back
            """)
    }

    func testTheListShowsEachTicketsOrganisationAt132x40() {
        let grid = Renderer.render(Fixture.state(Self.dora, size: Fixture.size132, rows: Self.rows), size: Fixture.size132)
        assertScreen(grid, """
             Acme Support · dora (customer)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                       sort: newest first
                 # STATUS        SUBJECT  1/5 ASSIGNEE … UPDATED│ No ticket open: Enter opens the selected one
             #1042 Open          VPN drops e… ana · Tōk…      5m│
             #1041 Open          Invoice sho… unassigne…      3h│
             #1040 Action needed Cannot expo… ben · Tōk…      2d│
             #1039 Solution      Mail server… ana · Umb…      3w│
             #1038 Closed        Password re… ben · Tōk…      1y│
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
             enter open  r reply  S status  n new  / search  s sort  ? help  q back
            """)
    }

    func testTheNewTicketFormOffersTheAccountAt80x24() {
        var state = Fixture.state(Self.dora, rows: Self.rows)
        _ = DeskReducer.reduce(into: &state, .composerOpened(.newTicket))
        state.composer?.subject = "Customs papers"
        _ = DeskReducer.reduce(into: &state, .composerFieldMoved(forward: true))
        XCTAssertEqual(state.composer?.field, .account)
        _ = DeskReducer.reduce(into: &state, .composerChoiceCycled(forward: true))
        XCTAssertEqual(state.composer?.fields["account"], "Tōkai Logistics")
        state.composer?.fields["kind"] = "incident"
        assertScreen(Renderer.render(state, size: Fixture.size80), """
             dora  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
             New ticket
             Subject     Customs papers
             Account     ‹ Tōkai Logistics ›
             Kind          Incident not in your plan
             Product
             Category
             Subcategory
             Urgency       None
             Contact       Portal
             Description
            
            
            
            
            
            
            
            
            
            
            
            
             ctrl-s send  esc close, keep draft  ctrl-e editor  tab next field
            """)
    }

    func testTheNewTicketFormAt132x40() {
        var state = Fixture.state(Self.dora, size: Fixture.size132, rows: Self.rows)
        _ = DeskReducer.reduce(into: &state, .composerOpened(.newTicket))
        assertScreen(Renderer.render(state, size: Fixture.size132), """
             Acme Support · dora (customer)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                       sort: newest first
                 # STATUS        SUBJECT  1/5 ASSIGNEE … UPDATED│ No ticket open: Enter opens the selected one
             #1042 Open          VPN drops e… ana · Tōk…      5m│
             #1041 Open          Invoice sho… unassigne…      3h│
             #1040 Action needed Cannot expo… ben · Tōk…      2d│
             #1039 Solution      Mail server… ana · Umb…      3w│
             #1038 Closed        Password re… ben · Tōk…      1y│
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │ New ticket
                                                                │ Subject
                                                                │ Account       Umbra
                                                                │ Kind          Question
                                                                │ Product
                                                                │ Category
                                                                │ Subcategory
                                                                │ Urgency       None
                                                                │ Contact       Portal
                                                                │ Description
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
             ctrl-s send  esc close, keep draft  ctrl-e editor  tab next field
            """)
    }
}
