import DeskModel
import XCTest

@testable import DeskTUI

/// "Did this solve your problem?" below a suggested article: whole in every language at 80x24
/// (its keys go to a row of their own when the line is too long), on one row when there is room.
final class ArticleSolvedQuestionTests: XCTestCase {
    private func reading(_ language: Language, size: TerminalSize) -> DeskState {
        var state = Fixture.openState(Fixture.customer, size: size, detail: Fixture.detail())
        _ = DeskReducer.reduce(into: &state, .composerOpened(.newTicket))
        state.language = language
        state.articles = ArticlesState(purpose: .suggestions, results: [ArticleScreenTests.vpn])
        state.articles?.reading = ArticleScreenTests.vpn
        return state
    }

    func testTheQuestionAndItsKeysAreWholeAt80x24InEveryLanguage() {
        for language in Language.allCases {
            let grid = Renderer.render(reading(language, size: Fixture.size80), size: Fixture.size80)
            let question = ArticleStrings.solvedQuestion(language)
            let keys = ArticleStrings.solvedKeys(yes: "y", back: "esc", language)
            XCTAssertEqual(grid.rowText(21).trimmingCharacters(in: .whitespaces), question, "\(language)")
            XCTAssertEqual(grid.rowText(22).trimmingCharacters(in: .whitespaces), keys, "\(language)")
        }
    }

    func testTheQuestionTakesOneRowWhenThereIsRoom() {
        let grid = Renderer.render(reading(.german, size: Fixture.size132), size: Fixture.size132)
        XCTAssertEqual(grid.rowText(37).trimmingCharacters(in: .whitespaces), "")
        XCTAssertEqual(grid.rowText(38).trimmingCharacters(in: .whitespaces),
                       "Hat das Ihr Problem gelöst?  y: ja, es wird kein Ticket erstellt · esc: zurück zu Ihrem Ticket")
    }

    /// French is the longest: 99 columns on one line.
    func testAFrenchReaderSeesTheWholeQuestionAt80x24() {
        assertScreen(Renderer.render(reading(.french, size: Fixture.size80), size: Fixture.size80), """
             carl  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40      plus récents d'abord
             Reset your VPN password
             English · vpn · 30 mai 2024 09:00

              Reset

              1. Open Settings.
              2. Read the guide[1].

                  vpn --reset

              [1] https://docs.example/vpn









             Cela a-t-il résolu votre problème ?
             y : oui, aucun ticket n'est créé · esc : retour à votre ticket
             y résolu  j/k défiler  esc retour
            """)
    }

    /// The keys named are the ones bound, as the bottom line names them.
    func testTheKeysNamedAreTheKeysBound() {
        var keymap = Keymap.standard
        keymap.bind(.articleSolved, to: [.character("o")])
        let state = reading(.english, size: Fixture.size80)
        let grid = Renderer.render(state, size: Fixture.size80, keymap: keymap)
        XCTAssertEqual(grid.rowText(22).trimmingCharacters(in: .whitespaces), "o: yes, nothing is filed · esc: back to your ticket")
        XCTAssertTrue(grid.rowText(23).contains("o this solved it"), grid.rowText(23))
    }
}
