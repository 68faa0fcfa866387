import DeskModel
import XCTest

@testable import DeskTUI

/// The new-ticket and follow-up forms: the fields they carry, the free plan's Incident, and
/// what the reply composer keeps in view.
final class FormScreenTests: XCTestCase {
    /// A closed copy of the fixture's ticket, with every field a follow-up carries set.
    private func closedDetail() -> TicketDetail {
        var ticket = Fixture.ticket
        ticket.status = .closed
        ticket.subcategory = "macOS"
        ticket.contact = .email
        return Fixture.detail(ticket: ticket)
    }

    private func opened(_ kind: ComposerKind, viewer: Viewer, size: TerminalSize = Fixture.size80, detail: TicketDetail? = nil) -> DeskState {
        var state = Fixture.openState(viewer, size: size, detail: detail ?? Fixture.detail())
        _ = DeskReducer.reduce(into: &state, .composerOpened(kind))
        return state
    }

    func testFollowUpFormCarriesTheClosedTicketsFieldsAndAssigneeAt80x24() {
        let state = opened(.followUp, viewer: Fixture.customer, detail: closedDetail())
        let grid = Renderer.render(state, size: Fixture.size80)
        let form = (1...11).map { grid.rowText($0).replacingTrailingSpaces() }
        XCTAssertEqual(form, [
            " Follow-up of #1042",
            " Subject     Follow-up: VPN drops every hour",
            " Kind          Incident",
            " Product     VPN",
            " Category    Client",
            " Subcategory macOS",
            " Urgency       Serious",
            " Contact       Email",
            " Watchers",
            " Assignee    ana (handled #1042)",
            " Description",
        ])
    }

    func testNewTicketFormHasSubcategoryContactAndWatchersAt80x24() {
        var state = opened(.newTicket, viewer: Fixture.customer)
        state.composer?.subject = "Printer jams"
        state.composer?.fields["subcategory"] = "Tray 2"
        state.composer?.fields["watchers"] = "dora"
        state.composer?.body = "Every morning."
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
             New ticket
             Subject     Printer jams
             Kind          Question
             Product
             Category
             Subcategory Tray 2
             Urgency       None
             Contact       Portal
             Watchers    dora
             Description
             Every morning.











             ctrl-s send  esc close, keep draft  ctrl-e editor  tab next field
            """)
    }

    func testNewTicketFormAt132x40() {
        var state = opened(.newTicket, viewer: Fixture.agent, size: Fixture.size132)
        state.composer?.subject = "Printer jams"
        state.composer?.field = .watchers
        let grid = Renderer.render(state, size: Fixture.size132)
        let pane = (20...31).map { String(grid.rowText($0).dropFirst(53)).replacingTrailingSpaces() }
        XCTAssertEqual(pane, [
            " New ticket",
            " Subject     Printer jams",
            " Kind          Question",
            " Product",
            " Category",
            " Subcategory",
            " Urgency       None",
            " Contact       Portal",
            " Watchers     handles, or Enter to pick from a list",
            " Description",
            "",
            "",
        ])
        // An empty Watchers field says how it is filled; the caret stays at its start.
        XCTAssertEqual(grid.cursor?.y, 28)
        XCTAssertEqual(grid.cursor?.x, 53 + 13)
        XCTAssertEqual(grid[53 + 14, 28].style, .dim)
    }

    func testAFreePlanShowsIncidentDisabledWithTheReason() {
        let free = Viewer(user: Fixture.carl, plan: .free)
        var state = opened(.newTicket, viewer: free)
        _ = DeskReducer.reduce(into: &state, .composerFieldMoved(forward: true))
        XCTAssertEqual(state.composer?.field, .kind)
        // From Question, Right goes round to Incident: offered, but shown as unavailable.
        _ = DeskReducer.reduce(into: &state, .composerChoiceCycled(forward: true))
        let grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertEqual(grid.rowText(3).replacingTrailingSpaces(), " Kind        ‹ Incident › not in your plan")
        XCTAssertEqual(grid[15, 3].style, .dim)
        XCTAssertEqual(grid.rowText(23).replacingTrailingSpaces(),
                       " Your organisation's free plan does not include incidents; ask a question")
    }

    func testAssignMenuOffersUnassignedFirst() {
        var state = Fixture.openState(Fixture.agent)
        _ = DeskReducer.reduce(into: &state, .agentsLoaded([Fixture.ana, Fixture.ben]))
        let grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertTrue(grid.text.contains("│ 1  unassigned"), grid.text)
        XCTAssertTrue(grid.text.contains("│ 2  Ana Lind (ana)"), grid.text)
    }

    func testReplyAt80x24ShowsTheLastMessageAboveTheComposer() {
        var state = opened(.reply, viewer: Fixture.agent)
        state.composer?.body = "Thanks, updating now."
        state.composer?.cursor = 21
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
             Carl Meyer (customer) · 2024-05-30 13:00
             Thanks!
             Reply to #1042
             Thanks, updating now.


















             ctrl-s send  esc close, keep draft  ctrl-e editor  tab next field
            """)
        XCTAssertEqual(grid.cursor?.y, 4)
    }
}
