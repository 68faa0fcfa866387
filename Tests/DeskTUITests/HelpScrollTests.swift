import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// The help scrolls when even its columns are taller than the screen: j/k, PgDn/PgUp, g/G move
/// it, its last line says where it stands, any other key closes it.
final class HelpScrollTests: XCTestCase {
    private func route(_ key: Key, _ state: DeskState) -> [KeyOutcome] {
        KeyRouter.route(key, state: state, keymap: .standard, size: state.size, restricted: false)
    }

    private func press(_ key: Key, _ state: inout DeskState) {
        for case .action(let action) in route(key, state) { _ = DeskReducer.reduce(into: &state, action) }
    }

    func testScrollingKeysMoveTheHelpAt80x24AndOtherKeysCloseIt() {
        var state = Fixture.state(Fixture.agent)
        _ = DeskReducer.reduce(into: &state, .helpToggled)
        // 18 rows of two columns of 33 show: 15 rows further down is the end.
        let last = HelpOverlay.maxScroll(state, keymap: .standard, size: Fixture.size80)
        XCTAssertEqual(last, 15)
        XCTAssertEqual(route(.character("j"), state), [.action(.helpScrolled(to: 1))])
        XCTAssertEqual(route(.down, state), [.action(.helpScrolled(to: 1))])
        XCTAssertEqual(route(.pageDown, state), [.action(.helpScrolled(to: last))])
        XCTAssertEqual(route(.character("k"), state), [.action(.helpScrolled(to: 0))])
        press(.end, &state)
        XCTAssertEqual(state.helpScroll, last)
        // Past the end it stays at the end.
        XCTAssertEqual(route(.character("j"), state), [.action(.helpScrolled(to: last))])
        assertScreen(Renderer.render(state, size: Fixture.size80), """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
             ┌─ Keys ─────────────────────────────────────────────────────────────────────┐D
             │ o            flip the order           ctrl-e       composer: $EDITOR       │m
             │ /            full-text search         tab          composer: next field    │h
             │ #            go to a ticket by numb…  shift-tab    composer: previous fie… │d
             │ n            new ticket               f1           composer: this help     │w
             │ r            reply                    ctrl-t       composer: reply intent  │y
             │ i            internal note            ctrl-o       composer: attach a file │
             │ S            change status            f2           new ticket: articles t… │
             │ a            assign to an agent       ctrl-k       reply: insert an artic… │
             │ A            assign to me             ← →          composer: choice        │
             │ w            watch / unwatch          enter        composer: pick watchers │
             │ f            follow-up of a closed …  r            duplicate: reply there  │
             │ R ctrl-l     refresh                  c            duplicate: create anyw… │
             │ esc          close search, composer…  esc e        duplicate: keep editing │
             │ q            back, then quit          y            question: yes           │
             │ ctrl-c       quit (drafts are kept)   n esc enter  question: no (the defa… │
             │ ? f1         this help                y            article: this solved i… │
             │ 6 7 8 9      saved views 1-4 (tabs)   ctrl-t       picker: insert the art… │
             │ :            command line (Tab comp…                                       │
             │                                                                            │
             │ ↑ more above · rows 16–33 of 33                                            │
             └────────────────────────────────────────────────────────────────────────────┘
             j/k pgdn/pgup scroll  other keys close
            """)
        press(.character("g"), &state)
        XCTAssertEqual(state.helpScroll, 0)
        press(.escape, &state)
        XCTAssertNil(state.overlay)
        // Opened again, it starts at the top.
        state.helpScroll = 3
        _ = DeskReducer.reduce(into: &state, .helpToggled)
        XCTAssertEqual(state.helpScroll, 0)
    }

    func testAHelpThatFitsHasNoPositionLineAndAnyKeyClosesIt() {
        var state = Fixture.state(Fixture.agent, size: Fixture.size132)
        state.overlay = .help
        XCTAssertEqual(HelpOverlay.maxScroll(state, keymap: .standard, size: Fixture.size132), 0)
        for key: Key in [.character("j"), .pageDown, .escape, .character("x")] {
            XCTAssertEqual(route(key, state), [.action(.helpToggled)], "\(key)")
        }
        let grid = Renderer.render(state, size: Fixture.size132)
        XCTAssertFalse(grid.text.contains("more below"))
        XCTAssertEqual(grid.rowText(39).trimmingCharacters(in: .whitespaces), "any key close")
    }

    func testTheMiddleOfTheHelpSaysThereIsMoreBothWays() {
        XCTAssertEqual(UIStrings.helpPosition(first: 2, shown: 18, of: 23, .english), "↑↓ more above and below · rows 3–20 of 23")
        XCTAssertEqual(UIStrings.helpPosition(first: 0, shown: 18, of: 23, .english), "↓ more below · rows 1–18 of 23")
        XCTAssertEqual(UIStrings.helpPosition(first: 5, shown: 18, of: 23, .english), "↑ more above · rows 6–23 of 23")
    }
}
