import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// The composer's keys live in the keymap's `Command` table like the panes': help lists them
/// and the config rebinds them.
final class ComposerKeymapTests: XCTestCase {
    private func composing() -> DeskState {
        var state = Fixture.openState(Fixture.agent)
        _ = DeskReducer.reduce(into: &state, .composerOpened(.reply))
        return state
    }

    private func route(_ key: Key, _ state: DeskState, keymap: Keymap = .standard, restricted: Bool = false) -> [KeyOutcome] {
        KeyRouter.route(key, state: state, keymap: keymap, size: state.size, restricted: restricted)
    }

    func testTheComposerKeysAreCommandsOfTheTable() {
        let composerCommands = Command.allCases.filter { $0.scope == .composer }
        XCTAssertEqual(composerCommands, [.send, .closeComposer, .discardDraft, .externalEditor, .nextField, .previousField, .composerHelp, .replyIntent, .attachFile,
                                          .suggestedArticles, .insertArticle])
        XCTAssertEqual(Keymap.standard.keys(for: .discardDraft), [.control("x")])
        XCTAssertEqual(Keymap.standard.keys(for: .send), [.control("s")])
        XCTAssertEqual(Keymap.standard.keys(for: .externalEditor), [.control("e")])
        let state = composing()
        XCTAssertEqual(route(.control("x"), state), [.action(.draftDiscardRequested)])
        XCTAssertEqual(route(.control("s"), state), [.action(.composerSubmitted)])
        XCTAssertEqual(route(.control("e"), state), [.openEditor])
        XCTAssertEqual(route(.control("e"), state, restricted: true), [.action(ClientRefusals.notAllowed(ClientRefusals.noEditorInSession))])
        XCTAssertEqual(route(.function(1), state), [.action(.helpToggled)])
        XCTAssertEqual(route(.escape, state), [.action(.composerClosed)])
        XCTAssertEqual(route(.tab, state), [.action(.composerFieldMoved(forward: true))])
    }

    func testTheConfigRebindsDiscardingADraft() throws {
        let config = try UserConfig.parse("""
            [keys]
            discardDraft = ["ctrl-g"]
            """)
        let state = composing()
        XCTAssertEqual(route(.control("g"), state, keymap: config.keymap), [.action(.draftDiscardRequested)])
        // Ctrl-X is free again: it types nothing and does nothing.
        XCTAssertEqual(route(.control("x"), state, keymap: config.keymap), [])
        var help = state
        help.overlay = .help
        let grid = Renderer.render(help, size: Fixture.size132, keymap: config.keymap)
        XCTAssertTrue(grid.text.contains("ctrl-g       composer: discard draft"), grid.text)
    }

    func testHelpListsDiscardingADraftAt80x24() {
        var state = Fixture.state(Fixture.agent)
        state.overlay = .help
        XCTAssertTrue(Renderer.render(state, size: Fixture.size80).text.contains("ctrl-x       composer: discard draft"))
    }
}
