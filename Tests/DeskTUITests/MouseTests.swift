import DeskModel
import XCTest
@testable import DeskTUI

final class MouseTests: XCTestCase {
    private func state(columns: Int = 100, rows: Int = 30) -> DeskState {
        let agent = Viewer(user: User(id: 1, handle: "alice", name: "Alice", email: "", role: .agent))
        var state = DeskState(deskName: "Desk", viewer: agent, size: TerminalSize(columns: columns, rows: rows))
        state.counts = [.recent: 1, .active: 2, .mine: 3, .open: 4, .all: 5]
        state.list.rows = (1...5).map { number in
            TicketSummary(
                id: number, number: number, subject: "Ticket \(number)", kind: .question, status: .open, urgency: .none,
                requesterHandle: "carl", requesterName: "Carl", organisationName: nil, assigneeHandle: nil,
                createdAt: .init(timeIntervalSince1970: 0), updatedAt: .init(timeIntervalSince1970: 0), triageKey: 0, sortValue: 0)
        }
        state.list.selectedID = 1
        return state
    }

    func testClickingATabSelectsItsView() {
        let state = state()
        let tabs = TopBar.tabs(state, width: 100)
        XCTAssertEqual(tabs.map(\.view), [.recent, .active, .mine, .open, .all])
        for tab in tabs {
            XCTAssertEqual(MouseRouter.click(x: tab.columns.lowerBound, y: 0, state: state), [.viewSelected(tab.view)])
            XCTAssertEqual(MouseRouter.click(x: tab.columns.upperBound - 1, y: 0, state: state), [.viewSelected(tab.view)])
        }
        // The desk name left of the tabs is not a tab.
        XCTAssertEqual(MouseRouter.click(x: 0, y: 0, state: state), [])
    }

    func testClickingARowSelectsIt() {
        var state = state()
        // Row 1 is the column header; the first ticket is on row 2.
        XCTAssertEqual(MouseRouter.click(x: 10, y: 1, state: state), [])
        XCTAssertEqual(MouseRouter.click(x: 10, y: 2, state: state), [.listRowClicked(0)])
        XCTAssertEqual(MouseRouter.click(x: 10, y: 5, state: state), [.listRowClicked(3)])
        _ = DeskReducer.reduce(into: &state, .listRowClicked(3))
        XCTAssertEqual(state.list.selectedID, 4)
        // A click past the last row selects nothing.
        _ = DeskReducer.reduce(into: &state, .listRowClicked(20))
        XCTAssertEqual(state.list.selectedID, 4)
    }

    func testOverlaysAndSearchTakeNoClicks() {
        var state = state()
        state.overlay = .help
        XCTAssertEqual(MouseRouter.click(x: 10, y: 2, state: state), [])
        state.overlay = nil
        state.search = SearchState(query: "x")
        XCTAssertEqual(MouseRouter.click(x: 10, y: 2, state: state), [])
    }

    func testTheWheelScrollsThreeRows() {
        XCTAssertEqual(MouseRouter.wheel(up: true), .selectionMoved(by: -3))
        XCTAssertEqual(MouseRouter.wheel(up: false), .selectionMoved(by: 3))
    }
}

final class PlaceholderStyleTests: XCTestCase {
    func testStandInsForControlsAreMarked() {
        var grid = Grid(width: 20, height: 1)
        grid.write(TextSafety.sanitizedLine("a\u{1B}[2Jb\u{9B}c"), x: 0, y: 0, style: .normal)
        XCTAssertEqual(grid.rowText(0).replacingOccurrences(of: " ", with: ""), "a␛[2Jb\u{FFFD}c")
        XCTAssertEqual((0..<8).map { grid[$0, 0].style }, [.normal, .placeholder, .normal, .normal, .normal, .normal, .placeholder, .normal])
    }
}
