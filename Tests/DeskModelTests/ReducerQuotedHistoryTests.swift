import Foundation
import XCTest

@testable import DeskModel

private typealias F = ReducerFixtures

/// The quoted history of mailed messages in the client: read with the ticket, folded to one
/// line under each message, unfolded for the picked message (else the last one with a quote)
/// or for all of them.
final class ReducerQuotedHistoryTests: XCTestCase {
    static let quote1 = "On Fri, 1 Mar 2024 at 09:00, Alice wrote:\n> Which model?\n"
    static let quote3 = "-----Original Message-----\nFrom: Carl\n\nIt jams.\n"

    func openWithQuotes() -> DeskState {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        state.openTicket!.quotedHistory = [1: Self.quote1, 3: Self.quote3]
        return state
    }

    func testQuotesArriveForTheOpenTicketOnlyAndAReloadKeepsWhatWasUnfolded() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 4), 4))
        // A late answer for a ticket no longer open is dropped.
        store.receive(.quotedHistory(.loaded(number: 5, [1: Self.quote1])))
        store.expectNoEffects()
        store.receive(.quotedHistory(.loaded(number: 4, [1: Self.quote1, 3: Self.quote3]))) {
            $0.openTicket!.quotedHistory = [1: Self.quote1, 3: Self.quote3]
        }
        store.expectNoEffects()
        store.send(.quotedHistory(.allToggled)) { $0.openTicket!.unfoldedQuotes = [1, 3] }
        store.expectNoEffects()
        // The ticket read again (a new message): the quotes still there stay unfolded.
        store.receive(.ticketLoaded(F.detail(4))) { _ in }
        store.expectNoEffects()
        store.receive(.quotedHistory(.loaded(number: 4, [3: Self.quote3]))) {
            $0.openTicket!.quotedHistory = [3: Self.quote3]
            $0.openTicket!.unfoldedQuotes = [3]
        }
        store.expectNoEffects()
    }

    func testTheFoldKeyActsOnThePickedMessageElseTheLastMessageWithAQuote() {
        let store = ReducerTestStore(state: openWithQuotes())
        // Nothing picked: the last message of the thread that has a quote (3).
        store.send(.quotedHistory(.toggled)) { $0.openTicket!.unfoldedQuotes = [3] }
        store.expectNoEffects()
        store.send(.quotedHistory(.toggled)) { $0.openTicket!.unfoldedQuotes = [] }
        store.expectNoEffects()
        store.send(.messageSelectionMoved(by: 1)) {
            $0.openTicket!.selectedMessageID = 1
            $0.openTicket!.revealSelectedMessage = true
        }
        store.expectNoEffects()
        store.send(.quotedHistory(.toggled)) { $0.openTicket!.unfoldedQuotes = [1] }
        store.expectNoEffects()
    }

    func testAPickedMessageWithoutAQuoteSaysSoAndChangesNothing() {
        var state = openWithQuotes()
        state.openTicket!.selectedMessageID = 2
        let store = ReducerTestStore(state: state)
        store.send(.quotedHistory(.toggled)) { $0.message = StatusMessage(.info, Notices.noQuotedHistory) }
        store.expectNoEffects()
    }

    func testTheAllKeyUnfoldsEveryQuoteThenFoldsThemAll() {
        var state = openWithQuotes()
        state.openTicket!.unfoldedQuotes = [1]
        let store = ReducerTestStore(state: state)
        store.send(.quotedHistory(.allToggled)) { $0.openTicket!.unfoldedQuotes = [1, 3] }
        store.expectNoEffects()
        store.send(.quotedHistory(.allToggled)) { $0.openTicket!.unfoldedQuotes = [] }
        store.expectNoEffects()
    }

    func testATicketWithoutQuotesSaysSoAndWithoutAnOpenTicketTheKeysDoNothing() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, selected: 4), 4))
        store.send(.quotedHistory(.allToggled)) { $0.message = StatusMessage(.info, Notices.noQuotedHistory) }
        store.expectNoEffects()
        let closed = ReducerTestStore(state: F.loaded(1...14, selected: 4))
        closed.send(.quotedHistory(.toggled))
        closed.expectNoEffects()
    }

    func testLinesAreCountedWithoutTrailingBlankLines() {
        XCTAssertEqual(QuotedHistoryFolding.lineCount(Self.quote1), 2)
        XCTAssertEqual(QuotedHistoryFolding.lineCount(Self.quote3 + "\n  \n"), 4)
        XCTAssertEqual(QuotedHistoryFolding.lineCount("> one"), 1)
    }
}

/// The runtime reads a ticket's quotes with it, through the desk's rules (both backends): a
/// customer never gets an internal note's quote, and a ticket without any asks for nothing more.
final class RuntimeQuotedHistoryTests: StoreTestCase {
    func testOpeningATicketBringsTheQuotesTheViewerMaySee() throws {
        try store.setMailSetting(key: MailSettings.addressKey, value: "support@desk.test", by: nil)
        let ticket = try f.ticket("Printer jams", by: f.peter)
        let plain = try DeskRuntime(store: store, viewer: f.peter).perform(.loadTicket(number: ticket.number))
        XCTAssertEqual(plain.count, 1, "a ticket without quotes: only the ticket")
        let reply = try store.receiveMail(TestMail.make(
            subject: "Re: [Desk #\(ticket.number)] Printer jams",
            body: "It is an HP 4050.\n\nOn Fri, 1 Mar 2024 at 09:00, Alice <alice@example.com> wrote:\n> Which model?\n"), action: .correspond)
        let note = try store.receiveMail(TestMail.make(
            from: "alice@example.com", subject: "[Desk #\(ticket.number)] x", body: "Noted.\n\n> quoted line\n"), action: .comment)
        let replyID = try XCTUnwrap(reply.messageID)
        let noteID = try XCTUnwrap(note.messageID)

        let customer = DeskRuntime(store: store, viewer: f.peter).perform(.loadTicket(number: ticket.number))
        XCTAssertEqual(customer.count, 2)
        XCTAssertEqual(customer.last, .quotedHistory(.loaded(number: ticket.number, [
            replyID: "On Fri, 1 Mar 2024 at 09:00, Alice <alice@example.com> wrote:\n> Which model?\n",
        ])))
        let agent = DeskRuntime(store: store, viewer: f.alice).perform(.loadJumpTarget(number: ticket.number))
        guard case .quotedHistory(.loaded(let number, let quotes))? = agent.last else { return XCTFail("no quotes: \(agent)") }
        XCTAssertEqual(number, ticket.number)
        XCTAssertEqual(Set(quotes.keys), [replyID, noteID])
        XCTAssertEqual(quotes[noteID], "> quoted line\n")

        // Through the engine the quotes land in the open ticket, folded.
        let engine = DeskEngine(state: DeskState(deskName: "Test desk", viewer: f.peter, size: F.size),
                                runtime: DeskRuntime(store: store, viewer: f.peter))
        engine.send(.ticketRequested(number: ticket.number))
        XCTAssertEqual(engine.state.openTicket?.quotedHistory.keys.sorted(), [replyID])
        XCTAssertEqual(engine.state.openTicket?.unfoldedQuotes, [])
    }
}
