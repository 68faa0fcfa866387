import DeskModel
import XCTest

@testable import DeskTUI

/// Every ticket key works from the list on the selected row, opening it first when it needs
/// the ticket's details; and a search result opened becomes the list's selection.
final class ListRowActionTests: XCTestCase {
    private func opening(_ number: Int64) -> [DeskEffect] {
        [.loadTicket(number: number), .recordViewed(number: number), .loadCounts]
    }

    func testReplyFromTheListOpensTheSelectedRowThenTheComposer() {
        var state = Fixture.state(Fixture.agent, selected: 41)
        XCTAssertEqual(press([.character("r")], on: &state), opening(1041))
        XCTAssertNil(state.message, "no \"open it first\"")
        XCTAssertEqual(DeskReducer.reduce(into: &state, .ticketLoaded(Fixture.detail(of: 41))), [.loadDraft(.reply(ticketNumber: 1041))])
        XCTAssertEqual(state.composer?.slot, .reply(ticketNumber: 1041))
        XCTAssertTrue(Renderer.render(state, size: Fixture.size80).text.contains("Reply to #1041"))
    }

    func testKeysOnTheListActOnTheSelectedRowNotOnTheTicketOpenBefore() {
        // #1042 is open; the reader went back to the list and moved to #1041.
        var state = Fixture.openState(Fixture.agent)
        state.focus = .list
        state.list.selectedID = 41
        XCTAssertEqual(press([.character("i")], on: &state), opening(1041))
        _ = DeskReducer.reduce(into: &state, .ticketLoaded(Fixture.detail(of: 41)))
        XCTAssertEqual(state.composer?.slot, .internalNote(ticketNumber: 1041))
    }

    func testStatusMenuFromTheList() {
        var state = Fixture.state(Fixture.agent, selected: 40)
        XCTAssertEqual(press([.character("S")], on: &state), opening(1040))
        _ = DeskReducer.reduce(into: &state, .ticketLoaded(Fixture.detail(of: 40, status: .awaitingCustomer)))
        guard case .statusMenu(let number, _, _) = state.overlay else { return XCTFail("no status menu: \(String(describing: state.message))") }
        XCTAssertEqual(number, 1040)
    }

    func testFollowUpFromTheListOfAClosedRow() {
        var state = Fixture.state(Fixture.customer, selected: 38)
        XCTAssertEqual(press([.character("f")], on: &state), opening(1038))
        _ = DeskReducer.reduce(into: &state, .ticketLoaded(Fixture.detail(of: 38, status: .closed)))
        XCTAssertEqual(state.composer?.slot, .followUp(ticketNumber: 1038))
    }

    func testWatchFromTheListTogglesWhatTheTicketReallyHas() {
        // carl already watches #1041: `w` on its row stops watching, it does not watch again.
        var state = Fixture.state(Fixture.customer, selected: 41)
        XCTAssertEqual(press([.character("w")], on: &state), opening(1041))
        let effects = DeskReducer.reduce(into: &state, .ticketLoaded(Fixture.detail(of: 41, watchers: [Fixture.carl])))
        XCTAssertEqual(effects, [.setWatching(number: 1041, watching: false)])
    }

    func testAssignKeysStillActOnTheRowWithoutOpeningIt() {
        var state = Fixture.state(Fixture.agent, selected: 41)
        XCTAssertEqual(press([.character("A")], on: &state), [.assign(number: 1041, handle: "ana")])
        XCTAssertEqual(press([.character("a")], on: &state), [.loadAgents])
    }

    // MARK: - Search and list in step

    func testOpeningASearchResultInTheWindowSelectsItInTheList() {
        var state = Fixture.state(Fixture.agent, selected: 42)
        press([.character("/")], on: &state)
        _ = DeskReducer.reduce(into: &state, .searchQueryChanged("export"))
        _ = DeskReducer.reduce(into: &state, .searchResultsLoaded(query: "export", [Fixture.rows[2]]))
        XCTAssertEqual(press([.enter], on: &state), opening(1040))
        XCTAssertEqual(state.list.selectedID, 40)
        XCTAssertNil(state.search)
    }

    func testOpeningASearchResultOutsideTheWindowReloadsTheListAroundIt() throws {
        var state = Fixture.state(Fixture.agent, selected: 42)
        let far = Fixture.row(7, "Scanner offline", .open, updated: Fixture.ago(90 * 86_400))
        state.search = SearchState(query: "scanner", results: [far])
        let effects = press([.enter], on: &state)
        XCTAssertEqual(Array(effects.prefix(3)), opening(1007))
        let reload = try XCTUnwrap(effects.dropFirst(3).first)
        guard case .loadPage(let request, _) = reload else { return XCTFail("\(reload)") }
        XCTAssertEqual(request.view, state.view)
        XCTAssertEqual(request.cursor, PageCursor.at(far, orderedBy: state.order.key))
        XCTAssertTrue(request.inclusive)
        XCTAssertTrue(state.list.isLoading)
    }
}
