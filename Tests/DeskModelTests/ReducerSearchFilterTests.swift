import Foundation
import XCTest

@testable import DeskModel

/// The client's `/` search reads conditions as `deskterm search` does.
final class ReducerSearchFilterTests: XCTestCase {
    private typealias F = ReducerFixtures

    func testConditionsAloneSearchAndABadConditionSaysWhy() {
        var state = F.loaded(1...14)
        state.search = SearchState()
        let store = ReducerTestStore(state: state)

        // A condition alone is a search (it lists the matching tickets), unlike punctuation.
        store.send(.searchQueryChanged("status:open")) { $0.search!.query = "status:open" }
        store.expectEffects([.search("status:open")])
        // Conditions alone match no text: no snippets are read.
        store.receive(.searchResultsLoaded(query: "status:open", F.rows([3, 5]))) { $0.search!.results = F.rows([3, 5]) }

        // A value that is not a status: the message says which and what is accepted.
        store.send(.searchQueryChanged("printer status:opn")) {
            $0.search!.query = "printer status:opn"
            $0.search!.results = []
            $0.search!.filterError = FilterError.unknownValue(.status, "opn").phrase
        }
        store.expectNoEffects()

        // Fixing it clears the error and searches words and condition together.
        store.send(.searchQueryChanged("printer status:open")) {
            $0.search!.query = "printer status:open"
            $0.search!.filterError = nil
        }
        store.expectEffects([.search("printer status:open")])
    }

    func testDigitsStillOfferToJump() {
        var state = F.loaded(1...14)
        state.search = SearchState()
        let store = ReducerTestStore(state: state)
        store.send(.searchQueryChanged("#161")) { $0.search!.query = "#161" }
        store.expectEffects([.search("#161")])
        XCTAssertEqual(store.state.search?.jumpNumber, 161)
    }
}

/// The search effect runs words and conditions through the store, within what the viewer sees.
final class ReducerSearchFilterEngineTests: StoreTestCase {
    func testFilteredSearchNarrowsByConditionsAndScope() throws {
        try f.ticket("Printer jams on tray 2", by: f.peter, kind: .incident, urgency: .critical)
        try f.ticket("Printer toner low", by: f.peter, urgency: .low)
        try f.ticket("Printer offline", by: f.erin, kind: .incident, urgency: .critical)
        var state = DeskState(deskName: "Test desk", viewer: f.alice, view: .all, size: TerminalSize(columns: 80, rows: 10))
        state.search = SearchState()
        let store = ReducerTestStore(state: state, fixture: f)

        store.send(.searchQueryChanged("printer urgency:critical org:\"pro co\"")) { $0.search!.query = "printer urgency:critical org:\"pro co\"" }
        store.expectEffects([.search("printer urgency:critical org:\"pro co\"")])
        let found = store.run(.search("printer urgency:critical org:\"pro co\""))
        guard case .searchResultsLoaded(_, let rows) = found.first else { return XCTFail("no results: \(found)") }
        XCTAssertEqual(rows.map(\.number), [1])
        store.receive(found[0]) {
            $0.search!.results = rows
            $0.search!.snippetsRequested = 1
        }
        store.expectEffects([.loadSnippets(query: "printer urgency:critical org:\"pro co\"", [rows[0].id])])

        // A handle that does not exist is the store's own error, on the bottom line.
        store.send(.searchQueryChanged("assignee:bbo")) { $0.search!.query = "assignee:bbo" }
        store.expectEffects([.search("assignee:bbo")])
        XCTAssertEqual(store.run(.search("assignee:bbo")), [.failed(.userNotFound(handle: "bbo"))])
        store.receive(.failed(.userNotFound(handle: "bbo"))) { $0.message = StatusMessage(.error, DeskError.userNotFound(handle: "bbo").phrase) }
    }
}
