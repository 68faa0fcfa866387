import DeskModel
import XCTest

@testable import DeskTUI

/// More screens the translated screen tests draw: an agent's reply quoting a message (the
/// attribution in the agent's language), the question before closing a ticket, and the bulk
/// question over tagged rows.
extension TranslatedScreens {
    /// An agent's reply to #1042 quoting carl's message 3, as `"` opens it in this language.
    func replyWithQuote(_ size: TerminalSize) -> Grid { Renderer.render(replyWithQuoteState(size), size: size) }
    func replyWithQuoteState(_ size: TerminalSize) -> DeskState {
        var state = Fixture.openState(Fixture.agent, size: size)
        state.language = language
        let quoted = Fixture.messages[2]
        let body = Quoting.quote(quoted.body, author: Fixture.carl.name, at: quoted.createdAt, in: language) + "OK."
        var composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 1042), body: body, fields: ["inReplyTo": "3"])
        composer.cursor = body.count
        state.composer = composer
        state.focus = .composer
        return state
    }

    /// "Close #1042 for good?" over the open ticket.
    func closeQuestion(_ size: TerminalSize) -> Grid { Renderer.render(closeQuestionState(size), size: size) }
    func closeQuestionState(_ size: TerminalSize) -> DeskState {
        var state = Fixture.openState(Fixture.agent, size: size)
        state.language = language
        state.overlay = .confirm(.closeTicket(number: 1042))
        return state
    }

    /// Two tagged rows (one unread) and the question before closing them both.
    func bulkQuestion(_ size: TerminalSize) -> Grid { Renderer.render(bulkQuestionState(size), size: size) }
    func bulkQuestionState(_ size: TerminalSize) -> DeskState {
        var state = Fixture.state(Fixture.agent, size: size)
        state.language = language
        state.list.unreadIDs = [41]
        state.tagged = [40: 1040, 39: 1039]
        state.overlay = .confirm(.bulk(.changeStatus(.closed), count: 2))
        return state
    }

    /// Every screen the translated screen tests draw, by name, as states in this language.
    func allStates(_ size: TerminalSize) -> [(name: String, state: DeskState)] {
        [("list", listState(size)), ("open ticket", openTicketState(size)), ("new-ticket form", composerState(size)),
         ("help", helpState(size)), ("status menu", statusMenuState(size)), ("command line", commandLineState(size)),
         ("reply with a quote", replyWithQuoteState(size)), ("close question", closeQuestionState(size)),
         ("bulk question", bulkQuestionState(size)),
         ("quoted history", quotedHistoryState(size)), ("mail notifications", mailPreferencesState(size))].map { name, state in
            var state = state
            state.language = language
            return (name, state)
        }
    }
}
