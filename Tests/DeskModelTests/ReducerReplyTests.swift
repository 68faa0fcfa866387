import Foundation
import XCTest

@testable import DeskModel

private typealias F = ReducerFixtures

/// Picking a message of the thread, answering it, quoting it, and an agent's reply intent.
/// Ticket 5's thread (`F.messages`): 1 the customer, 2 an internal note on 1, 3 the agent's
/// reply to 1, 4 a system event.
final class ReducerReplyTests: XCTestCase {
    private func opened(_ viewer: Viewer = F.agent) -> DeskState {
        F.withOpenTicket(F.loaded(1...14, selected: 5, viewer: viewer), 5)
    }

    func testBracketsPickMessagesInThreadOrderSkippingSystemEvents() {
        let store = ReducerTestStore(state: opened())
        store.send(.messageSelectionMoved(by: 1)) {
            $0.openTicket!.selectedMessageID = 1
            $0.openTicket!.revealSelectedMessage = true
        }
        store.expectNoEffects()
        store.send(.selectedMessageRevealed(firstLine: 3)) {
            $0.openTicket!.scroll = 3
            $0.openTicket!.revealSelectedMessage = false
        }
        store.expectNoEffects()
        store.send(.messageSelectionMoved(by: 1)) {
            $0.openTicket!.selectedMessageID = 2
            $0.openTicket!.revealSelectedMessage = true
        }
        store.expectNoEffects()
        // The system event (4) is not a message one answers: the pick stops at 3.
        store.send(.messageSelectionMoved(by: 5)) { $0.openTicket!.selectedMessageID = 3 }
        store.expectNoEffects()
        store.send(.messageSelectionMoved(by: -1)) { $0.openTicket!.selectedMessageID = 2 }
        store.expectNoEffects()
    }

    func testACustomerCannotPickAnInternalNote() {
        let store = ReducerTestStore(state: opened(F.customer))
        // Nothing picked: `[` starts from the bottom.
        store.send(.messageSelectionMoved(by: -1)) {
            $0.openTicket!.selectedMessageID = 3
            $0.openTicket!.revealSelectedMessage = true
        }
        store.expectNoEffects()
        store.send(.messageSelectionMoved(by: -1)) { $0.openTicket!.selectedMessageID = 1 }
        store.expectNoEffects()
    }

