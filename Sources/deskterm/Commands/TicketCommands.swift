import ArgumentParser
import DeskModel
import Foundation

// The ticket commands. Each is one use case, run the same way from the command line and over
// SSH (`SSH/RemoteCommand.swift` lists the ones an SSH client may run). Their help leaves out
// the global options: those exist on the command line only, and `deskterm --help` lists them.

struct ListCommand: DeskCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tickets of a case view.")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(help: "recent, active, mine, open or all (default: active).") var view: CaseView?
    @Option(help: ArgumentHelp("One of your saved views (see `view list`); --filter narrows it further.", valueName: "name")) var saved: String?
    @Option(help: "created, updated or triage.") var sort: SortKey = .created
    @Flag(help: "Reverse the order (oldest first for times).") var oldestFirst = false
    @Option(help: "At most this many tickets (1 to 10000).") var limit = 50
    @Option(help: ArgumentHelp("Start after this ticket number (the last one of the previous page).", valueName: "number")) var after: Int64?
    @Option(help: ArgumentHelp(
        "Only tickets that pass these conditions, e.g. 'status:open urgency:>=serious assignee:me updated:<7d'.",
        valueName: "conditions")) var filter: String?
    @Option(help: "table or json.") var format: OutputFormat = .table

    /// `total` in JSON counts a filtered view up to here, and is left out beyond.
    static let filteredTotalCap = 100_000

    func run(in context: CommandContext) throws(DeskError) {
        guard limit >= 1 && limit <= 10_000 else { throw .invalidInput("--limit must be between 1 and 10000") }
        var conditions = try FilterInput.filter(filter)
        let desk = try context.desk()
        let (store, viewer) = (desk.store, desk.viewer)
        var view = self.view ?? .active
        var title = view.title
        if let saved {
            guard self.view == nil else { throw .invalidInput("--saved brings its own case view; leave out --view") }
            let savedView = try store.savedView(named: saved, viewer: viewer)
            view = savedView.view
            title = savedView.name
            conditions.clauses = try savedView.filter().clauses + conditions.clauses
        }
        let order = TicketOrder(key: sort, reversed: oldestFirst)
        var cursor: PageCursor?
        if let after {
            guard view != .recent else { throw .invalidInput("--after does not apply to the recent view") }
            // The cursor is the row itself as this view and order see it.
            cursor = PageCursor.at(try store.ticket(number: after, viewer: viewer), orderedBy: sort)
        }
        let request = PageRequest(view: view, order: order, cursor: cursor, limit: limit, filter: conditions)
        let page = try store.page(request, viewer: viewer)
        switch format {
        case .table:
            if page.rows.isEmpty {
                print(filter == nil ? "No tickets in \(title)" : "No tickets in \(title) pass \(filter ?? "")")
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
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a ticket and its threaded history.")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: "The ticket number (#1042 or 1042).") var number: TicketNumber
    @Option(help: "text or json.") var format: ShowFormat = .text

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
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Open a ticket.")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(help: "One line that says what it is about.") var subject: String
    @Option(help: "incident, serviceRequest or question.") var kind: TicketKind = .question
    @Option(help: "Product concerned.") var product = ""
    @Option(help: "Category.") var category = ""
    @Option(help: "Subcategory.") var subcategory = ""
    @Option(help: "none, low, serious or critical.") var urgency: Urgency = .none
    @Option(help: "portal or email.") var contact: ContactPreference = .portal
    @Option(help: ArgumentHelp("Open on behalf of this customer (agents).", valueName: "handle")) var requester: String?
    @Option(help: ArgumentHelp("The closed ticket this one continues.", valueName: "number")) var followUpOf: TicketNumber?
    @Option(help: ArgumentHelp("The description: a file, or - for standard input (over SSH: only -).", valueName: "path")) var bodyFile: String?
    @Flag(help: "Create it even if it looks like one of the requester's active tickets.") var force = false
    @Option(name: .customLong("watcher"), help: ArgumentHelp(
        "Someone who watches it from the start (repeatable; agents, and support contacts for colleagues).",
        valueName: "handle")) var watchers: [String] = []

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let body = try BodyInput.read(bodyFile, in: context)
        let ticket = try desk.store.createTicket(
            NewTicket(
                subject: subject, description: body, kind: kind, product: product,
                category: category, subcategory: subcategory, urgency: urgency,
                contact: contact, requesterHandle: requester, followUpOfNumber: followUpOf?.value,
                watcherHandles: watchers),
            by: desk.viewer, allowDuplicate: force)
        print("Created ticket #\(ticket.number)")
    }
}

struct ReplyCommand: DeskCommand {
    static let configuration = CommandConfiguration(commandName: "reply", abstract: "Reply to a ticket, or add an internal note.")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: "The ticket number.") var number: TicketNumber
    @Flag(help: "An internal note: agents only, never shown to customers.") var `internal` = false
    @Flag(help: "The reply asks the customer for information (awaiting customer).") var ask = false
    @Flag(help: "The reply proposes a solution (pending).") var solution = false
    @Option(help: ArgumentHelp("The message this one answers.", valueName: "message-id")) var inReplyTo: Int64?
    @Option(help: ArgumentHelp(
        "The text: a file, or - for standard input (the default when it is not a terminal; over SSH: only -).",
        valueName: "path")) var bodyFile: String?

    func validate() throws {
        if ask && solution { throw ValidationError("--ask and --solution exclude each other") }
    }

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let body = try BodyInput.read(bodyFile, in: context)
        let intent: ReplyIntent = ask ? .askCustomer : solution ? .proposeSolution : .plain
        let message = try desk.store.addMessage(
            NewMessage(ticketNumber: number.value, body: body, isInternal: `internal`, intent: intent, inReplyToID: inReplyTo),
            by: desk.viewer)
        let ticket = try desk.store.ticket(number: number.value, viewer: desk.viewer)
        let what = `internal` ? "Note \(message.id) added to" : "Reply \(message.id) sent to"
        print("\(what) #\(ticket.number) (\(ticket.status.label(for: desk.viewer.role).lowercased()))")
    }
}

