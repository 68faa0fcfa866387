import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// The go-to-number prompt on the bottom line, a number offered in search, and the list's
/// position indicator (`38/200`) at every width.
final class JumpAndPositionScreenTests: XCTestCase {
    /// The window starts 35 rows into a view of 200: the selected #1040 is the 38th.
    static func deepInAView(size: TerminalSize) -> DeskState {
        var state = Fixture.state(Fixture.agent, size: size, selected: 40)
        state.counts[.active] = 200
        state.list.reachedTop = false
        state.list.rowsAboveWindow = 35
        return state
    }

    func testJumpPromptAt80x24() {
        var state = Fixture.state(Fixture.agent)
        state.jumpPrompt = "161"
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
                 # STATUS   URGENCY  SUBJECT                        1/5 REQUESTER ·… UPDATED
             #1042 open     Serious  VPN drops every hour               carl · Umbra      5m
             #1041 new               Invoice shows the wrong VAT number dora · Umbra      3h
             #1040 awaiting Low      Cannot export the monthly report … carl · Umbra      2d
             #1039 pending  Critical Mail server down for the whole of… dora · Umbra      3w
             #1038 closed            Password reset link expired        carl · Umbra      1y
















             Go to ticket #161                                         enter go  esc cancel
            """)
        XCTAssertEqual(grid.cursor?.x, 18)
    }

    func testJumpPromptAt132x40() {
        var state = Fixture.openState(Fixture.agent, size: Fixture.size132)
        state.jumpPrompt = ""
        assertScreen(Renderer.render(state, size: Fixture.size132), """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                           sort: newest first
                 # STATUS   URGENCY  SUBJECT         1/5 UPDATED│ #1042 VPN drops every hour
             #1042 open     Serious  VPN drops every ho…      5m│ Status        Open
             #1041 new               Invoice shows the …      3h│ Kind          Incident
             #1040 awaiting Low      Cannot export the …      2d│ Urgency       Serious
             #1039 pending  Critical Mail server down f…      3w│ Requester     Carl Meyer (carl)
             #1038 closed            Password reset lin…      1y│ Organisation  Umbra
                                                                │ Assignee      Ana Lind (ana)
                                                                │ Product       VPN › Client
                                                                │ Created       2024-05-30 09:00 (2d ago)
                                                                │ Updated       2024-06-01 11:55 (5m ago)
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ History (7)
                                                                │ ● Carl Meyer (customer) · 2024-05-30 10:00
                                                                │   It dropped again this morning while I was on a call with a customer, and
                                                                │   the reconnect took almost two minutes.
                                                                │ ├─● Ana Lind (agent) · 2024-05-30 11:00
                                                                │ │   Which client version do you run?
                                                                │ │ └─● Carl Meyer (customer) · 2024-05-30 11:30
                                                                │ │     Version 5.2.1 on macOS 14.
                                                                │ │   └─● Ana Lind (agent) · 2024-05-30 12:00
                                                                │ │       5.2.1 has a known keepalive bug.
                                                                │ │       Please update to 5.3.
                                                                │ ├─● Ben Okafor (agent) · 2024-05-30 11:15  INTERNAL NOTE
                                                                │ │   Same as #998: vendor case 7731.
                                                                │ └─● Carl Meyer (customer) · 2024-05-30 13:00
                                                                │     Thanks!
                                                                │ · 2024-05-30 14:00 Status changed from New to Open
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
             Go to ticket #                                                                                                enter go  esc cancel
            """)
    }

    func testSearchForAHashNumberOffersTheTicketAt80x24() {
        var state = Fixture.state(Fixture.agent)
        state.search = SearchState(query: "#1040", results: [Fixture.rows[2]])
        assertScreen(Renderer.render(state, size: Fixture.size80), """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
             Search: #1040
             Enter: go to ticket #1040
             #1040 awaiting Low      Cannot export the monthly report … carl · Umbra      2d



















             enter go to #1040  esc close
            """)
    }

    func testPositionAt80x24() {
        assertScreen(Renderer.render(Self.deepInAView(size: Fixture.size80), size: Fixture.size80), """
             ana  1 Rec 12  2 Act 200  3 Mine 2  4 Open 9  5 All 40      sort: newest first
                 # STATUS   URGENCY  SUBJECT                     38/200 REQUESTER ·… UPDATED
             #1042 open     Serious  VPN drops every hour               carl · Umbra      5m
             #1041 new               Invoice shows the wrong VAT number dora · Umbra      3h
             #1040 awaiting Low      Cannot export the monthly report … carl · Umbra      2d
             #1039 pending  Critical Mail server down for the whole of… dora · Umbra      3w
             #1038 closed            Password reset link expired        carl · Umbra      1y
















             enter open  r reply  i note  S status  a assign  n new  / search  ? help
            """)
    }

    func testPositionAt132x40() {
        assertScreen(Renderer.render(Self.deepInAView(size: Fixture.size132), size: Fixture.size132), """
             Acme Support · ana (agent)  1 Recent 12  2 Active 200  3 Mine 2  4 All open 9  5 All 40                         sort: newest first
                 # STATUS   URGENCY  SUBJECT      38/200 UPDATED│ No ticket open: Enter opens the selected one
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

    func testThePositionFitsAtEveryWidth() {
        // Below 43 columns the subject cell is narrower than "999993/1000000": a short form of
        // the position shows instead (PositionShortFormTests), never a cut number.
        for columns in 43...200 {
            for viewer in [Fixture.agent, Fixture.customer] {
                let size = TerminalSize(columns: columns, rows: 24)
                var state = Self.deepInAView(size: size)
                state.viewer = viewer
                // The widest numbers a million-ticket desk shows.
                state.counts[.active] = 1_000_000
                state.list.rowsAboveWindow = 999_990
                let header = Renderer.render(state, size: size).rowText(1)
                // A support contact's requester column leaves less room: the count's short form.
                XCTAssertTrue(header.contains("999993/1000000") || header.contains("999993/1M"), "\(columns) columns: \(header)")
            }
        }
    }

    func testNoPositionWhileTheWindowsStartIsUnknown() {
        var state = Self.deepInAView(size: Fixture.size80)
        state.list.rowsAboveWindow = nil
        XCTAssertFalse(Renderer.render(state, size: Fixture.size80).rowText(1).contains("/200"))
    }
}
