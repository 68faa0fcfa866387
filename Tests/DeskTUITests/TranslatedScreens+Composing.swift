import DeskModel
import XCTest

@testable import DeskTUI

/// More screens the translated screen tests draw: an agent's reply quoting a message (the
/// attribution in the agent's language), the question before closing a ticket, and the bulk
/// question over tagged rows.
extension TranslatedScreens {
    /// An agent's reply to #1042 quoting carl's message 3, as `"` opens it in this language.
    func replyWithQuote(_ size: TerminalSize) -> Grid {
        var state = Fixture.openState(Fixture.agent, size: size)
        state.language = language
        let quoted = Fixture.messages[2]
        let body = Quoting.quote(quoted.body, author: Fixture.carl.name, at: quoted.createdAt, in: language) + "OK."
        var composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 1042), body: body, fields: ["inReplyTo": "3"])
        composer.cursor = body.count
        state.composer = composer
        state.focus = .composer
        return Renderer.render(state, size: size)
    }

    /// "Close #1042 for good?" over the open ticket.
    func closeQuestion(_ size: TerminalSize) -> Grid {
        var state = Fixture.openState(Fixture.agent, size: size)
        state.language = language
        state.overlay = .confirm(.closeTicket(number: 1042))
        return Renderer.render(state, size: size)
    }

    /// Two tagged rows (one unread) and the question before closing them both.
    func bulkQuestion(_ size: TerminalSize) -> Grid {
        var state = Fixture.state(Fixture.agent, size: size)
        state.language = language
        state.list.unreadIDs = [41]
        state.tagged = [40: 1040, 39: 1039]
        state.overlay = .confirm(.bulk(.changeStatus(.closed), count: 2))
        return Renderer.render(state, size: size)
    }
}