struct StatusCommand: DeskCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Change a ticket's status.")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: "The ticket number.") var number: TicketNumber
    @Argument(help: "open, awaitingCustomer, pending or closed.") var status: TicketStatus

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let ticket = try desk.store.changeStatus(number: number.value, to: status, by: desk.viewer)
        print("#\(ticket.number) is now \(ticket.status.label(for: desk.viewer.role).lowercased())")
    }
}

struct AssignCommand: DeskCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Assign a ticket to an agent (agents only).")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: "The ticket number.") var number: TicketNumber
    @Argument(help: "The agent's handle, `me`, or `none` to unassign.") var handle: String

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let target: String? = switch handle {
        case "none": nil
        case "me": desk.viewer.user.handle
        default: handle
        }
        let ticket = try desk.store.assign(number: number.value, to: target, by: desk.viewer)
        print(target.map { "#\(ticket.number) assigned to \($0)" } ?? "#\(ticket.number) unassigned")
    }
}

struct WatchCommand: DeskCommand {
    static let configuration = CommandConfiguration(commandName: "watch", abstract: "Watch a ticket (yourself, or HANDLE for agents).")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: "The ticket number.") var number: TicketNumber
    @Argument(help: "Who watches (default: you).") var handle: String?

    func run(in context: CommandContext) throws(DeskError) {
        try WatchChange.apply(in: context, number: number, handle: handle, watching: true)
    }
}

struct UnwatchCommand: DeskCommand {
    static let configuration = CommandConfiguration(commandName: "unwatch", abstract: "Stop watching a ticket.")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: "The ticket number.") var number: TicketNumber
    @Argument(help: "Who stops watching (default: you).") var handle: String?

    func run(in context: CommandContext) throws(DeskError) {
        try WatchChange.apply(in: context, number: number, handle: handle, watching: false)
    }
}

enum WatchChange {
    static func apply(in context: CommandContext, number: TicketNumber, handle: String?, watching: Bool) throws(DeskError) {
        let desk = try context.desk()
        let who = handle ?? desk.viewer.user.handle
        try desk.store.setWatching(number: number.value, handle: who, watching: watching, by: desk.viewer)
        print("\(who) \(watching ? "watches" : "no longer watches") #\(number.value)")
    }
}

struct SearchCommand: DeskCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Full-text search over the tickets you may see.")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: "Words to find (accents optional; the last word matches as a prefix), and conditions like status:open assignee:me.") var query: String
    @Option(help: "At most this many tickets (1 to 1000).") var limit = 50
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run(in context: CommandContext) throws(DeskError) {
        guard limit >= 1 && limit <= 1000 else { throw .invalidInput("--limit must be between 1 and 1000") }
        let parsed = try FilterInput.query(query)
        let desk = try context.desk()
        let rows = try desk.store.search(parsed, viewer: desk.viewer, limit: limit)
        switch format {
        case .table:
            print(rows.isEmpty ? "No tickets match" : TicketListTable.render(rows, viewer: desk.viewer, now: Date(), width: OutputWidth.current(), language: desk.language))
        case .json:
            print(JSONOutput.encode(JSONOutput.TicketList(query: query, tickets: rows.map { JSONOutput.TicketRow($0, viewer: desk.viewer) })))
        }
    }
}
