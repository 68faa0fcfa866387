import DeskModel
import XCTest

@testable import DeskTUI

/// The knowledge base on screen: the new ticket's suggestions beside the form (or a hint when
/// there is no room), an article read as text, the agents' picker.
final class ArticleScreenTests: XCTestCase {
    static let vpn = Article(
        id: 7, slug: "vpn-reset", title: "Reset your VPN password",
        body: "# Reset\n\n1. Open **Settings**.\n2. Read [the guide](https://docs.example/vpn).\n\n```\nvpn --reset\n```",
        language: .english, tags: ["vpn"], visibility: .everyone, authorHandle: "ana", updatedAt: Fixture.may30(9))
    static let mail = Article(
        id: 8, slug: "mail-quota", title: "Mailbox full: how to make room", body: "Delete old mail.", language: .english,
        tags: [], visibility: .everyone, authorHandle: nil, updatedAt: Fixture.may30(10),
        counts: ArticleCounts(shown: 12, opened: 5, solved: 3, filedAnyway: 2))

    private func writing(size: TerminalSize) -> DeskState {
        var state = Fixture.openState(Fixture.customer, size: size, detail: Fixture.detail())
        _ = DeskReducer.reduce(into: &state, .composerOpened(.newTicket))
        state.composer?.subject = "VPN password"
        state.articleSuggestions.isEnabled = true
        state.articleSuggestions.askedText = "VPN password"
        state.articleSuggestions.articles = [Self.vpn, Self.mail]
        return state
    }

    func testSuggestionsShowBesideTheFormAt132x40() {
        let state = writing(size: Fixture.size132)
        assertScreen(Renderer.render(state, size: Fixture.size132), """
            """)
    }

    func testANarrowFormSaysHowManyArticlesMayHelpAt80x24() {
        let state = writing(size: Fixture.size80)
        assertScreen(Renderer.render(state, size: Fixture.size80), """
            """)
    }

    func testAnArticleIsReadAsTextWithTheSolvedQuestionAt80x24() {
        var state = writing(size: Fixture.size80)
        state.articles = ArticlesState(purpose: .suggestions, results: [Self.vpn, Self.mail])
        state.articles?.reading = Self.vpn
        assertScreen(Renderer.render(state, size: Fixture.size80), """
            """)
    }

    func testTheAgentsPickerListsArticlesWithTheirCountsAt132x40() {
        var state = Fixture.openState(Fixture.agent, size: Fixture.size132, detail: Fixture.detail())
        _ = DeskReducer.reduce(into: &state, .composerOpened(.reply))
        state.articles = ArticlesState(purpose: .insertIntoReply, results: [Self.vpn, Self.mail])
        state.articles?.query = "ma"
        state.articles?.selected = 1
        assertScreen(Renderer.render(state, size: Fixture.size132), """
            """)
    }

    func testTheArticlesScreenAt80x24AndHostileTextStaysInert() {
        var state = Fixture.openState(Fixture.customer, size: Fixture.size80, detail: Fixture.detail())
        var hostile = Self.mail
        hostile.title = "Evil \u{1B}[2J title"
        hostile.counts = nil
        state.articles = ArticlesState(purpose: .browse, results: [Self.vpn, hostile])
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
            """)
        XCTAssertFalse(grid.allCellTexts.contains("\u{1B}"))
    }
}
