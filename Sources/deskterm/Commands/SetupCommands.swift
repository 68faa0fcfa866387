import ArgumentParser
import DeskModel
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create an empty desk with its first admin.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The desk's name.") var name = "deskterm"
    @Option(help: ArgumentHelp("Handle of the first admin.", valueName: "handle")) var admin: String?
    @Option(help: "The admin's full name.") var adminName: String?
    @Option(help: "The admin's email.") var adminEmail = ""
    @Option(help: "Days a pending ticket may stay idle before it closes by itself.") var autoCloseDays = 5

    func run() throws {
        let (global, name, admin, adminName, adminEmail, days) = (self.global, self.name, self.admin, self.adminName, self.adminEmail, self.autoCloseDays)
        try runReportingErrors { () throws(DeskError) in
            let address = try global.deskAddress()
            if let path = address.sqlitePath {
                // An empty regular file holds nothing to lose, and reading commands send people here
                // ("an empty file, not a desk: create one with `deskterm init`").
                let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                let isEmptyFile = attributes?[.type] as? FileAttributeType == .typeRegular && (attributes?[.size] as? Int) == 0
                if FileManager.default.fileExists(atPath: path) && !isEmptyFile {
                    throw .invalidInput("\(path) already exists; init creates a new desk")
                }
            } else if (try? global.openStore(create: false)) != nil {
                // A database that already holds a desk keeps its settings and users.
                throw .invalidInput("\(address) already holds a desk; init creates a new desk")
            }
            if let admin, !Handles.isValid(admin) { throw .invalidHandle(admin) }
            let store = try global.openStore(create: true)
            try store.updateSettings(DeskSettings(name: name, autoCloseDays: days))
            if let admin {
                _ = try store.addUser(NewUser(handle: admin, name: adminName ?? admin, email: adminEmail, role: .admin))
            }
            print("Created desk \(TextSafety.sanitizedLine(name)) at \(store.location)")
        }
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo desk: organisations, customers, agents and tickets in five languages.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Number of tickets (above 2000, or with --messages-per-ticket, the fast bulk generator is used).") var tickets = 200
    @Option(help: ArgumentHelp("Average messages per ticket (bulk generator).", valueName: "n")) var messagesPerTicket: Int?
    @Option(help: "Seed of the generator: the same seed gives the same desk.") var seed: UInt64 = 42
    @Option(help: ArgumentHelp("End of the generated history (ISO 8601; default now).", valueName: "time")) var now: String?
    @Option(help: ArgumentHelp("Give the last ticket a reply chain of this many messages, for `bench` (bulk generator).", valueName: "n")) var longThread: Int?

    static func defaultPath() -> String {
        DeskPaths.dataDirectory(ProcessInfo.processInfo.environment).appendingPathComponent("demo.sqlite").path
    }

    /// --db, else the demo file: $DESKTERM_DB names the user's real desk, not the demo.
    static func address(_ global: GlobalOptions) throws(DeskError) -> DeskAddress {
        guard let db = global.db else { return .sqlite(path: defaultPath()) }
        return try DeskAddress(db)
    }

    func run() throws {
        let (global, tickets, seed, now, messagesPerTicket, longThread) = (self.global, self.tickets, self.seed, self.now, self.messagesPerTicket, self.longThread)
        try runReportingErrors { () throws(DeskError) in
            guard tickets >= 1 && tickets <= 10_000_000 else { throw .invalidInput("--tickets must be between 1 and 10000000") }
            if let messagesPerTicket, messagesPerTicket < 1 || messagesPerTicket > 1000 {
                throw .invalidInput("--messages-per-ticket must be between 1 and 1000")
            }
            if let longThread, longThread < 1 || longThread > 1_000_000 {
                throw .invalidInput("--long-thread must be between 1 and 1000000")
            }
            // The generators write a new desk file (SQLite); a PostgreSQL desk gets a copy of one.
            let address = try Self.address(global)
            let end = try now.map { text throws(DeskError) in try TimeArgument.parse(text) } ?? Date()
            guard let path = address.sqlitePath else {
                let report = try DemoOnPostgres.build(at: address) { path throws(DeskError) in
                    try generate(at: path, shownAs: address.description, tickets: tickets, seed: seed, end: end, messagesPerTicket: messagesPerTicket, longThread: longThread)
                }
                print(String(format: "Copied the demo desk to %@ in %.1fs", TextSafety.sanitizedLine(address.description), report.copySeconds ?? 0))
                return
            }
            if FileManager.default.fileExists(atPath: path) {
                throw .invalidInput("\(path) already exists; remove it or give another --db")
            }
            try generate(at: path, shownAs: path, tickets: tickets, seed: seed, end: end, messagesPerTicket: messagesPerTicket, longThread: longThread)
        }
    }

    /// Generates the desk into the SQLite file `path`; messages name the desk as `shown`.
    private func generate(
        at path: String, shownAs shown: String, tickets: Int, seed: UInt64, end: Date, messagesPerTicket: Int?, longThread: Int?
    ) throws(DeskError) {
        if tickets > 2000 || messagesPerTicket != nil || longThread != nil {
            let bar = ProgressBar()
            let started = Date()
            let summary = try BulkDesk.build(
                path: path, options: BulkDesk.Options(tickets: tickets, messagesPerTicket: messagesPerTicket ?? 5, seed: seed, now: end, longThread: longThread),
                progress: { bar.update(phase: $0.phase, done: $0.done, total: $0.total) })
            bar.finish()
            print(String(format: "Created desk at %@: %d organisations, %d users, %d tickets, %d messages in %.1fs (longest thread: #%lld)",
                         TextSafety.sanitizedLine(shown), summary.organisations, summary.users, summary.tickets, summary.messages,
                         Date().timeIntervalSince(started), summary.longestThreadTicket))
            if let chain = summary.longThreadTicket { print("Long reply chain: #\(chain) (\(longThread ?? 0) messages)") }
            return
        }
        let summary = try DemoDesk.build(path: path, tickets: tickets, seed: seed, now: end)
        print("Created demo desk at \(TextSafety.sanitizedLine(shown)): \(summary.organisations) organisations, \(summary.users) users, \(summary.tickets) tickets")
        print("Try: deskterm --db \(TextSafety.sanitizedLine(shown)) --user alice list   (agents: alice, benoit, chiara, kenji; admin: sam)")
    }
}

