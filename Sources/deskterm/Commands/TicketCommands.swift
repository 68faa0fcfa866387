import ArgumentParser
import DeskModel
import Foundation

// The ticket commands. Each is one use case, run the same way from the command line and over
// SSH (`SSH/RemoteCommand.swift` lists the ones an SSH client may run). Their help leaves out
// the global options: those exist on the command line only, and `deskterm --help` lists them.

struct ListCommand: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: .cli("List the tickets of a case view.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(help: .cli("recent, active, mine, open or all (default: active).")) var view: CaseView?
    @Option(help: .cli("One of your saved views (see `view list`); --filter narrows it further.", valueName: "name")) var saved: String?
    @Option(help: .cli("created, updated or triage.")) var sort: SortKey = .created
    @Flag(help: .cli("Reverse the order (oldest first for times).")) var oldestFirst = false
    @Option(help: .cli("At most this many tickets (1 to 10000).")) var limit = 50
    @Option(help: .cli("Start after this ticket number (the last one of the previous page).", valueName: "number")) var after: Int64?
    @Option(help: .cli("Only tickets that pass these conditions, e.g. 'status:open urgency:>=serious assignee:me updated:<7d'.", valueName: "conditions")) var filter: String?
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    /// `total` in JSON counts a filtered view up to here, and is left out beyond.
    static let filteredTotalCap = 100_000

    func run(in context: CommandContext) throws(DeskError) {
        guard limit >= 1 && limit <= 10_000 else { throw .cli("--limit must be between 1 and {limit}", ["limit": .number(10_000)]) }
        var conditions = try FilterInput.filter(filter)
        let desk = try context.desk()
        let (store, viewer) = (desk.store, desk.viewer)
        var view = self.view ?? .active
        var title = view.title(in: desk.language)
        if let saved {
            guard self.view == nil else { throw .cli("--saved brings its own case view; leave out --view") }
            let savedView = try store.savedView(named: saved, viewer: viewer)
            view = savedView.view
            title = savedView.name
            conditions.clauses = try savedView.filter().clauses + conditions.clauses
        }
        let order = TicketOrder(key: sort, reversed: oldestFirst)
        var cursor: PageCursor?
        if let after {
            guard view != .recent else { throw .cli("--after does not apply to the recent view") }
            // The cursor is the row itself as this view and order see it.
            cursor = PageCursor.at(try store.ticket(number: after, viewer: viewer), orderedBy: sort)
        }
        let request = PageRequest(view: view, order: order, cursor: cursor, limit: limit, filter: conditions)
        let page = try store.page(request, viewer: viewer)
        switch format {
        case .table:
            if page.rows.isEmpty {
                say(filter.map { .cli("No tickets in {view} pass {conditions}", ["view": .text(title), "conditions": .text(TextSafety.sanitizedLine($0))]) }
                    ?? .cli("No tickets in {view}", ["view": .text(title)]))
            } else {
                print(TicketListTable.render(page.rows, viewer: viewer, now: Date(), width: OutputWidth.current(), language: desk.language))
            }
        case .json:
            let total: Int? = try conditions.isEmpty
                ? store.counts(viewer: viewer)[view]
                : store.count(request, viewer: viewer, upTo: Self.filteredTotalCap + 1)
            print(JSONOutput.encode(JSONOutput.TicketList(
                view: view.rawValue, saved: saved, sort: sort.rawValue, oldestFirst: oldestFirst, filter: filter,
                total: total.flatMap { $0 > Self.filteredTotalCap ? nil : $0 },
                tickets: page.rows.map { JSONOutput.TicketRow($0, viewer: viewer) })))
        }
    }
}

