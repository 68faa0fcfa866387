import Foundation
import XCTest

@testable import DeskModel

/// Search hits in text, and the line of matching text shown under a result.
final class SearchHighlightTests: XCTestCase {
    private func hits(_ text: String, _ query: String) -> [String] {
        let characters = Array(text)
        return SearchHighlight.ranges(in: text, query: query).map { String(characters[$0]) }
    }

    func testWordsAsTheSearchReadsThem() {
        // Case and accents ignored; the last word also as a beginning; conditions are not text.
        XCTAssertEqual(hits("Le Café ferme: CAFE froid, cafetière", "cafe status:open"), ["Café", "CAFE", "cafetière"])
        // Only the last typed word is a prefix: "printers" is not the word "printer".
        XCTAssertEqual(hits("printer jams; the printers", "printer jam"), ["printer", "jams"])
        XCTAssertEqual(hits("printers print", "printer print"), ["printers", "print"])
        // CJK words anywhere inside a run.
        XCTAssertEqual(hits("Webhook の署名検証が失敗します", "署名検証"), ["署名検証"])
        XCTAssertEqual(hits("anything", "status:open"), [])
        XCTAssertEqual(hits("anything", "status:opn"), [], "a query that does not read highlights nothing")
    }

    func testSnippetIsOneSanitizedLineAroundTheFirstHit() {
        let text = String(repeating: "filler ", count: 30) + "the printer\non tray 2\u{1B}[31m jams" + String(repeating: " more", count: 40)
        let snippet = try? XCTUnwrap(SearchHighlight.snippet(of: text, query: "tray", length: 60))
        XCTAssertEqual(snippet?.hasPrefix("…"), true)
        XCTAssertEqual(snippet?.hasSuffix("…"), true)
        XCTAssertEqual(snippet?.contains("on tray 2␛[31m jams"), true, snippet ?? "")
        XCTAssertFalse(snippet?.contains("\n") ?? true)
        XCTAssertEqual(snippet.map { Array($0).count }, 62)
        XCTAssertNil(SearchHighlight.snippet(of: "nothing here", query: "tray"))
    }
}

final class SearchSnippetStoreTests: StoreTestCase {
    func testCustomersNeverGetASnippetFromAnInternalNote() throws {
        let ticket = try f.ticket("Printer trouble", by: f.peter, description: "It stopped on Monday.")
        try f.note(ticket.number, "Vendor case: firmware regression in the toner sensor", by: f.alice)
        try f.reply(ticket.number, "Could you check the toner level?", by: f.alice)
        let hidden = try f.ticket("Other org", by: f.erin, description: "Toner everywhere")

        XCTAssertEqual(try store.searchSnippets("toner", ticketIDs: [ticket.id, hidden.id], viewer: f.peter),
                       [ticket.id: "Could you check the toner level?"])
        // Staff read the newest matching text, notes included.
        try f.note(ticket.number, "Toner sensor replaced", by: f.bob)
        XCTAssertEqual(try store.searchSnippets("toner", ticketIDs: [ticket.id], viewer: f.alice), [ticket.id: "Toner sensor replaced"])
        XCTAssertEqual(try store.searchSnippets("toner", ticketIDs: [ticket.id], viewer: f.peter),
                       [ticket.id: "Could you check the toner level?"])
        // The description first: it is what the ticket is about.
        XCTAssertEqual(try store.searchSnippets("monday", ticketIDs: [ticket.id], viewer: f.peter), [ticket.id: "It stopped on Monday."])
        // Conditions alone have no text to show.
        XCTAssertEqual(try store.searchSnippets("status:open", ticketIDs: [ticket.id], viewer: f.alice), [:])
    }
}

final class ReducerSnippetTests: XCTestCase {
    private typealias F = ReducerFixtures

    func testSnippetsFollowTheSelectionAScreenAtATime() {
        var state = F.loaded(1...14)
        state.search = SearchState(query: "vpn")
        let store = ReducerTestStore(state: state)
        store.receive(.searchResultsLoaded(query: "vpn", F.rows(1...20))) {
            $0.search!.results = F.rows(1...20)
            $0.search!.snippetsRequested = 8
        }
        store.expectEffects([.loadSnippets(query: "vpn", (1...8).map(F.id))])
        store.receive(.snippetsLoaded(query: "vpn", [F.id(2): "the vpn drops"])) { $0.search!.snippets = [F.id(2): "the vpn drops"] }
        // Stale answers are dropped.
        store.receive(.snippetsLoaded(query: "vp", [F.id(3): "vp"]))
        store.send(.searchSelectionMoved(by: 3)) {
            $0.search!.selectedIndex = 3
            $0.search!.snippetsRequested = 11
        }
        store.expectEffects([.loadSnippets(query: "vpn", (9...11).map(F.id))])
        store.send(.searchSelectionMoved(by: -1)) { $0.search!.selectedIndex = 2 }
    }
}

/// The engine draws the results before reading their snippets.
final class SnippetIdleWorkTests: StoreTestCase {
    func testSnippetsWaitForTheScreenThenArrive() throws {
        let ticket = try f.ticket("Scanner offline", by: f.peter, description: "Error quokka-77 after the update")
        var state = DeskState(deskName: "Test desk", viewer: f.alice, view: .all, size: TerminalSize(columns: 80, rows: 10))
        state.search = SearchState()
        let engine = DeskEngine(state: state, runtime: DeskRuntime(store: store, viewer: f.alice, clock: f.clock.deskClock))
        engine.send(.searchQueryChanged("quokka"))
        XCTAssertEqual(engine.state.search?.results.map(\.number), [ticket.number])
        XCTAssertEqual(engine.state.search?.snippets, [:])
        XCTAssertEqual(engine.idleWork, [.loadSnippets(query: "quokka", [ticket.id])])
        XCTAssertTrue(engine.runIdleWork())
        XCTAssertEqual(engine.state.search?.snippets, [ticket.id: "Error quokka-77 after the update"])
        XCTAssertFalse(engine.runIdleWork())
    }
}
