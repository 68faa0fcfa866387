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
             Acme Support · carl (customer)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                       sort: newest first
                 # STATUS        SUBJECT  1/5 REQUESTER  UPDATED│ #1042 VPN drops every hour
             #1042 Open          VPN drops e… carl            5m│ Status        Open
             #1041 Open          Invoice sho… dora            3h│ Kind          Incident
             #1040 Action needed Cannot expo… carl            2d│ Urgency       Serious
             #1039 Solution      Mail server… dora            3w│ Requester     Carl Meyer (carl)
             #1038 Closed        Password re… carl            1y│ Organisation  Umbra
                                                                │ Assignee      Ana Lind (ana)
                                                                │ Product       VPN › Client
                                                                │ Created       2024-05-30 09:00 (2d ago)
                                                                │ Updated       2024-06-01 11:55 (5m ago)
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ History (6)
                                                                │ ● Carl Meyer (customer) · 2024-05-30 10:00
                                                                │   It dropped again this morning while I was on a call with a customer, and
                                                                │   the reconnect took almost two minutes.
                                                                │ ├─● Ana Lind (agent) · 2024-05-30 11:00                                   67%
                                                                │ New ticket                                  │ Articles that may help
                                                                │ Subject     VPN password                    │
                                                                │ Kind          Question                      │ 1. Reset your VPN password
                                                                │ Product                                     │ 2. Mailbox full: how to make
                                                                │ Category                                    │ room
                                                                │ Subcategory                                 │
                                                                │ Urgency       None                          │
                                                                │ Contact       Portal                        │
                                                                │ Watchers                                    │
                                                                │ Description                                 │
                                                                │                                             │
                                                                │                                             │
                                                                │                                             │
                                                                │                                             │
                                                                │                                             │
                                                                │                                             │
                                                                │                                             │
                                                                │                                             │
                                                                │                                             │ f2 to read them
             ctrl-s send  esc close, keep draft  ctrl-e editor  tab next field
            """)
    }

    func testANarrowFormSaysHowManyArticlesMayHelpAt80x24() {
        let state = writing(size: Fixture.size80)
        assertScreen(Renderer.render(state, size: Fixture.size80), """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
             New ticket
             Subject     VPN password
             Kind          Question
             Product
             Category
             Subcategory
             Urgency       None
             Contact       Portal
             Watchers
             Description












             f2 2 articles may help  ctrl-s send  esc close, keep draft  ctrl-e editor
            """)
    }

    func testAnArticleIsReadAsTextWithTheSolvedQuestionAt80x24() {
        var state = writing(size: Fixture.size80)
        state.articles = ArticlesState(purpose: .suggestions, results: [Self.vpn, Self.mail])
        state.articles?.reading = Self.vpn
        assertScreen(Renderer.render(state, size: Fixture.size80), """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
             Reset your VPN password
             English · vpn · 2024-05-30 09:00

              Reset

              1. Open Settings.
              2. Read the guide[1].

                  vpn --reset

              [1] https://docs.example/vpn









             Did this solve your problem?
             y: yes, nothing is filed · esc: back to your ticket
             y this solved it  j/k scroll  esc back
            """)
    }

    func testTheAgentsPickerListsArticlesWithTheirCountsAt132x40() {
        var state = Fixture.openState(Fixture.agent, size: Fixture.size132, detail: Fixture.detail())
        _ = DeskReducer.reduce(into: &state, .composerOpened(.reply))
        state.articles = ArticlesState(purpose: .insertIntoReply, results: [Self.vpn, Self.mail])
        state.articles?.query = "ma"
        state.articles?.selected = 1
        assertScreen(Renderer.render(state, size: Fixture.size132), """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                           sort: newest first
             Insert an article  Search: ma▏

             Reset your VPN password  en
             Mailbox full: how to make room  en                                                        shown 12 · opened 5 · solved 3 · filed 2


































             enter insert link  ctrl-t insert text  esc back
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
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
             Articles  Search: ▏

             Reset your VPN password  en
             Evil ␛[2J title  en


















             enter read  esc back
            """)
        XCTAssertFalse(grid.allCellTexts.contains("\u{1B}"))
    }
}