struct ShowCommand: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show", abstract: .cli("Show a ticket and its threaded history.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The ticket number (#1042 or 1042).")) var number: TicketNumber
    @Option(help: .cli("text or json.")) var format: ShowFormat = .text

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let detail = try desk.store.detail(number: number.value, viewer: desk.viewer)
        try desk.store.recordViewed(number: number.value, viewer: desk.viewer)
        switch format {
        case .text: print(TicketText.render(detail, viewer: desk.viewer, now: Date(), language: desk.language))
        case .json: print(JSONOutput.encode(JSONOutput.TicketOut(detail, viewer: desk.viewer)))
        }
    }
}

/// A ticket number as people write it: `1042` or `#1042`.
struct TicketNumber: ExpressibleByArgument {
    var value: Int64

    init?(argument: String) {
        let digits = argument.hasPrefix("#") ? String(argument.dropFirst()) : argument
        guard let value = Int64(digits), value > 0 else { return nil }
        self.value = value
    }
}

struct NewCommand: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "new", abstract: .cli("Open a ticket.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(help: .cli("One line that says what it is about.")) var subject: String
    @Option(help: .cli("incident, serviceRequest or question.")) var kind: TicketKind = .question
    @Option(help: .cli("Product concerned.")) var product = ""
    @Option(help: .cli("Category.")) var category = ""
    @Option(help: .cli("Subcategory.")) var subcategory = ""
    @Option(help: .cli("none, low, serious or critical.")) var urgency: Urgency = .none
    @Option(help: .cli("portal or email.")) var contact: ContactPreference = .portal
    @Option(help: .cli("Open on behalf of this customer (agents).", valueName: "handle")) var requester: String?
    @Option(help: .cli("The closed ticket this one continues.", valueName: "number")) var followUpOf: TicketNumber?
    @Option(help: .cli("The description: a file, or - for standard input (over SSH: only -).", valueName: "path")) var bodyFile: String?
    @Flag(help: .cli("Create it even if it looks like one of the requester's active tickets.")) var force = false
    @Option(name: .customLong("watcher"), help: .cli("Someone who watches it from the start (repeatable; agents, and support contacts for colleagues).", valueName: "handle")) var watchers: [String] = []
    @Option(help: .cli("The requester's account (organisation) it is filed under; by default their first.", valueName: "name")) var org: String?

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let body = try BodyInput.read(bodyFile, in: context)
        let ticket = try desk.store.createTicket(
            NewTicket(
                subject: subject, description: body, kind: kind, product: product,
                category: category, subcategory: subcategory, urgency: urgency,
                contact: contact, requesterHandle: requester, followUpOfNumber: followUpOf?.value,
                watcherHandles: watchers, organisationName: org),
            by: desk.viewer, allowDuplicate: force)
        say(.cli("Created ticket #{number}", ["number": .number(ticket.number)]))
    }
}

struct ReplyCommand: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "reply", abstract: .cli("Reply to a ticket, or add an internal note.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The ticket number.")) var number: TicketNumber
    @Flag(help: .cli("An internal note: agents only, never shown to customers.")) var `internal` = false
    @Flag(help: .cli("The reply asks the customer for information (awaiting customer).")) var ask = false
    @Flag(help: .cli("The reply proposes a solution (pending).")) var solution = false
    @Option(help: .cli("The message this one answers.", valueName: "message-id")) var inReplyTo: Int64?
    @Option(help: .cli("The text: a file, or - for standard input (the default when it is not a terminal; over SSH: only -).", valueName: "path")) var bodyFile: String?

    func validate() throws {
        if ask && solution { throw ValidationError(.cli("--ask and --solution exclude each other")) }
    }

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let body = try BodyInput.read(bodyFile, in: context)
        let intent: ReplyIntent = ask ? .askCustomer : solution ? .proposeSolution : .plain
        let message = try desk.store.addMessage(
            NewMessage(ticketNumber: number.value, body: body, isInternal: `internal`, intent: intent, inReplyToID: inReplyTo),
            by: desk.viewer)
        let ticket = try desk.store.ticket(number: number.value, viewer: desk.viewer)
        let arguments: [String: PhraseArgument] = [
            "id": .text("\(message.id)"), "number": .number(ticket.number),
            "status": .phrase(ticket.status.labelPhrase(for: desk.viewer.role, inSentence: true)),
        ]
        say(`internal` ? .cli("Note {id} added to #{number} ({status})", arguments) : .cli("Reply {id} sent to #{number} ({status})", arguments))
    }
}

