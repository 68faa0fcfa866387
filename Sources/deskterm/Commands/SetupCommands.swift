import ArgumentParser
import DeskModel
import Foundation

struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "init", abstract: .cli("Create an empty desk with its first admin.")) }

    @OptionGroup var global: GlobalOptions
    @Option(help: .cli("The desk's name.")) var name = "deskterm"
    @Option(help: .cli("Handle of the first admin.", valueName: "handle")) var admin: String?
    @Option(help: .cli("The admin's full name.")) var adminName: String?
    @Option(help: .cli("The admin's email.")) var adminEmail = ""
    @Option(help: .cli("Days a pending ticket may stay idle before it closes by itself.")) var autoCloseDays = 5

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
                    throw .cli("{path} already exists; init creates a new desk", ["path": .text(path)])
                }
            } else if (try? global.openStore(create: false)) != nil {
                // A database that already holds a desk keeps its settings and users.
                throw .cli("{address} already holds a desk; init creates a new desk", ["address": .text(address.description)])
            }
            if let admin, !Handles.isValid(admin) { throw .invalidHandle(admin) }
            let store = try global.openStore(create: true)
            try store.updateSettings(DeskSettings(name: name, autoCloseDays: days))
            if let admin {
                _ = try store.addUser(NewUser(handle: admin, name: adminName ?? admin, email: adminEmail, role: .admin))
            }
            say(.cli("Created desk {name} at {location}", ["name": .text(TextSafety.sanitizedLine(name)), "location": .text(store.location)]))
        }
    }
}

struct DemoCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "demo",
        abstract: .cli("Create a demo desk: organisations, customers, agents and tickets in five languages.")) }

    @OptionGroup var global: GlobalOptions
    @Option(help: .cli("Number of tickets (above 2000, or with --messages-per-ticket, the fast bulk generator is used).")) var tickets = 200
    @Option(help: .cli("Average messages per ticket (bulk generator).", valueName: "n")) var messagesPerTicket: Int?
    @Option(help: .cli("Seed of the generator: the same seed gives the same desk.")) var seed: UInt64 = 42
    @Option(help: .cli("End of the generated history (ISO 8601; default now).", valueName: "time")) var now: String?
    @Option(help: .cli("Give the last ticket a reply chain of this many messages, for `bench` (bulk generator).", valueName: "n")) var longThread: Int?

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
            guard tickets >= 1 && tickets <= 10_000_000 else { throw .cli("--tickets must be between 1 and {limit}", ["limit": .number(10_000_000)]) }
            if let messagesPerTicket, messagesPerTicket < 1 || messagesPerTicket > 1000 {
                throw .cli("--messages-per-ticket must be between 1 and {limit}", ["limit": .number(1000)])
            }
            if let longThread, longThread < 1 || longThread > 1_000_000 {
                throw .cli("--long-thread must be between 1 and {limit}", ["limit": .number(1_000_000)])
            }
            // The generators write a new desk file (SQLite); a PostgreSQL desk gets a copy of one.
            let address = try Self.address(global)
            let end = try now.map { text throws(DeskError) in try TimeArgument.parse(text) } ?? Date()
            guard let path = address.sqlitePath else {
                let report = try DemoOnPostgres.build(at: address) { path throws(DeskError) in
                    try generate(at: path, shownAs: address.description, tickets: tickets, seed: seed, end: end, messagesPerTicket: messagesPerTicket, longThread: longThread)
                }
                say(.cli("Copied the demo desk to {address} in {seconds} s", ["address": .text(TextSafety.sanitizedLine(address.description)), "seconds": .text(CommandLanguage.seconds(report.copySeconds ?? 0))]))
                return
            }
            if FileManager.default.fileExists(atPath: path) {
                throw .cli("{path} already exists; remove it or give another --db", ["path": .text(path)])
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
            say(.cli("Created desk at {path}: {organisations} organisations, {users} users, {tickets} tickets, {messages} messages in {seconds} s (longest thread: #{number})",
                     ["path": .text(TextSafety.sanitizedLine(shown)), "organisations": .quantity(Int64(summary.organisations)),
                      "users": .quantity(Int64(summary.users)), "tickets": .quantity(Int64(summary.tickets)), "messages": .quantity(Int64(summary.messages)),
                      "seconds": .text(CommandLanguage.seconds(Date().timeIntervalSince(started))),
                      "number": .number(summary.longestThreadTicket)]))
            if let chain = summary.longThreadTicket {
                say(.cli("Long reply chain: #{number} ({count} messages)", ["number": .number(chain), "count": .quantity(Int64(longThread ?? 0))]))
            }
            return
        }
        let summary = try DemoDesk.build(path: path, tickets: tickets, seed: seed, now: end)
        let path = PhraseArgument.text(TextSafety.sanitizedLine(shown))
        say(.cli("Created demo desk at {path}: {organisations} organisations, {users} users, {tickets} tickets",
                 ["path": path, "organisations": .quantity(Int64(summary.organisations)), "users": .quantity(Int64(summary.users)),
                  "tickets": .quantity(Int64(summary.tickets))]))
        say(.cli("Try: deskterm --db {path} --user alice list   (agents: alice, benoit, chiara, kenji; admin: sam)", ["path": path]))
    }
}

struct MaintainCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "maintain", abstract: .cli("Close pending tickets idle longer than the desk allows.")) }

    @OptionGroup var global: GlobalOptions
    @Option(help: .cli("Act as if it were this time (ISO 8601, e.g. 2026-12-01T09:00:00Z).", valueName: "time")) var now: String?

    func run() throws {
        let (global, now) = (self.global, self.now)
        try runReportingErrors { () throws(DeskError) in
            let time = try now.map { text throws(DeskError) in try TimeArgument.parse(text) } ?? Date()
            let store = try global.openStore(clock: .fixed(time))
            let closed = try store.autoCloseIdleTickets()
            if closed.isEmpty {
                say(.cli("No idle pending tickets"))
            } else {
                say(.cli(one: "Closed {count} idle pending ticket: {numbers}", other: "Closed {count} idle pending tickets: {numbers}", count: closed.count,
                         ["numbers": .text(closed.map { "#\($0)" }.joined(separator: ", "))]))
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
        throw .cli("'{text}' is not a time: use ISO 8601, e.g. 2026-12-01T09:00:00Z", ["text": .text(text)])
    }
}