    func testPickingFromTheListOpensTheSelectedRowFirst() {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 5))
        store.send(.messageSelectionMoved(by: 1)) {
            $0.focus = .detail
            $0.afterOpening = PendingTicketCommand(number: 5, action: .messageSelectionMoved(by: 1))
        }
        store.expectEffects([.loadTicket(number: 5), .recordViewed(number: 5), .loadCounts])
        let detail = F.detail(5)
        store.receive(.ticketLoaded(detail)) {
            $0.afterOpening = nil
            $0.openTicket = OpenTicketState(detail: detail, thread: ThreadTree.lines(detail.messages, includeInternalNotes: true))
            $0.openTicket!.selectedMessageID = 1
            $0.openTicket!.revealSelectedMessage = true
        }
        store.expectNoEffects()
    }

    func testReplyAnswersThePickedMessageAndTheDraftKeepsIt() {
        var state = opened()
        state.openTicket!.selectedMessageID = 1
        let store = ReducerTestStore(state: state)
        store.send(.composerOpened(.reply)) {
            $0.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 5), fields: ["inReplyTo": "1"])
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(.reply(ticketNumber: 5))])
        // A draft that answered another message: the message picked now wins.
        let saved = Draft(slot: .reply(ticketNumber: 5), body: "Hello", fields: ["inReplyTo": "3"], updatedAt: F.date)
        store.receive(.draftLoaded(saved)) {
            $0.composer!.body = "Hello"
            $0.composer!.cursor = 5
        }
        store.expectNoEffects()
        store.send(.composerSubmitted) { $0.composer!.isSending = true }
        store.expectEffects([
            .sendMessage(NewMessage(ticketNumber: 5, body: "Hello", inReplyToID: 1), slot: .reply(ticketNumber: 5))
        ])
    }

    func testWithoutAPickReplyIsAsBeforeAndADraftBringsBackItsTarget() {
        let store = ReducerTestStore(state: opened())
        store.send(.composerOpened(.reply)) {
            $0.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 5))
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(.reply(ticketNumber: 5))])
        let saved = Draft(slot: .reply(ticketNumber: 5), body: "Hi", fields: ["inReplyTo": "3"], updatedAt: F.date)
        store.receive(.draftLoaded(saved)) {
            $0.composer!.body = "Hi"
            $0.composer!.cursor = 2
            $0.composer!.fields = ["inReplyTo": "3"]
        }
        store.expectNoEffects()
        store.send(.composerSubmitted) { $0.composer!.isSending = true }
        store.expectEffects([.sendMessage(NewMessage(ticketNumber: 5, body: "Hi", inReplyToID: 3), slot: .reply(ticketNumber: 5))])
    }

    func testAnInternalNoteMayAnswerThePickedNote() {
        var state = opened()
        state.openTicket!.selectedMessageID = 2
        let store = ReducerTestStore(state: state)
        store.send(.composerOpened(.internalNote)) {
            $0.composer = ComposerState(kind: .internalNote, slot: .internalNote(ticketNumber: 5), fields: ["inReplyTo": "2"])
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(.internalNote(ticketNumber: 5))])
    }

    func testQuoteOpensAReplyQuotingThePickedMessageAfterTheSavedDraft() {
        var state = opened()
        state.openTicket!.selectedMessageID = 3
        let store = ReducerTestStore(state: state)
        let quote = "Alice wrote on 2024-03-01 09:00:\n> Message 3\n\n"
        store.send(.quoteRequested) {
            var composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 5), body: quote, fields: ["inReplyTo": "3"])
            composer.cursor = quote.count
            composer.opensWithQuote = true
            $0.composer = composer
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(.reply(ticketNumber: 5))])
        let saved = Draft(slot: .reply(ticketNumber: 5), body: "Earlier text", fields: ["intent": "askCustomer", "inReplyTo": "1"], updatedAt: F.date)
        let body = "Earlier text\n\n" + quote
        store.receive(.draftLoaded(saved)) {
            $0.composer!.body = body
            $0.composer!.cursor = body.count
            $0.composer!.opensWithQuote = false
            $0.composer!.fields = ["intent": "askCustomer", "inReplyTo": "3"]
        }
        store.expectEffects([
            .saveDraft(slot: .reply(ticketNumber: 5), subject: "", body: body, fields: ["intent": "askCustomer", "inReplyTo": "3"])
        ])
    }

    func testQuoteWithoutAPickQuotesTheLastMessageTheViewerSees() {
        // The customer does not see the note (2): the last message they see is 3.
        let store = ReducerTestStore(state: opened(F.customer))
        let quote = "Alice wrote on 2024-03-01 09:00:\n> Message 3\n\n"
        store.send(.quoteRequested) {
            var composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 5), body: quote, fields: ["inReplyTo": "3"])
            composer.cursor = quote.count
            composer.opensWithQuote = true
            $0.composer = composer
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(.reply(ticketNumber: 5))])
        store.receive(.draftLoaded(nil)) { $0.composer!.opensWithQuote = false }
        store.expectEffects([.saveDraft(slot: .reply(ticketNumber: 5), subject: "", body: quote, fields: ["inReplyTo": "3"])])
    }

    func testQuoteOfATicketWithoutMessagesQuotesTheDescriptionAndAnswersTheTicket() {
        var state = F.loaded(1...14, selected: 5)
        let detail = F.detail(5, messages: [])
        state.openTicket = OpenTicketState(detail: detail, thread: [])
        state.focus = .detail
        let store = ReducerTestStore(state: state)
        let quote = "Peter wrote on 2024-03-01 09:00:\n> About ticket 5\n\n"
        store.send(.quoteRequested) {
            var composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 5), body: quote)
            composer.cursor = quote.count
            composer.opensWithQuote = true
            $0.composer = composer
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(.reply(ticketNumber: 5))])
    }

    func testCtrlTCyclesAnAgentsReplyIntentWhichIsSentAndSaved() {
        var state = opened()
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 5), body: "Try 5.3")
        state.focus = .composer
        let store = ReducerTestStore(state: state)
        store.send(.replyIntentCycled) { $0.composer!.fields = ["intent": "askCustomer"] }
        store.expectEffects([.saveDraft(slot: .reply(ticketNumber: 5), subject: "", body: "Try 5.3", fields: ["intent": "askCustomer"])])
        store.send(.replyIntentCycled) { $0.composer!.fields = ["intent": "proposeSolution"] }
        store.expectEffects([.saveDraft(slot: .reply(ticketNumber: 5), subject: "", body: "Try 5.3", fields: ["intent": "proposeSolution"])])
        store.send(.composerSubmitted) { $0.composer!.isSending = true }
        store.expectEffects([
            .sendMessage(NewMessage(ticketNumber: 5, body: "Try 5.3", intent: .proposeSolution), slot: .reply(ticketNumber: 5))
        ])
    }

    func testAfterProposeSolutionCtrlTComesBackToAPlainReply() {
        var state = opened()
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 5), fields: ["intent": "proposeSolution"])
        let store = ReducerTestStore(state: state)
        store.send(.replyIntentCycled) { $0.composer!.fields = [:] }
        store.expectEffects([.saveDraft(slot: .reply(ticketNumber: 5), subject: "", body: "", fields: [:])])
    }

    func testCustomersHaveNoIntentAndAForgedOneIsNotSent() {
        var state = opened(F.customer)
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 5), body: "Still broken", fields: ["intent": "proposeSolution"])
        state.focus = .composer
        let store = ReducerTestStore(state: state)
        store.send(.replyIntentCycled)
        store.expectNoEffects()
        store.send(.composerSubmitted) { $0.composer!.isSending = true }
        store.expectEffects([.sendMessage(NewMessage(ticketNumber: 5, body: "Still broken"), slot: .reply(ticketNumber: 5))])
    }

    func testANoteHasNoIntent() {
        var state = opened()
        state.composer = ComposerState(kind: .internalNote, slot: .internalNote(ticketNumber: 5))
        let store = ReducerTestStore(state: state)
        store.send(.replyIntentCycled) { $0.message = StatusMessage(.info, Notices.intentOnlyForReplies) }
        store.expectNoEffects()
    }

    func testQuoteIsAttributedInTheReplyingAgentsLanguageWithItsDate() {
        var state = opened()
        state.language = .french
        state.openTicket!.selectedMessageID = 3
        let store = ReducerTestStore(state: state)
        let quote = "Le 1 mars 2024 09:00, Alice a écrit :\n> Message 3\n\n"
        store.send(.quoteRequested) {
            var composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 5), body: quote, fields: ["inReplyTo": "3"])
            composer.cursor = quote.count
            composer.opensWithQuote = true
            $0.composer = composer
            $0.focus = .composer
        }
        store.expectEffects([.loadDraft(.reply(ticketNumber: 5))])
    }
}

