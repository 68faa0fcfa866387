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
            RECORD
            """)
    }

    func testTheListShowsEachTicketsOrganisationAt132x40() {
        let grid = Renderer.render(Fixture.state(Self.dora, size: Fixture.size132, rows: Self.rows), size: Fixture.size132)
        assertScreen(grid, """
            RECORD
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
            RECORD
            """)
    }

    func testTheNewTicketFormAt132x40() {
        var state = Fixture.state(Self.dora, size: Fixture.size132, rows: Self.rows)
        _ = DeskReducer.reduce(into: &state, .composerOpened(.newTicket))
        assertScreen(Renderer.render(state, size: Fixture.size132), """
            RECORD
            """)
    }
}
