import DeskModel
import XCTest

@testable import DeskTUI

/// Keys of the command line and the saved-view tabs.
final class CommandLineKeyTests: XCTestCase {
    private func route(_ key: Key, _ state: DeskState, keymap: Keymap = .standard) -> [KeyOutcome] {
        KeyRouter.route(key, state: state, keymap: keymap, size: state.size, restricted: false)
    }

    func testColonOpensTheLineAndItTakesTheKeys() {
        var state = Fixture.state(Fixture.agent)
        XCTAssertEqual(route(.character(":"), state), [.action(.commandLineStarted(prefill: ""))])
        state.commandLine = CommandLineState(text: "vi")
        // Letters that are commands in the panes are text here.
        XCTAssertEqual(route(.character("q"), state), [.action(.commandLineInput(.insert("q")))])
        XCTAssertEqual(route(.character("6"), state), [.action(.commandLineInput(.insert("6")))])
        XCTAssertEqual(route(.tab, state), [.action(.commandLineCompleted(forward: true))])
        XCTAssertEqual(route(.backTab, state), [.action(.commandLineCompleted(forward: false))])
        XCTAssertEqual(route(.up, state), [.action(.commandLineRecalled(by: -1))])
        XCTAssertEqual(route(.down, state), [.action(.commandLineRecalled(by: 1))])
        XCTAssertEqual(route(.enter, state), [.action(.commandLineSubmitted)])
        XCTAssertEqual(route(.escape, state), [.action(.commandLineCancelled)])
        XCTAssertEqual(route(.backspace, state), [.action(.commandLineInput(.deleteBackward))])
    }

    func testSixToNineChooseTheSavedViewsInOrderAndFollowARebinding() throws {
        let state = Fixture.state(Fixture.agent)
        for (offset, digit) in ["6", "7", "8", "9"].enumerated() {
            XCTAssertEqual(route(.character(Character(digit)), state), [.action(.savedViewTabChosen(position: offset))])
        }
        let config = try UserConfig.parse("""
            [keys]
            savedView = ["F6", "F7"]
            """)
        XCTAssertEqual(route(.function(7), state, keymap: config.keymap), [.action(.savedViewTabChosen(position: 1))])
        XCTAssertEqual(route(.character("6"), state, keymap: config.keymap), [])
    }

    func testCtrlSInTheSearchOffersToSaveIt() {
        var state = Fixture.state(Fixture.agent)
        state.search = SearchState(query: "status:open")
        XCTAssertEqual(route(.control("s"), state), [.action(.commandLineStarted(prefill: "save "))])
        // A colon in the search is text: conditions are typed there.
        XCTAssertEqual(route(.character(":"), state), [.action(.searchInput(.insert(":")))])
    }

    func testClickingASavedTabSelectsIt() {
        let state = CommandLineScreenTests.withSavedViews(Fixture.state(Fixture.agent, size: Fixture.size132))
        let tabs = TopBar.savedTabs(state, width: 132)
        XCTAssertEqual(tabs.map(\.name), ["urgent", "waiting on customers"])
        XCTAssertEqual(MouseRouter.click(x: tabs[1].columns.lowerBound, y: 0, state: state), [.savedViewSelected(name: "waiting on customers")])
    }
}
