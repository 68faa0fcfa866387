import DeskModel
import XCTest

@testable import DeskTUI

/// Keys that end something cannot be pressed by accident: Esc never quits (q does, as in mutt
/// and tig), and closing a ticket for good asks first.
final class ConfirmationTests: XCTestCase {
    // MARK: - Esc and q

    func testEscOnTheListNeverQuitsAndSaysHowToQuit() {
        var state = Fixture.state(Fixture.agent)
        press([.escape], on: &state)
        XCTAssertFalse(state.shouldQuit)
        press([.escape, .escape], on: &state)
        XCTAssertFalse(state.shouldQuit, "Esc pressed again and again still does not quit")
        let grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertEqual(grid.rowText(23).trimmingCharacters(in: .whitespaces), "Esc does not quit: press q to quit (drafts are kept)")
    }

    func testEscClosesTheOpenTicketAndStopsAtTheList() {
        var state = Fixture.openState(Fixture.agent)
        press([.escape], on: &state)
        XCTAssertNil(state.openTicket)
        XCTAssertEqual(state.focus, .list)
        press([.escape], on: &state)
        XCTAssertFalse(state.shouldQuit)
    }

    func testQGoesBackThenQuitsWithoutAsking() {
        var state = Fixture.openState(Fixture.agent)
        press([.character("q")], on: &state)
        XCTAssertNil(state.openTicket)
        XCTAssertFalse(state.shouldQuit)
        press([.character("q")], on: &state)
        XCTAssertTrue(state.shouldQuit)
    }

    func testCtrlCQuitsFromAnywhere() {
        var composing = Fixture.openState(Fixture.agent)
        press([.character("r")], on: &composing)
        XCTAssertNotNil(composing.composer)
        press([.control("c")], on: &composing)
        XCTAssertTrue(composing.shouldQuit)
    }

    // MARK: - Closing for good

    /// The status menu's row for `closed`, as the digit that picks it.
    private func closedRowKey(_ state: DeskState) -> Key? {
        guard case .statusMenu(_, let options, _) = state.overlay, let index = options.firstIndex(of: .closed) else { return nil }
        return .character(Character(String(index + 1)))
    }

    func testAnAgentClosingATicketIsAskedFirst() throws {
        var state = Fixture.openState(Fixture.agent)
        press([.character("S")], on: &state)
        let effects = press([try XCTUnwrap(closedRowKey(state))], on: &state)
        XCTAssertEqual(effects, [], "nothing is closed before the answer")
        let grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertTrue(grid.text.contains("Close #1042 for good?"), grid.text)
        XCTAssertTrue(grid.text.contains("A follow-up will be needed to continue (y/N)"), grid.text)

        XCTAssertEqual(press([.character("y")], on: &state), [.changeStatus(number: 1042, .closed)])
        XCTAssertNil(state.overlay)
    }

    func testACustomersOneItemMenuAsksBeforeClosingAndNoKeepsTheTicketOpen() throws {
        var state = Fixture.openState(Fixture.customer)
        press([.character("S")], on: &state)
        guard case .statusMenu(_, let options, _) = state.overlay else { return XCTFail("no status menu") }
        XCTAssertEqual(options, [.closed])
        XCTAssertEqual(press([.enter], on: &state), [])
        XCTAssertTrue(Renderer.render(state, size: Fixture.size80).text.contains("Close #1042 for good?"))
        // N is the default: Enter, n and Esc all keep the ticket open.
        for answer in [Key.enter, .character("n"), .escape] {
            var asked = state
            XCTAssertEqual(press([answer], on: &asked), [], "\(answer)")
            XCTAssertNil(asked.overlay, "\(answer)")
            XCTAssertFalse(asked.shouldQuit)
        }
        // Other keys wait for an answer.
        var waiting = state
        XCTAssertEqual(press([.character("x")], on: &waiting), [])
        XCTAssertEqual(waiting.overlay, state.overlay)
    }
}
