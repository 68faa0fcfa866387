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

    func testTheActiveSavedTabStaysVisibleAtEveryWidth() {
        for columns in [40, 60, 80, 100, 132, 200] {
            let size = TerminalSize(columns: columns, rows: 12)
            var state = Self.withSavedViews(Fixture.state(Fixture.agent, size: size), active: "waiting on customers")
            state.savedViews += (1...6).map { SavedView(name: "extra view \($0)", filterText: "kind:incident") }
            let grid = Renderer.render(state, size: size)
            let column = grid.column(of: "7 waiting", row: 0)
            XCTAssertNotNil(column, "\(columns) columns: \(grid.rowText(0))")
            if let column { XCTAssertEqual(grid[column, 0].style, .tabActive, "\(columns) columns") }
        }
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
            query: "vpn status:opn", filterError: FilterError.unknownValue(.status, "opn").phrase)
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
        state.search = SearchState(query: "kind:bug", filterError: FilterError.unknownValue(.kind, "bug").phrase)
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

/// Search results with their hits highlighted and a line of the matching text.
final class SearchHitScreenTests: XCTestCase {
    static func searching(_ viewer: Viewer, size: TerminalSize) -> DeskState {
        var state = Fixture.state(viewer, size: size)
        state.search = SearchState(query: "vpn drop", results: [Fixture.rows[0], Fixture.rows[1], Fixture.rows[3]])
        state.search!.snippets = [
            Fixture.rows[0].id: "…client disconnects about once an hour: the VPN drops and needs a restart",
            Fixture.rows[3].id: "Since the VPN upgrade the mail server dropped twice",
        ]
        return state
    }

    func testHitsAndSnippetsAt80x24() {
        let grid = Renderer.render(Self.searching(Fixture.agent, size: Fixture.size80), size: Fixture.size80)
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
             Search: vpn drop
             #1042 open     Serious  VPN drops every hour               carl · Umbra      5m
                                     › …client disconnects about once an hour: the VPN dro…
             #1041 new               Invoice shows the wrong VAT number dora · Umbra      3h
             #1039 pending  Critical Mail server down for the whole of… dora · Umbra      3w
                                     › Since the VPN upgrade the mail server dropped twice
















             ↑/↓ select  enter open  esc close
            """)
        // "VPN" and "drops" in the selected subject, "VPN" and "dropped" in a snippet.
        let subject = grid.column(of: "VPN drops", row: 2)!
        XCTAssertEqual(grid[subject, 2].style, .searchHitSelected)
        XCTAssertEqual(grid[subject + 3, 2].style, .selected)
        XCTAssertEqual(grid[subject + 4, 2].style, .searchHitSelected)
        let snippetRow = 6
        let vpn = grid.column(of: "VPN upgrade", row: snippetRow)!
        XCTAssertEqual(grid[vpn, snippetRow].style, .searchHit)
        XCTAssertEqual(grid[grid.column(of: "upgrade", row: snippetRow)!, snippetRow].style, .dim)
    }

    func testHitsAndSnippetsAt132x40() {
        let grid = Renderer.render(Self.searching(Fixture.customer, size: Fixture.size132), size: Fixture.size132)
        assertScreen(grid, """
             Acme Support · carl (customer)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                       sort: newest first
             Search: vpn drop                                   │ No ticket open: Enter opens the selected one
             #1042 Open          VPN drops e… carl            5m│
                                 › …client disconnects about o… │
             #1041 Open          Invoice sho… dora            3h│
             #1039 Solution      Mail server… dora            3w│
                                 › Since the VPN upgrade the m… │
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
             ↑/↓ select  enter open  esc close
            """)
    }
}
