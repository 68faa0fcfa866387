import ArgumentParser
import DeskModel
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tickets of a case view.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "recent, active, mine, open or all.") var view: CaseView = .active
    @Option(help: "created, updated or triage.") var sort: SortKey = .created
    @Flag(help: "Reverse the order (oldest first for times).") var oldestFirst = false
    @Option(help: "At most this many tickets.") var limit = 50
    @Option(help: ArgumentHelp("Start after this ticket number (the last one of the previous page).", valueName: "number")) var after: Int64?
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            guard command.limit >= 1 && command.limit <= 10_000 else { throw .invalidInput("--limit must be between 1 and 10000") }
            let store = try command.global.openStore()
            let viewer = try command.global.viewer(in: store)
            let order = TicketOrder(key: command.sort, reversed: command.oldestFirst)
            var cursor: PageCursor?
            if let after = command.after {
                guard command.view != .recent else { throw .invalidInput("--after does not apply to the recent view") }
                // The cursor is the row itself as this view and order see it.
                let ticket = try store.ticket(number: after, viewer: viewer)
                let value: Int64 = switch command.sort {
                case .created: Int64(ticket.createdAt.timeIntervalSince1970)
                case .updated: Int64(ticket.updatedAt.timeIntervalSince1970)
                case .triage: ticket.triageKey
                }
                cursor = PageCursor(sortValue: value, ticketID: ticket.id)
            }
            let page = try store.page(PageRequest(view: command.view, order: order, cursor: cursor, limit: command.limit), viewer: viewer)
            switch command.format {
            case .table:
                if page.rows.isEmpty {
                    print("No tickets in \(command.view.title)")
                } else {
                    print(TicketListTable.render(page.rows, viewer: viewer, now: Date(), width: OutputWidth.current()))
                }
            case .json:
                let total = try store.counts(viewer: viewer)[command.view]
                print(JSONOutput.encode(JSONOutput.TicketList(
                    view: command.view.rawValue, sort: command.sort.rawValue, oldestFirst: command.oldestFirst, total: total,
                    tickets: page.rows.map { JSONOutput.TicketRow($0, viewer: viewer) })))
            }
        }
    }
}

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a ticket and its threaded history.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ticket number (#1042 or 1042).") var number: TicketNumber
    @Option(help: "text or json.") var format: ShowFormat = .text

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            let viewer = try command.global.viewer(in: store)
            let detail = try store.detail(number: command.number.value, viewer: viewer)
            try store.recordViewed(number: command.number.value, viewer: viewer)
            switch command.format {
            case .text: print(TicketText.render(detail, viewer: viewer, now: Date()))
            case .json: print(JSONOutput.encode(JSONOutput.TicketOut(detail, viewer: viewer)))
            }
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

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Open a ticket.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "One line that says what it is about.") var subject: String
    @Option(help: "incident, serviceRequest or question.") var kind: TicketKind = .question
    @Option(help: "Product concerned.") var product = ""
    @Option(help: "Category.") var category = ""
    @Option(help: "Subcategory.") var subcategory = ""
    @Option(help: "none, low, serious or critical.") var urgency: Urgency = .none
    @Option(help: "portal or email.") var contact: ContactPreference = .portal
    @Option(help: ArgumentHelp("Open on behalf of this customer (agents).", valueName: "handle")) var requester: String?
    @Option(help: ArgumentHelp("The closed ticket this one continues.", valueName: "number")) var followUpOf: TicketNumber?
    @Option(help: ArgumentHelp("The description: a file, or - for standard input.", valueName: "path")) var bodyFile: String?
    @Flag(help: "Create it even if it looks like one of the requester's active tickets.") var force = false

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            let viewer = try command.global.viewer(in: store)
            let body = try BodyInput.read(command.bodyFile)
            let ticket = try store.createTicket(
                NewTicket(
                    subject: command.subject, description: body, kind: command.kind, product: command.product,
                    category: command.category, subcategory: command.subcategory, urgency: command.urgency,
                    contact: command.contact, requesterHandle: command.requester, followUpOfNumber: command.followUpOf?.value),
                by: viewer, allowDuplicate: command.force)
            print("Created ticket #\(ticket.number)")
        }
    }
}