final class QuotingTests: XCTestCase {
    func testAttributionReadsInEachLanguageWithItsDate() {
        let date = Date(timeIntervalSince1970: 1_717_063_320)
        XCTAssertEqual(Language.allCases.map { Quoting.attribution(author: "Alice", at: date, in: $0) }, [
            "Alice wrote on 2024-05-30 10:02:",
            "Le 30 mai 2024 10:02, Alice a écrit :",
            "Il 30 mag 2024, 10:02, Alice ha scritto:",
            "Am 30. Mai 2024, 10:02 schrieb Alice:",
            "El 30 may 2024, 10:02, Alice escribió:",
            "2024年5月30日 10:02、Alice さんは書きました:",
            "Em 30 de mai. de 2024 10:02, Alice escreveu:",
        ])
        XCTAssertTrue(Quoting.quote("Merci", author: "Zoé", at: date, in: .german).hasPrefix("Am 30. Mai 2024, 10:02 schrieb Zoé:\n> Merci"))
    }

    func testQuoteWrapsLongLinesKeepsQuotedOnesAndSanitises() {
        let body = String(repeating: "word ", count: 20) + "end\n\n> earlier\nbell\u{7} here"
        let quote = Quoting.quote(body, author: "Carl\u{1b}[31m Meyer", at: Date(timeIntervalSince1970: 1_717_063_320))
        XCTAssertEqual(quote, """
            Carl␛[31m Meyer wrote on 2024-05-30 10:02:
            > word word word word word word word word word word word word word word
            > word word word word word word end
            >
            >> earlier
            > bell␇ here


            """)
    }
}
