import DeskModel
import XCTest

@testable import DeskTUI

/// The top bar, the bottom line and the search box.
final class ChromeTests: XCTestCase {
    func testTopBarTabsWithCountsAndTheSortLabel() {
        let state = Fixture.state(Fixture.agent, size: Fixture.size132)
        let tabs = TopBar.tabs(state, width: 132)
        XCTAssertEqual(tabs.map(\.view), [.recent, .active, .mine, .open, .all])
        XCTAssertEqual(tabs.map(\.label), [" 1 Recent 12 ", " 2 Active 5 ", " 3 Mine 2 ", " 4 All open 9 ", " 5 All 40 "])
        XCTAssertEqual(tabs.map(\.columns), [28..<41, 41..<53, 53..<63, 63..<77, 77..<87])

        let grid = Renderer.render(state, size: Fixture.size132)
        XCTAssertEqual(grid.column(of: "sort: newest first", row: 0), 113)
        // Without counts yet, tabs carry no numbers.
        var loading = state
        loading.counts = [:]
        XCTAssertEqual(Renderer.render(loading, size: Fixture.size132).rowText(0).replacingTrailingSpaces(),
                       " Acme Support · ana (agent)  1 Recent  2 Active  3 Mine  4 All open  5 All"
                       + String(repeating: " ", count: 38) + " sort: newest first")
        // At 80 columns the tabs abbreviate and the identity shortens: all five and the sort fit.
        XCTAssertEqual(TopBar.tabs(state, width: 80).map(\.label), [" 1 Rec 12 ", " 2 Act 5 ", " 3 Mine 2 ", " 4 Open 9 ", " 5 All 40 "])
        XCTAssertEqual(Renderer.render(state, size: Fixture.size80).column(of: "sort: newest first", row: 0), 61)
    }

    func testSortLabelFollowsTheOrder() {
        let expected: [(TicketOrder, String)] = [
            (TicketOrder(key: .created), "sort: newest first"),
            (TicketOrder(key: .created, reversed: true), "sort: oldest first"),
            (TicketOrder(key: .updated), "sort: recently updated first"),
            (TicketOrder(key: .triage), "sort: triage rank"),
            (TicketOrder(key: .triage, reversed: true), "sort: triage rank, reversed"),
        ]
        for (order, label) in expected {
            var state = Fixture.state(Fixture.agent, size: Fixture.size132)
            state.order = order
            let top = Renderer.render(state, size: Fixture.size132).rowText(0).replacingTrailingSpaces()
            XCTAssertTrue(top.hasSuffix(" " + label), top)
        }
    }

    func testTopBarNeverDrawsTheSortLabelOverTheIdentity() {
        // 40 columns: the handle alone, the active tab named, the others by number, the sort short.
        let grid = Renderer.render(Fixture.state(Fixture.agent, size: TerminalSize(columns: 40, rows: 12)), size: TerminalSize(columns: 40, rows: 12))
        XCTAssertEqual(grid.rowText(0), " ana  1  2 Act 5  3  4  5        newest ")
        // A desk name too long for the bar gives way to the handle rather than hide the tabs.
        var state = Fixture.state(Fixture.agent)
        state.deskName = String(repeating: "Very Long Desk Name ", count: 5)
        let long = Renderer.render(state, size: Fixture.size80)
        XCTAssertEqual(long.rowText(0), " ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first ")
    }

    func testBottomLineInfoAndErrorMessages() {
        var state = Fixture.state(Fixture.agent)
        state.message = StatusMessage(.info, Notices.replySent(1042))
        var grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertEqual(grid.rowText(23).replacingTrailingSpaces(), " Reply sent to #1042")
        XCTAssertEqual(grid[1, 23].style, .info)

        state.message = StatusMessage(.error, DeskError.ticketClosed(number: 1038).phrase)
        grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertEqual(grid.rowText(23).replacingTrailingSpaces(), " " + DeskError.ticketClosed(number: 1038).message)
        XCTAssertEqual(grid[1, 23].style, .error)
        XCTAssertEqual(grid[79, 23].style, .normal)

        // A message longer than the line is cut at the edge.
        state.message = StatusMessage(.error, .verbatim(String(repeating: "x", count: 100)))
        grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertEqual(grid.rowText(23), " " + String(repeating: "x", count: 79))
    }

    func testBottomLineHintsFollowTheKeymapAndKeepHelp() throws {
        let config = try UserConfig.parse("""
            [keys]
            help = "h"
            reply = "ctrl-r"
            """)
        let grid = Renderer.render(Fixture.state(Fixture.agent), size: Fixture.size80, keymap: config.keymap)
        XCTAssertEqual(grid.rowText(23).replacingTrailingSpaces(),
                       " enter open  ctrl-r reply  i note  S status  a assign  n new  / search  h help")
        XCTAssertEqual(grid[1, 23].style, .keyHint)
        XCTAssertEqual(grid[7, 23].style, .dim)
        // Search and overlays have their own hints.
        var search = Fixture.state(Fixture.agent)
        search.search = SearchState()
        XCTAssertEqual(Renderer.render(search, size: Fixture.size80).rowText(23).replacingTrailingSpaces(),
                       " ↑/↓ select  enter open  esc close")
    }

