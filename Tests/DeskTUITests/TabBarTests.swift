import DeskModel
import XCTest

@testable import DeskTUI

/// The top bar at every width: tabs abbreviate, the identity shortens, and the active view
/// and the sort stay on screen down to 40 columns, for agents and customers alike.
final class TabBarTests: XCTestCase {
    /// Row 0 as drawn: `left` from column 0, `right` ending at the last column.
    private func assertTopBar(
        _ viewer: Viewer, columns: Int, view: CaseView = .active, _ left: String, _ right: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let size = TerminalSize(columns: columns, rows: 24)
        var state = Fixture.state(viewer, size: size)
        state.view = view
        let grid = Renderer.render(state, size: size)
        let gap = columns - DisplayWidth.of(left) - DisplayWidth.of(right)
        XCTAssertGreaterThanOrEqual(gap, 0, "the expected bar is wider than \(columns)", file: file, line: line)
        let expected = left + String(repeating: " ", count: max(0, gap)) + right
        XCTAssertEqual(grid.rowText(0), expected, "at \(columns) columns", file: file, line: line)
        // The active tab is the highlighted one.
        let active = " \(CaseView.allCases.firstIndex(of: view)! + 1) "
        if let x = grid.column(of: active, row: 0) {
            XCTAssertEqual(grid[x + 1, 0].style, .tabActive, file: file, line: line)
        } else {
            XCTFail("no active tab in \(grid.rowText(0))", file: file, line: line)
        }
    }

    func testAgentAt132ShowsEverythingInFull() {
        assertTopBar(Fixture.agent, columns: 132,
                     " Acme Support · ana (agent)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40 ", " sort: newest first ")
    }

    func testAgentAt100AbbreviatesTheTabs() {
        assertTopBar(Fixture.agent, columns: 100,
                     " Acme Support · ana (agent)  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40 ", " sort: newest first ")
    }

    func testAgentAt80KeepsTheHandleEveryTabAndTheSort() {
        assertTopBar(Fixture.agent, columns: 80, " ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40 ", " sort: newest first ")
    }

    func testAgentAt40KeepsTheActiveViewAndTheSort() {
        assertTopBar(Fixture.agent, columns: 40, " ana  1  2 Act 5  3  4  5 ", " newest ")
    }

    func testCustomerAt132KeepsTheSortLabel() {
        assertTopBar(Fixture.customer, columns: 132,
                     " Acme Support · carl (customer)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40 ", " sort: newest first ")
    }

    func testCustomerAt100() {
        assertTopBar(Fixture.customer, columns: 100,
                     " Acme Support · carl (customer)  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40 ", " newest first ")
    }

    func testCustomerAt80() {
        assertTopBar(Fixture.customer, columns: 80, " carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40 ", " sort: newest first ")
    }

    func testCustomerAt40() {
        assertTopBar(Fixture.customer, columns: 40, " carl  1  2 Act 5  3  4  5 ", " newest ")
    }

    func testTheLastViewActiveAt40() {
        assertTopBar(Fixture.agent, columns: 40, view: .all, " ana  1  2  3  4  5 All 40 ", " newest ")
    }

    func testRecentIsOrderedByLastViewedAndSaysSo() {
        assertTopBar(Fixture.customer, columns: 132, view: .recent,
                     " Acme Support · carl (customer)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40 ", " sort: last viewed first ")
        assertTopBar(Fixture.agent, columns: 40, view: .recent, " ana  1 Rec 12  2  3  4  5 ", " last viewed ")
    }

    func testEveryWidthFrom40To200ShowsTheActiveTabAndTheSort() {
        for viewer in [Fixture.agent, Fixture.customer] {
            for columns in 40...200 {
                for view in CaseView.allCases {
                    let size = TerminalSize(columns: columns, rows: 24)
                    var state = Fixture.state(viewer, size: size)
                    state.view = view
                    let bar = Renderer.render(state, size: size).rowText(0)
                    let index = CaseView.allCases.firstIndex(of: view)! + 1
                    let short = ["Rec", "Act", "Mine", "Open", "All"][index - 1]
                    XCTAssertTrue(bar.contains(" \(index) \(short)") || bar.contains(" \(index) \(view.title)"),
                                  "\(columns) \(view): \(bar)")
                    let sort = view == .recent ? "last viewed" : "newest"
                    XCTAssertTrue(bar.hasSuffix(" \(sort) ") || bar.hasSuffix(" \(sort) first "), "\(columns) \(view): \(bar)")
                }
            }
        }
    }

    func testClicksFollowTheAbbreviatedTabs() throws {
        let size = TerminalSize(columns: 80, rows: 24)
        let state = Fixture.state(Fixture.agent, size: size)
        let grid = Renderer.render(state, size: size)
        let x = try XCTUnwrap(grid.column(of: "4 Open", row: 0))
        XCTAssertEqual(MouseRouter.click(x: x, y: 0, state: state), [.viewSelected(.open)])
    }
}
