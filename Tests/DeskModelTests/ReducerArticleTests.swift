import Foundation
import XCTest

@testable import DeskModel

private typealias F = ReducerFixtures

/// The knowledge base in the client: suggestions follow a customer's new ticket, reading one
/// and saying it solved the problem files nothing, counts go to the desk, agents insert
/// articles into replies.
final class ReducerArticleTests: XCTestCase {
    static let vpn = Article(
        id: 7, slug: "vpn-reset", title: "Reset your VPN password", body: "Open **Settings**.", language: .english,
        tags: ["mail"], visibility: .everyone, authorHandle: "alice", updatedAt: Date(timeIntervalSince1970: 1_700_000_000))
    static let mail = Article(
        id: 8, slug: "mail-quota", title: "Mailbox full", body: "Delete old mail.", language: .english,
        tags: [], visibility: .everyone, authorHandle: nil, updatedAt: Date(timeIntervalSince1970: 1_700_000_000))

    func customerWritingATicket() -> DeskState {
        var state = F.loaded(1...14, selected: 4, viewer: F.customer)
        state.composer = ComposerState(kind: .newTicket, slot: .newTicket, subject: "VPN", fields: ["product": "Mail"])
        state.composer?.field = .subject
        state.composer?.cursor = 3
        state.focus = .composer
        state.articleSuggestions.isEnabled = true
        return state
    }

    func testTypingAsksForSuggestionsAndAReadArticleThatSolvedItFilesNothing() {
        let store = ReducerTestStore(state: customerWritingATicket())
        store.send(.composerInput(.insert(" password"))) {
            $0.composer?.subject = "VPN password"
            $0.composer?.cursor = 12
            $0.articleSuggestions.askedText = "VPN password"
        }
        store.expectEffects([
            .saveDraft(slot: .newTicket, subject: "VPN password", body: "", fields: ["product": "Mail"]),
            .article(.suggest(text: "VPN password", language: .english, product: "Mail")),
        ])
        // An answer to older words is dropped.
        store.receive(.article(.suggestionsLoaded(text: "VPN", [Self.mail])))
        store.expectNoEffects()
        store.receive(.article(.suggestionsLoaded(text: "VPN password", [Self.vpn, Self.mail]))) {
            $0.articleSuggestions.articles = [Self.vpn, Self.mail]
            $0.articleSuggestions.shownIDs = [7, 8]
        }
        store.expectEffects([.article(.count(.shown, [7, 8]))])
        // Shown once per ticket form: the same articles again count nothing more.
        store.receive(.article(.suggestionsLoaded(text: "VPN password", [Self.vpn])))  {
            $0.articleSuggestions.articles = [Self.vpn]
        }
        store.expectNoEffects()

        store.send(.article(.suggestionsOpened)) {
            $0.articles = ArticlesState(purpose: .suggestions, results: [Self.vpn])
        }
        store.expectNoEffects()
        store.send(.article(.chosen)) {
            $0.articles?.reading = Self.vpn
        }
        store.expectEffects([.article(.count(.opened, [7]))])
        // Back to the list, back to the form: the text is still there.
        store.send(.article(.back)) { $0.articles?.reading = nil }
        store.send(.article(.back)) { $0.articles = nil }
        XCTAssertEqual(store.state.composer?.subject, "VPN password")

        store.send(.article(.suggestionsOpened)) { $0.articles = ArticlesState(purpose: .suggestions, results: [Self.vpn]) }
        store.send(.article(.chosen)) { $0.articles?.reading = Self.vpn }
        store.expectEffects([.article(.count(.opened, [7]))])
        store.send(.article(.solvedIt)) {
            $0.articles = nil
            $0.composer = nil
            $0.focus = .list
            $0.articleSuggestions = ArticleSuggestions(isEnabled: true)
            $0.message = StatusMessage(.info, ArticleNotices.solvedNothingFiled)
        }
        store.expectEffects([.article(.count(.solved, [7])), .deleteDraft(.newTicket)])
    }

