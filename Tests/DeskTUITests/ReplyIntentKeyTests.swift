import DeskModel
import XCTest

@testable import DeskTUI

/// The composer's title names the key that changes what a reply does as the keymap binds it,
/// never a fixed "ctrl-t", in the reader's language.
final class ReplyIntentKeyTests: XCTestCase {
    private func proposing(_ language: Language) -> DeskState {
        var state = Fixture.openState(Fixture.agent)
        var composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 1042), body: "Done.")
        composer.replyIntent = .proposeSolution
        state.composer = composer
        state.focus = .composer
        state.language = language
        return state
    }

    func testTheTitleNamesTheReboundKey() throws {
        let config = try UserConfig.parse("""
            [keys]
            replyIntent = "ctrl-y"
            """)
        let grid = Renderer.render(proposing(.english), size: Fixture.size80, keymap: config.keymap)
        XCTAssertTrue(grid.text.contains("Reply to #1042 · reply and propose solution (ctrl-y)"), grid.text)
        XCTAssertFalse(grid.text.contains("ctrl-t"), grid.text)
        let french = Renderer.render(proposing(.french), size: Fixture.size80, keymap: config.keymap)
        XCTAssertTrue(french.text.contains("Réponse à #1042 · réponse avec solution proposée (ctrl-y)"), french.text)
    }
}