struct ReplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reply", abstract: "Reply to a ticket, or add an internal note.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ticket number.") var number: TicketNumber
    @Flag(help: "An internal note: agents only, never shown to customers.") var `internal` = false
    @Flag(help: "The reply asks the customer for information (awaiting customer).") var ask = false
    @Flag(help: "The reply proposes a solution (pending).") var solution = false
    @Option(help: ArgumentHelp("The message this one answers.", valueName: "message-id")) var inReplyTo: Int64?
    @Option(help: ArgumentHelp("The text: a file, or - for standard input (the default when it is not a terminal).", valueName: "path")) var bodyFile: String?

    func validate() throws {
        if ask && solution { throw ValidationError("--ask and --solution exclude each other") }
    }

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            let viewer = try command.global.viewer(in: store)
            let body = try BodyInput.read(command.bodyFile)
            let intent: ReplyIntent = command.ask ? .askCustomer : command.solution ? .proposeSolution : .plain
            let message = try store.addMessage(
                NewMessage(ticketNumber: command.number.value, body: body, isInternal: command.internal, intent: intent,
                           inReplyToID: command.inReplyTo),
                by: viewer)
            let ticket = try store.ticket(number: command.number.value, viewer: viewer)
            let what = command.internal ? "Note \(message.id) added to" : "Reply \(message.id) sent to"
            print("\(what) #\(ticket.number) (\(ticket.status.label(for: viewer.role).lowercased()))")
        }
    }
}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Change a ticket's status.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ticket number.") var number: TicketNumber
    @Argument(help: "open, awaitingCustomer, pending or closed.") var status: TicketStatus

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            let viewer = try command.global.viewer(in: store)
            let ticket = try store.changeStatus(number: command.number.value, to: command.status, by: viewer)
            print("#\(ticket.number) is now \(ticket.status.label(for: viewer.role).lowercased())")
        }
    }
}

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Assign a ticket to an agent (agents only).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ticket number.") var number: TicketNumber
    @Argument(help: "The agent's handle, `me`, or `none` to unassign.") var handle: String

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            let viewer = try command.global.viewer(in: store)
            let target: String? = switch command.handle {
            case "none": nil
            case "me": viewer.user.handle
            default: command.handle
            }
            let ticket = try store.assign(number: command.number.value, to: target, by: viewer)
            print(target.map { "#\(ticket.number) assigned to \($0)" } ?? "#\(ticket.number) unassigned")
        }
    }
}

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "watch", abstract: "Watch a ticket (yourself, or HANDLE for agents).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ticket number.") var number: TicketNumber
    @Argument(help: "Who watches (default: you).") var handle: String?

    func run() throws {
        try WatchChange.apply(global: global, number: number, handle: handle, watching: true)
    }
}

struct UnwatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unwatch", abstract: "Stop watching a ticket.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ticket number.") var number: TicketNumber
    @Argument(help: "Who stops watching (default: you).") var handle: String?

    func run() throws {
        try WatchChange.apply(global: global, number: number, handle: handle, watching: false)
    }
}

enum WatchChange {
    static func apply(global: GlobalOptions, number: TicketNumber, handle: String?, watching: Bool) throws {
        try runReportingErrors { () throws(DeskError) in
            let store = try global.openStore()
            let viewer = try global.viewer(in: store)
            let who = handle ?? viewer.user.handle
            try store.setWatching(number: number.value, handle: who, watching: watching, by: viewer)
            print("\(who) \(watching ? "watches" : "no longer watches") #\(number.value)")
        }
    }
}

struct AttachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "attach", abstract: "Attach a file to a ticket.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ticket number.") var number: TicketNumber
    @Argument(help: "The file to attach.") var file: String
    @Option(help: "Media type (default: guessed from the name).") var type: String?

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            let viewer = try command.global.viewer(in: store)
            let limit = try store.settings().attachmentLimit
            let attributes = try? FileManager.default.attributesOfItem(atPath: command.file)
            guard let attributes, (attributes[.type] as? FileAttributeType) == .typeRegular else {
                throw .invalidInput("Cannot read \(command.file): not a readable file")
            }
            // Refuse before reading a file that could never fit.
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            if size > limit { throw .attachmentTooLarge(name: (command.file as NSString).lastPathComponent, size: size, limit: limit) }
            guard let data = FileManager.default.contents(atPath: command.file) else {
                throw .invalidInput("Cannot read \(command.file)")
            }
            let name = (command.file as NSString).lastPathComponent
            let attachment = try store.attach(
                number: command.number.value, name: name, mediaType: command.type ?? MediaTypes.guess(name), data: data, by: viewer)
            print("Attached \(TextSafety.sanitizedLine(attachment.name)) (\(attachment.size) bytes, sha256 \(attachment.sha256)) to #\(command.number.value)")
        }
    }
}

enum MediaTypes {
    static func guess(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "txt", "log": "text/plain"
        case "csv": "text/csv"
        case "json": "application/json"
        case "pdf": "application/pdf"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "zip": "application/zip"
        case "html", "htm": "text/html"
        default: "application/octet-stream"
        }
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Full-text search over the tickets you may see.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Words to find (accents optional; the last word matches as a prefix).") var query: String
    @Option(help: "At most this many tickets.") var limit = 50
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            guard command.limit >= 1 && command.limit <= 1000 else { throw .invalidInput("--limit must be between 1 and 1000") }
            let store = try command.global.openStore()
            let viewer = try command.global.viewer(in: store)
            let rows = try store.search(command.query, viewer: viewer, limit: command.limit)
            switch command.format {
            case .table:
                print(rows.isEmpty ? "No tickets match" : TicketListTable.render(rows, viewer: viewer, now: Date(), width: OutputWidth.current()))
            case .json:
                print(JSONOutput.encode(JSONOutput.TicketList(query: command.query, tickets: rows.map { JSONOutput.TicketRow($0, viewer: viewer) })))
            }
        }
    }
}
