import DeskModel
import XCTest

@testable import DeskTUI

/// The screens the translated screen tests draw (French, German, Japanese), each at 80x24
/// and 132x40: the list, an open ticket, the new-ticket form, the help, the status menu and
/// the command line, from the same fixture as the English screen tests.
struct TranslatedScreens {
    var language: Language

    init(_ language: Language) { self.language = language }

    private func draw(_ state: DeskState, _ size: TerminalSize) -> Grid {
        var state = state
        state.language = language
        return Renderer.render(state, size: size)
    }

    /// An agent's queue: staff status words, urgency, requester · organisation.
    func list(_ size: TerminalSize) -> Grid { draw(listState(size), size) }
    func listState(_ size: TerminalSize) -> DeskState { Fixture.state(Fixture.agent, size: size) }

    /// The fixture's ticket as its customer reads it: fields, the thread, a system event.
    func openTicket(_ size: TerminalSize) -> Grid { draw(openTicketState(size), size) }
    func openTicketState(_ size: TerminalSize) -> DeskState { Fixture.openState(Fixture.customer, size: size) }

    /// A customer's new-ticket form, on the kind field.
    func composer(_ size: TerminalSize) -> Grid { draw(composerState(size), size) }
    func composerState(_ size: TerminalSize) -> DeskState {
        var state = Fixture.state(Fixture.customer, size: size)
        var composer = ComposerState(kind: .newTicket, slot: .newTicket, subject: "Printer jams", body: "The tray jams\nevery morning.",
                                     fields: ["kind": "question", "urgency": "serious", "product": "Printers"])
        composer.field = .kind
        state.composer = composer
        state.focus = .composer
        return state
    }

    /// The help, as an agent sees it.
    func help(_ size: TerminalSize) -> Grid { draw(helpState(size), size) }
    func helpState(_ size: TerminalSize) -> DeskState {
        var state = Fixture.state(Fixture.agent, size: size)
        state.overlay = .help
        return state
    }

    /// The status menu over the open ticket, for two tagged tickets.
    func statusMenu(_ size: TerminalSize) -> Grid { draw(statusMenuState(size), size) }
    func statusMenuState(_ size: TerminalSize) -> DeskState {
        var state = Fixture.openState(Fixture.agent, size: size)
        state.tagged = [40: 1040, 39: 1039]
        state.overlay = .statusMenu(ticketNumber: BulkLimits.taggedTickets, options: [.open, .awaitingCustomer, .pending, .closed], selected: 1)
        return state
    }

    /// The command line: completing a view name, or saying what `assign` takes.
    func commandLine(_ size: TerminalSize) -> Grid { draw(commandLineState(size), size) }
    func commandLineState(_ size: TerminalSize) -> DeskState {
        var state = Fixture.state(Fixture.agent, size: size)
        if size.columns < 100 {
            state.commandLine = CommandLineState(text: "view active")
            state.commandLine!.completion = CommandCompletion(
                base: "view ", candidates: ["recent", "active", "mine", "open", "all"], index: 1, shownText: "view active")
        } else {
            state.commandLine = CommandLineState(text: "assign ")
        }
        return state
    }
}
