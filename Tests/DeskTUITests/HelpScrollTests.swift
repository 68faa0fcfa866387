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
        // 18 rows of two columns of 33 show: 17 rows further down is the end.
        let last = HelpOverlay.maxScroll(state, keymap: .standard, size: Fixture.size80)
        XCTAssertEqual(last, 17)
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
             │ #            go to a ticket by numb…  ctrl-x       composer: discard draft │m
             │ n            new ticket               ctrl-e       composer: $EDITOR       │h
             │ r            reply                    tab          composer: next field    │d
             │ i            internal note            shift-tab    composer: previous fie… │w
             │ S            change status            f1           composer: this help     │y
             │ a            assign to an agent       ctrl-t       composer: reply intent  │
             │ A            assign to me             ctrl-o       composer: attach a file │
             │ w            watch / unwatch          f2           new ticket: articles t… │
             │ f            follow-up of a closed …  ctrl-k       reply: insert an artic… │
             │ R ctrl-l     refresh                  ← →          composer: choice        │
             │ esc          close search, composer…  enter        composer: pick watchers │
             │ q            back, then quit          r            duplicate: reply there  │
             │ ctrl-c       quit (drafts are kept)   c            duplicate: create anyw… │
             │ ? f1         this help                esc e        duplicate: keep editing │
             │ 6 7 8 9      saved views 1-4 (tabs)   y            question: yes           │
             │ :            command line (Tab comp…  n esc enter  question: no (the defa… │
             │ ]            pick next message        y            article: this solved i… │
             │ [            pick previous message    ctrl-t       picker: insert the art… │
             │                                                                            │
             │ ↑ more above · rows 18–35 of 35                                            │
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
