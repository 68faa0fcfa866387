import DeskModel
import XCTest

@testable import DeskTUI

/// Saved views as tabs, the `:` command line and the search's conditions, on screen.
final class CommandLineScreenTests: XCTestCase {
    static func withSavedViews(_ state: DeskState, active: String? = nil) -> DeskState {
        var state = state
        state.savedViews = [
            SavedView(name: "urgent", view: .all, filterText: "urgency:critical"),
            SavedView(name: "waiting on customers", view: .all, filterText: "status:awaiting"),
        ]
        state.savedViewCounts = ["urgent": 2, "waiting on customers": 1000]
        if let active {
            state.activeSavedView = active
            state.view = .all
        }
        return state
    }

    func testSavedViewTabsAt80x24KeepTheActiveOneAndTheSort() {
        let state = Self.withSavedViews(Fixture.state(Fixture.agent), active: "waiting on customers")
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
             ana  1  2  3  4  5  6  7 waiting o… 1000+                               newest
                 # STATUS   URGENCY  SUBJECT                            REQUESTER ·… UPDATED
             #1042 open     Serious  VPN drops every hour               carl · Umbra      5m
             #1041 new               Invoice shows the wrong VAT number dora · Umbra      3h
             #1040 awaiting Low      Cannot export the monthly report … carl · Umbra      2d
             #1039 pending  Critical Mail server down for the whole of… dora · Umbra      3w
             #1038 closed            Password reset link expired        carl · Umbra      1y
















             enter open  r reply  i note  S status  a assign  n new  / search  ? help
            """)
        // The active saved tab is highlighted, no case tab is.
        let column = grid.column(of: "7 waiting", row: 0)!
        XCTAssertEqual(grid[column, 0].style, .tabActive)
        XCTAssertEqual(grid[grid.column(of: " 2 ", row: 0)! + 1, 0].style, .tabInactive)
    }

    func testSavedViewTabsAt132x40() {
        let state = Self.withSavedViews(Fixture.state(Fixture.agent, size: Fixture.size132), active: "urgent")
        let grid = Renderer.render(state, size: Fixture.size132)
        assertScreen(grid, """
             Acme Support · ana (agent)  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40  6 urgent 2  7 waiting o… 1000+     sort: newest first
                 # STATUS   URGENCY  SUBJECT         1/2 UPDATED│ No ticket open: Enter opens the selected one
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

    func testCommandLineWithCandidatesAt80x24() {
        var state = Fixture.state(Fixture.agent)
        state.commandLine = CommandLineState(text: "view active")
        state.commandLine!.completion = CommandCompletion(
            base: "view ", candidates: ["recent", "active", "mine", "open", "all", "urgent"], index: 1, shownText: "view active")
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
                 # STATUS   URGENCY  SUBJECT                        1/5 REQUESTER ·… UPDATED
             #1042 open     Serious  VPN drops every hour               carl · Umbra      5m
             #1041 new               Invoice shows the wrong VAT number dora · Umbra      3h
             #1040 awaiting Low      Cannot export the monthly report … carl · Umbra      2d
             #1039 pending  Critical Mail server down for the whole of… dora · Umbra      3w
             #1038 closed            Password reset link expired        carl · Umbra      1y















              recent  active  mine  open  all  urgent
            :view active                                           NAME: case or saved view
            """)
        XCTAssertEqual(grid[grid.column(of: " active ", row: 22)!, 22].style, .tabActive)
        XCTAssertEqual(grid.cursor?.x, 12)
        XCTAssertEqual(grid.cursor?.y, 23)
    }

    func testCommandLineAt132x40ShowsWhatTheCommandTakes() {
        var state = Fixture.state(Fixture.agent, size: Fixture.size132)
        state.commandLine = CommandLineState(text: "assign ")
        let grid = Renderer.render(state, size: Fixture.size132)
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
            :assign                                                                                                      HANDLE|me|none: assign
            """)
    }

    func testASearchConditionThatDoesNotReadSaysWhyAt80x24() {
        var state = Fixture.state(Fixture.agent)
        state.search = SearchState(
            query: "vpn status:opn", filterError: "unknown status 'opn' (statuses: new, open, awaitingCustomer, pending, closed)")
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
             Search: vpn status:opn
             Conditions: status: urgency: kind: assignee: requester: watching: org: updated:




















             unknown status 'opn' (statuses: new, open, awaitingCustomer, pending, closed)
            """)
        XCTAssertEqual(grid[1, 23].style, .error)
    }

    func testASearchConditionThatDoesNotReadSaysWhyAt132x40() {
        var state = Fixture.state(Fixture.customer, size: Fixture.size132)
        state.search = SearchState(query: "kind:bug", filterError: "unknown kind 'bug' (kinds: incident, serviceRequest, question)")
        let grid = Renderer.render(state, size: Fixture.size132)
        assertScreen(grid, """
             Acme Support · carl (customer)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                       sort: newest first
             Search: kind:bug                                   │ No ticket open: Enter opens the selected one
             Conditions: status: urgency: kind: assignee: reques│
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
                                                                │
                                                                │
                                                                │
                                                                │
             unknown kind 'bug' (kinds: incident, serviceRequest, question)
            """)
    }
}
