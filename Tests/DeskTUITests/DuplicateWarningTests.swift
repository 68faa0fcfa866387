import DeskModel
import XCTest

@testable import DeskTUI

/// The possible-duplicate warning: how it looks over the new-ticket composer, and its keys
/// (a scope of their own in the keymap, so they may reuse keys the panes use).
final class DuplicateWarningTests: XCTestCase {
    /// A customer's new ticket held back as a look-alike of their #1042.
    private func warned(size: TerminalSize = Fixture.size80) -> DeskState {
        var state = Fixture.state(Fixture.customer, size: size)
        var composer = ComposerState(
            kind: .newTicket, slot: .newTicket, subject: "VPN keeps dropping", body: "It drops every hour again.",
            fields: ["kind": "incident", "urgency": "serious"])
        composer.cursor = composer.body.count
        state.composer = composer
        state.focus = .composer
        state.overlay = .possibleDuplicate(ofNumber: 1042, subject: "VPN drops every hour")
        return state
    }

    func testWarningAt80x24NamesTheTicketAndTheChoices() throws {
        let grid = Renderer.render(warned(), size: Fixture.size80)
        assertScreen(grid, """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
             New ticket
             Subject     VPN keeps dropping
             Kind          Incident
             Product
             Category
             Subcategory
             Urgency       Serious
             Contact       ┌─ Possible duplicate ──────────────────────────┐
             Watchers      │ This looks like your active ticket            │
             Description   │ #1042 "VPN drops every hour"                  │
             It drops every│                                               │
                           │ r      reply on #1042 instead, with this text │
                           │ c      create the new ticket anyway           │
                           │ esc e  back to editing                        │
                           └───────────────────────────────────────────────┘







             r reply there  c create anyway  esc keep editing
            """)
        XCTAssertEqual(grid[try XCTUnwrap(grid.column(of: "Possible duplicate", row: 8)), 8].style, .heading)
        XCTAssertEqual(grid[try XCTUnwrap(grid.column(of: "esc e", row: 14)), 14].style, .keyHint)
        XCTAssertEqual(grid[try XCTUnwrap(grid.column(of: "back to editing", row: 14)), 14].style, .overlay)
    }

    func testALongSubjectWrapsInsideTheBox() {
        var state = warned()
        let long = String(repeating: "very long subject ", count: 8).trimmingCharacters(in: .whitespaces)
        state.overlay = .possibleDuplicate(ofNumber: 1042, subject: long)
        let grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertTrue(grid.text.contains("│ #1042 \"very long subject"), grid.text)
        XCTAssertTrue(grid.text.contains("subject\" "), "the end of the subject is on screen\n\(grid.text)")
        XCTAssertFalse(grid.text.split(separator: "\n").contains { DisplayWidth.of(String($0)) > 80 })
    }

    func testKeysGoThroughTheWarningsScope() {
        let state = warned()
        func route(_ key: Key, _ keymap: Keymap = .standard) -> [KeyOutcome] {
            KeyRouter.route(key, state: state, keymap: keymap, size: state.size, restricted: false)
        }
        XCTAssertEqual(route(.character("r")), [.action(.duplicateChoiceMade(.replyThere))])
        XCTAssertEqual(route(.character("c")), [.action(.duplicateChoiceMade(.createAnyway))])
        XCTAssertEqual(route(.escape), [.action(.duplicateChoiceMade(.keepEditing))])
        XCTAssertEqual(route(.character("e")), [.action(.duplicateChoiceMade(.keepEditing))])
        XCTAssertEqual(route(.character("j")), [], "the composer under the warning takes no keys")
        XCTAssertEqual(route(.control("s")), [], "no second submit while the warning is up")
        XCTAssertEqual(route(.control("c")), [.action(.quitRequested)])
        // Outside the warning the same keys keep their panes meaning.
        XCTAssertEqual(Keymap.standard.command(for: .character("r")), .reply)
        XCTAssertEqual(Keymap.standard.command(for: .escape), .close)
    }

    func testTheUsersBindingsShowInTheWarningAndTheHints() throws {
        // `c` may stay `createAnyway` while the panes give `r` to something else.
        let config = try UserConfig.parse("""
            [keys]
            createAnyway = "F"
            replyThere = ["r", "y"]
            reply = "e"
            """)
        let state = warned()
        XCTAssertEqual(
            KeyRouter.route(.character("F"), state: state, keymap: config.keymap, size: state.size, restricted: false),
            [.action(.duplicateChoiceMade(.createAnyway))])
        XCTAssertEqual(KeyRouter.route(.character("c"), state: state, keymap: config.keymap, size: state.size, restricted: false), [])
        let grid = Renderer.render(state, size: Fixture.size80, keymap: config.keymap)
        XCTAssertTrue(grid.text.contains("│ r y    reply on #1042 instead, with this text"), grid.text)
        XCTAssertTrue(grid.text.contains("│ F      create the new ticket anyway"), grid.text)
        XCTAssertEqual(grid.rowText(23).trimmingCharacters(in: .whitespaces), "r reply there  F create anyway  esc keep editing")
    }

    func testTwoWarningCommandsOnOneKeyAreAConfigProblem() {
        XCTAssertThrowsError(try UserConfig.parse("""
            [keys]
            createAnyway = "x"
            keepEditing = "x"
            """)) { error in
            XCTAssertEqual((error as? UserConfig.Problem)?.message, "key 'x' is bound to both createAnyway and keepEditing")
        }
    }
}