struct MaintainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintain", abstract: "Close pending tickets idle longer than the desk allows.")

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Act as if it were this time (ISO 8601, e.g. 2026-12-01T09:00:00Z).", valueName: "time")) var now: String?

    func run() throws {
        let (global, now) = (self.global, self.now)
        try runReportingErrors { () throws(DeskError) in
            let time = try now.map { text throws(DeskError) in try TimeArgument.parse(text) } ?? Date()
            let store = try global.openStore(clock: .fixed(time))
            let closed = try store.autoCloseIdleTickets()
            if closed.isEmpty {
                print("No idle pending tickets")
            } else {
                print("Closed \(closed.count) idle pending ticket\(closed.count == 1 ? "" : "s"): " + closed.map { "#\($0)" }.joined(separator: ", "))
            }
            // Mail waiting (new notifications, earlier failures now due) goes out too.
            if let desk = store as? Desk {
                let report = try MailOutCommands.deliveryPass(desk, limit: 500)
                if report.sent + report.failed > 0 { print(MailOutCommands.describe(report)) }
            }
        }
    }
}

enum TimeArgument {
    static func parse(_ text: String) throws(DeskError) -> Date {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate]
        if let date = formatter.date(from: text) { return date }
        throw .invalidInput("'\(text)' is not a time: use ISO 8601, e.g. 2026-12-01T09:00:00Z")
    }
}