    func testATicketFiledAfterSuggestionsCountsThemAsFiledAnyway() {
        var state = customerWritingATicket()
        state.articleSuggestions.askedText = "VPN"
        state.articleSuggestions.articles = [Self.vpn]
        state.articleSuggestions.shownIDs = [7]
        let ticket = F.ticket(15)
        // The whole ticketCreated change is ReducerTests' business: here, what it adds.
        var without = state
        without.articleSuggestions = ArticleSuggestions(isEnabled: true)
        let plain = DeskReducer.reduce(into: &without, .ticketCreated(ticket))
        let effects = DeskReducer.reduce(into: &state, .ticketCreated(ticket))
        XCTAssertEqual(state, without)
        XCTAssertEqual(effects, plain + [.article(.count(.filedAnyway, [7]))])
    }

    func testNothingIsAskedForStaffOrWhenTheKnowledgeBaseIsOff() {
        var state = customerWritingATicket()
        state.articleSuggestions.isEnabled = false
        var store = ReducerTestStore(state: state)
        store.send(.composerInput(.insert("x"))) {
            $0.composer?.subject = "VPNx"
            $0.composer?.cursor = 4
        }
        store.expectEffects([.saveDraft(slot: .newTicket, subject: "VPNx", body: "", fields: ["product": "Mail"])])
        state = customerWritingATicket()
        state.viewer = F.agent
        store = ReducerTestStore(state: state)
        store.send(.composerInput(.insert("x"))) {
            $0.composer?.subject = "VPNx"
            $0.composer?.cursor = 4
        }
        store.expectEffects([.saveDraft(slot: .newTicket, subject: "VPNx", body: "", fields: ["product": "Mail"])])
        // With nothing suggested, the suggestions key says so.
        store.send(.article(.suggestionsOpened)) { $0.message = StatusMessage(.info, ArticleNotices.noSuggestions) }
    }

    func testAnAgentInsertsAnArticlesLinkOrTextIntoAReply() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 4), body: "Hello, ")
        state.composer?.cursor = 7
        state.focus = .composer
        let store = ReducerTestStore(state: state)
        store.send(.article(.pickerOpened)) { $0.articles = ArticlesState(purpose: .insertIntoReply) }
        store.expectEffects([.article(.search(query: "", language: .english))])
        store.send(.article(.queryEdited(.insert("v")))) { $0.articles?.query = "v" }
        store.expectEffects([.article(.search(query: "v", language: .english))])
        store.receive(.article(.loaded(query: "", [Self.mail])))
        store.receive(.article(.loaded(query: "v", [Self.vpn, Self.mail]))) { $0.articles?.results = [Self.vpn, Self.mail] }
        store.send(.article(.moved(by: 5))) { $0.articles?.selected = 1 }
        store.send(.article(.moved(by: -1))) { $0.articles?.selected = 0 }
        store.send(.article(.chosen)) {
            $0.articles = nil
            $0.composer?.body = "Hello, Reset your VPN password (kb show vpn-reset)"
            $0.composer?.cursor = 50
        }
        store.expectEffects([.saveDraft(slot: .reply(ticketNumber: 4), subject: "", body: "Hello, Reset your VPN password (kb show vpn-reset)", fields: [:])])

        store.send(.article(.pickerOpened)) { $0.articles = ArticlesState(purpose: .insertIntoReply) }
        store.expectEffects([.article(.search(query: "", language: .english))])
        store.receive(.article(.loaded(query: "", [Self.mail]))) { $0.articles?.results = [Self.mail] }
        store.send(.article(.insertedText)) {
            $0.articles = nil
            $0.composer?.body = "Hello, Reset your VPN password (kb show vpn-reset)Mailbox full\n\nDelete old mail.\n"
            $0.composer?.cursor = 50 + 31
        }
        store.expectEffects([.saveDraft(slot: .reply(ticketNumber: 4), subject: "", body: "Hello, Reset your VPN password (kb show vpn-reset)Mailbox full\n\nDelete old mail.\n", fields: [:])])
    }

    func testCustomersHaveNoPicker() {
        var state = customerWritingATicket()
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 4), body: "")
        let store = ReducerTestStore(state: state)
        store.send(.article(.pickerOpened)) { $0.message = StatusMessage(.info, ArticleNotices.pickerOnlyInReplies) }
        store.expectNoEffects()
    }
}
