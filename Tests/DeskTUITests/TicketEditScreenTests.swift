import DeskModel
import XCTest

@testable import DeskTUI

/// The edit form of the open ticket (`E`) over the panes, with the viewer's fields: at 80x24
/// and 132x40, and in French, German and Japanese at 80x24 (the shadowing `Renderer` checks
/// every screen for English too).
final class TicketEditScreenTests: XCTestCase {
    private func editing(_ viewer: Viewer, size: TerminalSize, language: Language = .english) -> DeskState {
        var state = Fixture.openState(viewer, size: size, detail: Fixture.detail())
        state.language = language
        _ = DeskReducer.reduce(into: &state, .ticketEdit(.opened))
        return state
    }

    func testTheRequestersFormAt80x24() {
        var state = editing(Fixture.customer, size: Fixture.size80)
        _ = DeskReducer.reduce(into: &state, .ticketEdit(.input(.insert(" since Monday"))))
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
            RECORD
            """)
        XCTAssertEqual(grid.cursor.map { [$0.x, $0.y] }, [46, 2], "after the typed text")
    }

    func testTheAgentsFormWithTheKindAndTheDescriptionFocusedAt132x40() {
        var state = editing(Fixture.agent, size: Fixture.size132)
        _ = DeskReducer.reduce(into: &state, .ticketEdit(.fieldMoved(forward: false)))
        _ = DeskReducer.reduce(into: &state, .ticketEdit(.choiceCycled(forward: true)))
        _ = DeskReducer.reduce(into: &state, .ticketEdit(.fieldMoved(forward: true)))
        _ = DeskReducer.reduce(into: &state, .ticketEdit(.fieldMoved(forward: true)))
        state.ticketEdit?.isSaving = true
        assertScreen(Renderer.render(state, size: Fixture.size132), """
            RECORD
            """)
    }

    private func agentsForm(in language: Language) -> Grid {
        var state = editing(Fixture.agent, size: Fixture.size80, language: language)
        _ = DeskReducer.reduce(into: &state, .ticketEdit(.fieldMoved(forward: false)))
        return Renderer.render(state, size: Fixture.size80)
    }

    func testTheFormFitsInFrenchAt80x24() {
        assertScreen(agentsForm(in: .french), """
            RECORD
            """)
    }

    func testTheFormFitsInGermanAt80x24() {
        assertScreen(agentsForm(in: .german), """
            RECORD
            """)
    }

    func testTheFormFitsInJapaneseAt80x24() {
        assertScreen(agentsForm(in: .japanese), """
            RECORD
            """)
    }

    func testHostileTextInTheFormStaysInert() {
        var detail = Fixture.detail()
        detail.ticket.subject = "Evil \u{1B}[2J subject"
        var state = Fixture.openState(Fixture.customer, size: Fixture.size80, detail: detail)
        _ = DeskReducer.reduce(into: &state, .ticketEdit(.opened))
        let grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertFalse(grid.allCellTexts.contains { $0.contains("\u{1B}") })
        XCTAssertTrue(grid.rowText(2).contains("Evil ␛[2J subject"), grid.text)
    }
}
