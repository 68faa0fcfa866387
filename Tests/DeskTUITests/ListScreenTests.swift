import DeskModel
import XCTest

@testable import DeskTUI

/// The case list as each role sees it, at 80x24 (list only) and 132x40 (side by side).
final class ListScreenTests: XCTestCase {
    func testAgentListAt80x24() {
        let grid = Renderer.render(Fixture.state(Fixture.agent), size: Fixture.size80)
        // 80 columns: number, staff status, urgency by name, a 34-column subject, a 12-column
        // requester · organisation and the time since the last update. The top bar keeps the
        // handle, five abbreviated tabs and the sort; on the bottom line "s sort" and "q back"
        // give way to "? help".
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
                 # STATUS   URGENCY  SUBJECT                        1/5 REQUESTER ·… UPDATED
             #1042 open     Serious  VPN drops every hour               carl · Umbra      5m
             #1041 new               Invoice shows the wrong VAT number dora · Umbra      3h
             #1040 awaiting Low      Cannot export the monthly report … carl · Umbra      2d
             #1039 pending  Critical Mail server down for the whole of… dora · Umbra      3w
             #1038 closed            Password reset link expired        carl · Umbra      1y
















             enter open  r reply  i note  S status  a assign  n new  / search  ? help
            """)
    }

    func testCustomerListAt80x24() {
        let grid = Renderer.render(Fixture.state(Fixture.customer), size: Fixture.size80)
        // Customers see their own status words and no staff-only hints (note, assign); Carl is
        // his organisation's support contact, so he reads whose ticket each one is
        // (RequesterColumnScreenTests has a customer who sees only their own).
        assertScreen(grid, """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
                 # STATUS        URGENCY  SUBJECT                     1/5 REQUESTER  UPDATED
             #1042 Open          Serious  VPN drops every hour            carl            5m
             #1041 Open                   Invoice shows the wrong VAT nu… dora            3h
             #1040 Action needed Low      Cannot export the monthly repo… carl            2d
             #1039 Solution      Critical Mail server down for the whole… dora            3w
             #1038 Closed                 Password reset link expired     carl            1y
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
             enter open  r reply  S status  n new  / search  s sort  ? help  q back
            """)
    }

    func testEveryStatusLabelAsEachRoleSeesIt() {
        let statuses: [TicketStatus] = [.new, .open, .awaitingCustomer, .pending, .closed]
        let rows = statuses.enumerated().map { Fixture.row(TicketID(10 + $0.offset), "Subject \($0.offset)", $0.element) }
        let expected: [Role: [String]] = [
            .agent: ["new", "open", "awaiting", "pending", "closed"],
            .admin: ["new", "open", "awaiting", "pending", "closed"],
            .customer: ["Open", "Open", "Action needed", "Solution", "Closed"],
        ]
        for (role, labels) in expected {
            var user = Fixture.ana
            user.role = role
            let grid = Renderer.render(Fixture.state(Viewer(user: user), rows: rows, selected: nil), size: Fixture.size80)
            for (index, label) in labels.enumerated() {
                let text = grid.rowText(2 + index)
                XCTAssertEqual(String(text.dropFirst(7).prefix(label.count)), label, "\(role) row \(index): \(text)")
                // The status column is exactly as wide as the role's longest short label.
                XCTAssertEqual(text.dropFirst(7 + label.count).first, " ")
            }
        }
        // The detail pane's field uses the full words.
        XCTAssertEqual(TicketStatus.awaitingCustomer.label(for: .customer), "Action required from you")
    }

    func testSideBySideAt132x40WithNoTicketOpen() {
        let grid = Renderer.render(Fixture.state(Fixture.agent, size: Fixture.size132), size: Fixture.size132)
        // 52 list columns leave no room for the requester; the detail pane says how to open one.
        // All five tabs and the sort label fit in the top bar.
        assertScreen(grid, """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                           sort: newest first
                 # STATUS   URGENCY  SUBJECT         1/5 UPDATED│ No ticket open: Enter opens the selected one
             #1042 open     Serious  VPN drops every ho…      5m│
             #1041 new               Invoice shows the …      3h│
             #1040 awaiting Low      Cannot export the …      2d│
             #1039 pending  Critical Mail server down f…      3w│
             #1038 closed            Password reset lin…      1y│
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
             enter open  r reply  i note  S status  a assign  n new  / search  s sort  ? help  q back
            """)
    }

    func testNarrowLayoutShowsOnePaneChosenByFocus() {
        var state = Fixture.openState(Fixture.agent)
        state.focus = .list
        XCTAssertTrue(Renderer.render(state, size: Fixture.size80).rowText(1).hasPrefix("     # STATUS"))
        state.focus = .detail
        XCTAssertTrue(Renderer.render(state, size: Fixture.size80).rowText(1).hasPrefix(" #1042 VPN drops every hour"))
        // 119 columns is still one pane; 120 is side by side.
        XCTAssertNil(Layout(state: state, size: TerminalSize(columns: 119, rows: 40)).list)
        let wide = Layout(state: state, size: TerminalSize(columns: 120, rows: 40))
        XCTAssertEqual(wide.list, Rect(x: 0, y: 1, width: 50, height: 38))
        XCTAssertEqual(wide.divider, Rect(x: 50, y: 1, width: 1, height: 38))
        XCTAssertEqual(wide.detail, Rect(x: 51, y: 1, width: 69, height: 38))
    }

    func testScrollOffsetAndSelection() {
        let rows = (1...40).map { Fixture.row(TicketID($0), "Ticket number \($0)", .open, updated: Fixture.ago(60)) }
        var state = Fixture.state(Fixture.agent, rows: rows, selected: 16)
        state.list.scrollOffset = 10
        let grid = Renderer.render(state, size: Fixture.size80)
        // 21 rows fit under the header: rows 11...31 of the window.
        XCTAssertTrue(grid.rowText(2).hasPrefix(" #1011 open              Ticket number 11 "), grid.rowText(2))
        XCTAssertTrue(grid.rowText(22).hasPrefix(" #1031 open              Ticket number 31 "), grid.rowText(22))
        XCTAssertEqual(grid.rowText(22).replacingTrailingSpaces().suffix(2), "1m")
        // The selected row (index 15) is the sixth on screen and the only highlighted one.
        let highlighted = (2...22).filter { grid[40, $0].style == .selected }
        XCTAssertEqual(highlighted, [7])
        XCTAssertTrue(grid.rowText(7).hasPrefix(" #1016 "))
        // Without focus the selection is still shown, dimmed.
        state.focus = .detail
        state.openTicket = Fixture.openState(Fixture.agent).openTicket
        let side = Renderer.render(state, size: Fixture.size132)
        XCTAssertEqual((2...38).filter { side[10, $0].style == .selectedDim }, [7])
        XCTAssertEqual((2...38).filter { side[10, $0].style == .selected }, [])
    }

    func testEmptyAndLoadingLists() {
        var state = Fixture.state(Fixture.agent, rows: [], selected: nil)
        XCTAssertEqual(Renderer.render(state, size: Fixture.size80).rowText(2).replacingTrailingSpaces(), " No tickets in this view")
        state.list.isLoading = true
        XCTAssertEqual(Renderer.render(state, size: Fixture.size80).rowText(2).replacingTrailingSpaces(), " Loading…")
    }

    func testColumnsDropByPriorityAsThePaneNarrows() {
        let rows = Fixture.rows
        XCTAssertEqual(ListPane.columns(width: 120, rows: rows, role: .agent),
                       .init(number: 5, status: 8, urgency: 8, who: 26, age: 7, subject: 60))
        XCTAssertEqual(ListPane.columns(width: 80, rows: rows, role: .agent),
                       .init(number: 5, status: 8, urgency: 8, who: 12, age: 7, subject: 34))
        XCTAssertEqual(ListPane.columns(width: 52, rows: rows, role: .agent),
                       .init(number: 5, status: 8, urgency: 8, who: 0, age: 7, subject: 19))
        XCTAssertEqual(ListPane.columns(width: 40, rows: rows, role: .agent),
                       .init(number: 5, status: 8, urgency: 0, who: 0, age: 7, subject: 16))
        XCTAssertEqual(ListPane.columns(width: 80, rows: rows, role: .customer),
                       .init(number: 5, status: 13, urgency: 8, who: 10, age: 7, subject: 31))
    }
}