    func testSearchBox() {
        var state = Fixture.state(Fixture.agent)
        state.search = SearchState()
        var grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertEqual(grid.rowText(1).replacingTrailingSpaces(), " Search:")
        XCTAssertEqual(grid.rowText(2).replacingTrailingSpaces(), " type to search · ↑/↓ select · Enter open · Esc close")
        XCTAssertEqual(grid.cursor?.x, 9)
        XCTAssertEqual(grid.cursor?.y, 1)

        state.search = SearchState(query: "zzz")
        XCTAssertEqual(Renderer.render(state, size: Fixture.size80).rowText(2).replacingTrailingSpaces(), " No tickets match")

        state.search = SearchState(query: "mail vpn", results: [Fixture.rows[0], Fixture.rows[3]], selectedIndex: 1)
        grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertEqual(grid.text.split(separator: "\n", omittingEmptySubsequences: false)[1...4].map(String.init), [
            " Search: mail vpn",
            " #1042 open     Serious  VPN drops every hour               carl · Umbra      5m",
            " #1039 pending  Critical Mail server down for the whole of… dora · Umbra      3w",
            "",
        ])
        XCTAssertEqual(grid.cursor?.x, 17)
        XCTAssertEqual(grid[40, 3].style, .selected)
        XCTAssertEqual(grid[40, 2].style, .normal)
    }
}

/// Styles, checked apart from the text.
final class StyleTests: XCTestCase {
    func testSelectedRowAndUrgency() {
        var state = Fixture.state(Fixture.agent)
        var grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertEqual(Set((0..<80).map { grid[$0, 1].style }), [.bar], "header")
        XCTAssertEqual(Set((0..<80).map { grid[$0, 2].style }), [.selected], "selected row, edge to edge")
        XCTAssertEqual(Set((0..<80).map { grid[$0, 3].style }), [.normal])
        // A critical ticket's urgency cell is marked when not selected...
        XCTAssertEqual(Set((16...23).map { grid[$0, 5].style }), [.urgent])
        XCTAssertEqual(grid[15, 5].style, .normal)
        XCTAssertEqual(grid[25, 5].style, .normal)
        // ...and takes the selection's style when it is.
        state.list.selectedID = 39
        grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertEqual(Set((0..<80).map { grid[$0, 5].style }), [.selected])
        XCTAssertEqual(Set((0..<80).map { grid[$0, 2].style }), [.normal])
    }

    func testInternalNoteIsTintedAndRepliesAreNot() {
        let grid = Renderer.render(Fixture.openState(Fixture.agent, scroll: 8), size: Fixture.size80)
        // Row 18: " ├─● Ben Okafor (agent) · 2024-05-30 11:15  INTERNAL NOTE"
        XCTAssertEqual(grid[1, 18].style, .border)
        XCTAssertEqual(grid[3, 18].style, .internalNote)
        XCTAssertEqual(grid[5, 18].style, .internalNote)
        XCTAssertEqual(grid[24, 18].style, .dim, "the time")
        let mark = try! XCTUnwrap(grid.column(of: "INTERNAL NOTE", row: 18))
        XCTAssertEqual(Set((mark..<(mark + 13)).map { grid[$0, 18].style }), [.internalNote])
        // Its body: rail in the border style, text tinted.
        XCTAssertEqual(grid[1, 19].style, .border)
        XCTAssertEqual(Set((5..<36).map { grid[$0, 19].style }), [.internalNote])
        // A public reply: heading for the author, normal text for the body.
        XCTAssertEqual(grid[5, 11].style, .heading)
        XCTAssertEqual(grid[5, 12].style, .normal)
        // The system event is dim.
        XCTAssertEqual(Set((1..<51).map { grid[$0, 22].style }), [.dim])
        // No cell of a customer's view of the same ticket is tinted as a note.
        let customer = Renderer.render(Fixture.openState(Fixture.customer, scroll: 8), size: Fixture.size80)
        XCTAssertFalse(customer.cells.contains { $0.style == .internalNote })
    }

    func testDetailFieldsTitleAndDivider() {
        let grid = Renderer.render(Fixture.openState(Fixture.agent, size: Fixture.size132), size: Fixture.size132)
        XCTAssertEqual(grid[54, 1].style, .heading)
        XCTAssertEqual(grid[54, 2].style, .dim, "field name")
        XCTAssertEqual(grid[68, 2].style, .normal, "field value")
        XCTAssertEqual(Set((1...38).map { grid[52, $0].style }), [.border])
        XCTAssertEqual(grid[41, 0].style, .tabActive)
        XCTAssertEqual(grid[28, 0].style, .tabInactive)
        XCTAssertEqual(grid[0, 0].style, .bar)
        // The list without focus shows its selection dimmed.
        XCTAssertEqual(grid[10, 2].style, .selectedDim)
    }

    func testErrorLineStyle() {
        var state = Fixture.state(Fixture.agent)
        state.message = StatusMessage(.error, Notices.emptyMessage)
        let grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertEqual(Set((0..<38).map { grid[$0, 23].style }), [.error])
        XCTAssertEqual(Set((38..<80).map { grid[$0, 23].style }), [.normal])
    }
}