struct StatusCommand: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "status", abstract: .cli("Change a ticket's status.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The ticket number.")) var number: TicketNumber
    @Argument(help: .cli("open, awaitingCustomer, pending or closed.")) var status: TicketStatus

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let ticket = try desk.store.changeStatus(number: number.value, to: status, by: desk.viewer)
        say(.cli("#{number} is now {status}", ["number": .number(ticket.number), "status": .phrase(ticket.status.labelPhrase(for: desk.viewer.role, inSentence: true))]))
    }
}

struct AssignCommand: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "assign", abstract: .cli("Assign a ticket to an agent (agents only).")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The ticket number.")) var number: TicketNumber
    @Argument(help: .cli("The agent's handle, `me`, or `none` to unassign.")) var handle: String

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let target: String? = switch handle {
        case "none": nil
        case "me": desk.viewer.user.handle
        default: handle
        }
        let ticket = try desk.store.assign(number: number.value, to: target, by: desk.viewer)
        let number = PhraseArgument.number(ticket.number)
        say(target.map { .cli("#{number} assigned to {handle}", ["number": number, "handle": .text($0)]) } ?? .cli("#{number} unassigned", ["number": number]))
    }
}

struct WatchCommand: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "watch", abstract: .cli("Watch a ticket (yourself, or HANDLE for agents).")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The ticket number.")) var number: TicketNumber
    @Argument(help: .cli("Who watches (default: you).")) var handle: String?

    func run(in context: CommandContext) throws(DeskError) {
        try WatchChange.apply(in: context, number: number, handle: handle, watching: true)
    }
}

struct UnwatchCommand: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "unwatch", abstract: .cli("Stop watching a ticket.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The ticket number.")) var number: TicketNumber
    @Argument(help: .cli("Who stops watching (default: you).")) var handle: String?

    func run(in context: CommandContext) throws(DeskError) {
        try WatchChange.apply(in: context, number: number, handle: handle, watching: false)
    }
}

enum WatchChange {
    static func apply(in context: CommandContext, number: TicketNumber, handle: String?, watching: Bool) throws(DeskError) {
        let desk = try context.desk()
        let who = handle ?? desk.viewer.user.handle
        try desk.store.setWatching(number: number.value, handle: who, watching: watching, by: desk.viewer)
        let arguments: [String: PhraseArgument] = ["handle": .text(who), "number": .number(number.value)]
        say(watching ? .cli("{handle} watches #{number}", arguments) : .cli("{handle} no longer watches #{number}", arguments))
    }
}

struct SearchCommand: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "search", abstract: .cli("Full-text search over the tickets you may see.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("Words to find (accents optional; the last word matches as a prefix), and conditions like status:open assignee:me.")) var query: String
    @Option(help: .cli("At most this many tickets (1 to 1000).")) var limit = 50
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run(in context: CommandContext) throws(DeskError) {
        guard limit >= 1 && limit <= 1000 else { throw .cli("--limit must be between 1 and {limit}", ["limit": .number(1000)]) }
        let parsed = try FilterInput.query(query)
        let desk = try context.desk()
        let rows = try desk.store.search(parsed, viewer: desk.viewer, limit: limit)
        switch format {
        case .table:
            print(rows.isEmpty ? String.cli("No tickets match") : TicketListTable.render(rows, viewer: desk.viewer, now: Date(), width: OutputWidth.current(), language: desk.language))
        case .json:
            print(JSONOutput.encode(JSONOutput.TicketList(query: query, tickets: rows.map { JSONOutput.TicketRow($0, viewer: desk.viewer) })))
        }
    }
}
