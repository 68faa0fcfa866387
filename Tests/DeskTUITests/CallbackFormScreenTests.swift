import DeskModel
import XCTest

@testable import DeskTUI

/// The customer's call-back form (`C`): the fields prefilled with what the desk kept, a
/// refused field's reason under it, the form's hints on the bottom line; in every language.
final class CallbackFormScreenTests: XCTestCase {
    /// Carl (business plan) on #1042: the number and zone kept from last time, a window typed
    /// with no end and a note; sent once, so the window's reason shows.
    static func formState(size: TerminalSize, language: Language, sent: Bool) -> DeskState {
        var customer = Fixture.customer
        customer.plan = .business
        var state = Fixture.state(customer, size: size)
        state.language = language
        _ = DeskReducer.reduce(into: &state, .callback(.formLoaded(CallbackForm(number: 1042, phone: "+33 1 23 45 67 89", zone: "Europe/Paris"))))
        for character in "14:00" { _ = DeskReducer.reduce(into: &state, .callback(.form(.input(.insert(String(character)))))) }
        if sent {
            _ = DeskReducer.reduce(into: &state, .callback(.form(.fieldMoved(forward: true))))
            _ = DeskReducer.reduce(into: &state, .callback(.form(.fieldMoved(forward: true))))
            for character in "After 3pm, ask for Carl" { _ = DeskReducer.reduce(into: &state, .callback(.form(.input(.insert(String(character)))))) }
            _ = DeskReducer.reduce(into: &state, .callback(.form(.submitted)))
        }
        return state
    }

    func testTheFormAsItOpensAt80x24() {
        let grid = Renderer.render(Self.formState(size: Fixture.size80, language: .english, sent: false), size: Fixture.size80)
        assertScreen(grid, """
            """)
    }

    func testARefusedWindowSaysWhyUnderItAt80x24() {
        let grid = Renderer.render(Self.formState(size: Fixture.size80, language: .english, sent: true), size: Fixture.size80)
        assertScreen(grid, """
            """)
    }

    func testARefusedWindowSaysWhyInFrenchAt132x40() {
        let grid = Renderer.render(Self.formState(size: Fixture.size132, language: .french, sent: true), size: Fixture.size132)
        assertScreen(grid, """
            """)
    }

    func testARefusedWindowSaysWhyInJapaneseAt80x24() {
        let grid = Renderer.render(Self.formState(size: Fixture.size80, language: .japanese, sent: true), size: Fixture.size80)
        assertScreen(grid, """
            """)
    }

    func testTheFormAsItOpensInJapaneseAt132x40() {
        let grid = Renderer.render(Self.formState(size: Fixture.size132, language: .japanese, sent: false), size: Fixture.size132)
        assertScreen(grid, """
            """)
    }
}

/// Search results mark a ticket with an open call-back request as the list does.
final class CallbackSearchScreenTests: XCTestCase {
    private func searched(size: TerminalSize, language: Language) -> Grid {
        var state = CallbackScreenTests.callbackState(Fixture.agent, size: size, language: language)
        _ = DeskReducer.reduce(into: &state, .searchStarted)
        _ = DeskReducer.reduce(into: &state, .searchQueryChanged("vpn"))
        var results = [Fixture.rows[0], Fixture.rows[2]]
        results[0].callback = .requested
        _ = DeskReducer.reduce(into: &state, .searchResultsLoaded(query: "vpn", results))
        return Renderer.render(state, size: size)
    }

    func testSearchResultsMarkOpenCallBacksAt80x24() {
        assertScreen(searched(size: Fixture.size80, language: .english), """
            """)
    }

    func testSearchResultsMarkOpenCallBacksInFrenchAt132x40() {
        assertScreen(searched(size: Fixture.size132, language: .french), """
            """)
    }
}
