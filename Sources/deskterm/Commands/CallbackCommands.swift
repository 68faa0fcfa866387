import ArgumentParser
import DeskModel
import Foundation

// Call-back requests: a customer asks to be called about a ticket (request); agents list the
// open requests, take one and record what came of the call (take, done). Customers list and
// ask over SSH too; taking and recording stay with the desk's agents. The rules are the
// desk's (`Desk+Callbacks.swift`).

struct CallbackCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "callback", abstract: .cli("Call-back requests: customers ask to be called about a ticket; agents take them and record the outcome."),
        subcommands: [CallbackRequestCommand.self, CallbackList.self, CallbackShow.self, CallbackTake.self, CallbackDone.self],
        defaultSubcommand: CallbackList.self) }
}

struct CallbackRequestCommand: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "request", abstract: .cli("Ask to be called about a ticket that is not closed (business and enterprise plans).")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The ticket number.")) var number: TicketNumber
    @Option(help: .cli("The number to call (default: the one you gave last time).")) var phone: String?
    @Option(help: .cli("When to call, HH:MM-HH:MM (e.g. 14:00-16:00).")) var window: String
    @Option(help: .cli("Your time zone, an IANA name such as Europe/Paris.")) var zone: String
    @Option(help: .cli("A short note for the agent, or - to read it from standard input.")) var note: String?

    func run(in context: CommandContext) throws(DeskError) {
        let text = try note.map { value throws(DeskError) in value == "-" ? try BodyInput.read("-", in: context) : value } ?? ""
        let desk = try context.desk()
        let request = try desk.store.requestCallback(
            number: number.value, CallbackAsk(phone: phone, window: window, timeZone: zone, note: text), by: desk.viewer)
        say(.cli("Call-back requested on #{number}: {window} ({zone}) at {phone}", [
            "number": .number(request.ticketNumber), "window": .text(request.window.span),
            "zone": .text(request.window.timeZone), "phone": .text(TextSafety.sanitizedLine(request.phone)),
        ]))
    }
}

struct CallbackList: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "list", abstract: .cli("List call-back requests: agents see every open one, customers their own.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(help: .cli("open (requested or taken), requested, taken, done or all.")) var state = "open"
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run(in context: CommandContext) throws(DeskError) {
        let states = try CallbackOptions.states(state)
        let desk = try context.desk()
        let requests = try desk.store.callbacks(states: states, viewer: desk.viewer, limit: 10_000)
        switch format {
        case .json:
            print(JSONOutput.encode(requests.map(CallbackOutput.JSONRequest.init)))
        case .table:
            if requests.isEmpty { say(.cli("No call-back requests")); return }
            print(CallbackOutput.table(requests, language: desk.language, width: OutputWidth.current()))
        }
    }
}

struct CallbackShow: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "show", abstract: .cli("Show the call-back request of a ticket and where it stands.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The ticket number.")) var number: TicketNumber
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        guard let request = try desk.store.callback(number: number.value, viewer: desk.viewer) else {
            throw .refused(.cli("Ticket #{number} has no call-back request", ["number": .number(number.value)]))
        }
        switch format {
        case .json: print(JSONOutput.encode(CallbackOutput.JSONRequest(request)))
        case .table: print(CallbackOutput.text(of: request, language: desk.language))
        }
    }
}

struct CallbackTake: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "take", abstract: .cli("Take a ticket's open call-back request: you will make the call (agents).")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The ticket number.")) var number: TicketNumber

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let request = try desk.store.takeCallback(number: number.value, by: desk.viewer)
        say(.cli("Call-back on #{number} taken: call {phone}, {window} ({zone})", [
            "number": .number(request.ticketNumber), "phone": .text(TextSafety.sanitizedLine(request.phone)),
            "window": .text(request.window.span), "zone": .text(request.window.timeZone),
        ]))
    }
}

struct CallbackDone: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "done", abstract: .cli("Record what came of a call (agents): reached, no-answer, or rescheduled with a new window.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The ticket number.")) var number: TicketNumber
    @Option(help: .cli("reached, no-answer or rescheduled.")) var outcome: String
    @Option(help: .cli("The new window of a rescheduled call, HH:MM-HH:MM.")) var window: String?
    @Option(help: .cli("The new window's time zone (default: the request's).")) var zone: String?
    @Option(help: .cli("An internal note about the call (never shown to the customer), or - for standard input.")) var note: String?

    func run(in context: CommandContext) throws(DeskError) {
        guard let outcome = CallbackOutcome(lenient: outcome) else {
            throw .refused(.cli("unknown outcome '{outcome}' (outcomes: {accepted})", ["outcome": .text(outcome), "accepted": .text(CallbackOutcome.spellings)]))
        }
        let text = try note.map { value throws(DeskError) in value == "-" ? try BodyInput.read("-", in: context) : value } ?? ""
        let desk = try context.desk()
        let request = try desk.store.recordCallback(
            number: number.value, CallbackReport(outcome: outcome, window: window, timeZone: zone, note: text), by: desk.viewer)
        say(.cli("Call-back on #{number}: {outcome}, now {state}", [
            "number": .number(request.ticketNumber), "outcome": .phrase(outcome.labelPhrase), "state": .phrase(request.state.labelPhrase),
        ]))
    }
}

enum CallbackOptions {
    static func states(_ text: String) throws(DeskError) -> Set<CallbackState> {
        switch text.lowercased() {
        case "open": return CallbackState.open
        case "all", "any": return Set(CallbackState.allCases)
        default:
            guard let state = CallbackState(rawValue: text.lowercased()) else {
                throw .refused(.cli("unknown state '{state}' (states: open, requested, taken, done, all)", ["state": .text(text)]))
            }
            return [state]
        }
    }
}

// Customers ask for and follow their own requests over SSH; nothing here reads a server file
// (a note comes from the argument or standard input).
extension CallbackRequestCommand: RemoteDeskCommand { var sshRefusal: Phrase? { nil } }
extension CallbackList: RemoteDeskCommand { var sshRefusal: Phrase? { nil } }
extension CallbackShow: RemoteDeskCommand { var sshRefusal: Phrase? { nil } }
