import DeskModel
import XCTest

@testable import DeskTUI

/// The mail screens the translated screen tests draw: a customer's ticket whose mailed
/// messages keep their quoted history (one folded, one unfolded), and the box of a customer's
/// own mail notifications.
extension TranslatedScreens {
    /// Carl's first message came by mail with a quote, kept folded; his third with one that is
    /// unfolded (picked with `]` and `z`).
    static let firstQuote = "On Thu, 30 May 2024 at 08:00, Ana Lind <ana@desk.test> wrote:\n> Does it drop on the office network too?\n> Or only at home?\n"
    static let thirdQuote = "-----Original Message-----\nFrom: Ana Lind\nSent: Thursday, 30 May 2024 11:00\n\nWhich client version do you run?\n\n"

    func quotedHistory(_ size: TerminalSize) -> Grid { Renderer.render(quotedHistoryState(size), size: size) }
    func quotedHistoryState(_ size: TerminalSize) -> DeskState {
        var state = Fixture.openState(Fixture.customer, size: size)
        state.language = language
        state.openTicket!.quotedHistory = [1: Self.firstQuote, 3: Self.thirdQuote]
        state.openTicket!.unfoldedQuotes = [3]
        state.openTicket!.selectedMessageID = 3
        // The history on screen, under the ticket's fields.
        state.openTicket!.scroll = size.rows < 30 ? 12 : 0
        return state
    }

    /// A customer's mail notifications: one turned on, one off, the others as each ticket's
    /// contact says; the second row highlighted.
    func mailPreferences(_ size: TerminalSize) -> Grid { Renderer.render(mailPreferencesState(size), size: size) }
    func mailPreferencesState(_ size: TerminalSize) -> DeskState {
        var state = Fixture.state(Fixture.customer, size: size)
        state.language = language
        state.mailPreferences = MailPreferencesState(choices: [
            .init(event: .created, wanted: nil), .init(event: .reply, wanted: true), .init(event: .actionRequired, wanted: false),
            .init(event: .solutionProposed, wanted: nil), .init(event: .closed, wanted: nil),
        ], selected: 1)
        return state
    }
}
