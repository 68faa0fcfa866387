import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// Keys of the menus and the composer that the forms work added or fixed.
final class FormKeyTests: XCTestCase {
    private func route(_ key: Key, _ state: DeskState, restricted: Bool = false) -> [KeyOutcome] {
        KeyRouter.route(key, state: state, keymap: .standard, size: state.size, restricted: restricted)
    }

    private func composing(body: String = "") -> DeskState {
        var state = Fixture.openState(Fixture.agent)
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 1042), body: body)
        state.focus = .composer
        return state
    }

    func testHomeEndAndGJumpInMenus() {
        var state = Fixture.openState(Fixture.agent)
        state.overlay = .statusMenu(ticketNumber: 1042, options: [.awaitingCustomer, .pending, .closed], selected: 1)
        XCTAssertEqual(route(.end, state), [.action(.menuMoved(by: 1))])
        XCTAssertEqual(route(.character("G"), state), [.action(.menuMoved(by: 1))])
        XCTAssertEqual(route(.home, state), [.action(.menuMoved(by: -1))])
        XCTAssertEqual(route(.character("g"), state), [.action(.menuMoved(by: -1))])
    }

    func testF1OpensTheHelpFromTheComposer() {
        XCTAssertEqual(route(.function(1), composing()), [.action(.helpToggled)])
    }

    func testCtrlXAsksToDiscardAndOnlyYConfirms() {
        XCTAssertEqual(route(.control("x"), composing(body: "Half")), [.action(.draftDiscardRequested)])
        XCTAssertEqual(route(.control("d"), composing(body: "Half")), [.action(.composerInput(.deleteForward))], "Ctrl-D still deletes")
        var asking = composing(body: "Half")
        asking.overlay = .discardDraft
        XCTAssertEqual(route(.character("y"), asking), [.action(.draftDiscardConfirmed)])
        XCTAssertEqual(route(.character("n"), asking), [.action(.menuClosed)])
        XCTAssertEqual(route(.enter, asking), [.action(.menuClosed)], "the default is to keep")
        let grid = Renderer.render(asking, size: Fixture.size80)
        XCTAssertTrue(grid.text.contains("Discard this draft for good? (y/N)"), grid.text)
        XCTAssertEqual(grid.rowText(23).replacingTrailingSpaces(), " y discard  any key keep")
    }

    func testEnterOnWatchersOpensThePickList() {
        var state = composing()
        state.composer = ComposerState(kind: .newTicket, slot: .newTicket)
        state.composer?.field = .watchers
        XCTAssertEqual(route(.enter, state), [.action(.watcherMenuRequested)])
        state.composer?.field = .subcategory
        XCTAssertEqual(route(.enter, state), [.action(.composerFieldMoved(forward: true))])
        state.composer?.field = .contact
        XCTAssertEqual(route(.right, state), [.action(.composerChoiceCycled(forward: true))])
    }

    func testTheEditorFileEndsWithOneNewline() {
        XCTAssertEqual(EditorFile.contents(for: "Hello\nworld"), "Hello\nworld\n")
        XCTAssertEqual(EditorFile.contents(for: ""), "\n")
        XCTAssertEqual(EditorFile.body(from: "Hello\nworld\n"), "Hello\nworld")
        // Exactly one comes off: a blank last line the person typed stays.
        XCTAssertEqual(EditorFile.body(from: "Hello\n\n"), "Hello\n")
        XCTAssertEqual(EditorFile.body(from: "no newline"), "no newline")
        XCTAssertEqual(EditorFile.body(from: EditorFile.contents(for: "round\ntrip\n")), "round\ntrip\n")
    }
}
