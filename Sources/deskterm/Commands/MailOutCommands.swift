import ArgumentParser
import DeskModel
import Foundation

/// `deskterm mail deliver|queue|notify`: the outbox and what each user wants mailed to them.
enum MailOutCommands {
    static let subcommands: [any ParsableCommand.Type] = [MailDeliverCommand.self, MailQueueCommand.self, MailNotifyCommand.self]

    /// The desk itself (delivery is a `Desk` use case, not a screen's).
    static func openDesk(_ global: GlobalOptions, clock: DeskClock = .system) throws(DeskError) -> Desk {
        try Desk.open(try global.deskAddress(), clock: clock, busyTimeout: global.waitForBusyDesk)
    }

    /// One delivery pass through the desk's sendmail command, `parallel` commands at once.
    static func deliveryPass(
        _ desk: Desk, limit: Int, parallel: Int = Desk.defaultMailParallel, timeout: TimeInterval = SendmailPipe.defaultTimeout
    ) throws(DeskError) -> MailDeliveryReport {
        let pipe = SendmailPipe(command: try desk.sendmailCommand(), timeout: timeout)
        return try desk.deliverDueMail(limit: limit, parallel: parallel) { mail in pipe.send(mail.data) }
    }

    static func describe(_ report: MailDeliveryReport) -> String {
        Phrase.cli(one: "Delivered {count} mail", other: "Delivered {count} mails", count: report.sent).shown
            + (report.failed > 0 ? Phrase.cli(one: ", {count} failed (kept for a later attempt)", other: ", {count} failed (kept for a later attempt)",
                                              count: report.failed).shown : "")
    }
}

struct MailDeliverCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "deliver", abstract: .cli("Hand the outbox's due mail to the mail system (mail.sendmail)."),
        discussion: .cli("Without --once, keeps delivering until interrupted, looking for due mail every --interval seconds. A mail is marked sent only when the command exits with status 0; otherwise it is retried after 1 minute, 2, 4... up to an hour, with its error kept (deskterm mail queue).")) }

    @OptionGroup var global: GlobalOptions
    @Flag(help: .cli("One pass over the due mail, then exit.")) var once = false
    @Option(help: .cli("At most this many mails per pass.")) var limit = 500
    @Option(help: .cli("Seconds between passes when nothing is due (without --once).")) var interval: Double = 10
    @Option(help: .cli("How many mails are handed to the mail system at once (1 to 32).")) var parallel = Desk.defaultMailParallel
    @Option(help: .cli("Seconds a mail system command may take before it is stopped and its mail kept for later.")) var timeout: Double = SendmailPipe.defaultTimeout

    func validate() throws {
        guard limit > 0 else { throw ValidationError(.cli("--limit must be at least 1")) }
        guard (1...Desk.maximumMailParallel).contains(parallel) else { throw ValidationError(.cli("--parallel must be between 1 and 32")) }
        guard interval > 0 else { throw ValidationError(.cli("--interval must be positive")) }
        guard timeout > 0 else { throw ValidationError(.cli("--timeout must be positive")) }
        // A command still running when its mail's claim ends lets another deliverer send it too.
        guard timeout < Desk.mailClaimLease else {
            throw ValidationError(.cli("--timeout must be less than {seconds} seconds, the time a mail stays claimed by its deliverer",
                                       ["seconds": .number(Int64(Desk.mailClaimLease))]))
        }
    }

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let desk = try MailOutCommands.openDesk(command.global)
            if command.once {
                print(MailOutCommands.describe(try MailOutCommands.deliveryPass(desk, limit: command.limit, parallel: command.parallel, timeout: command.timeout)))
                return
            }
            while true {
                let report = try MailOutCommands.deliveryPass(desk, limit: command.limit, parallel: command.parallel, timeout: command.timeout)
                if report.sent + report.failed > 0 {
                    print(MailOutCommands.describe(report))
                    fflush(nil)
                }
                // A full pass may have left more due mail: go on at once.
                if report.sent + report.failed < command.limit { usleep(useconds_t(command.interval * 1_000_000)) }
            }
        }
    }
}

struct MailQueueCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "queue", abstract: .cli("List the outbox: mail waiting or failing (--all: sent mail too). Agents and admins.")) }

    @OptionGroup var global: GlobalOptions
    @Flag(help: .cli("Sent mail too.")) var all = false
    @Option(help: .cli("At most this many, newest first.")) var limit = 50

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let desk = try MailOutCommands.openDesk(command.global)
            let viewer = try command.global.viewer(in: desk)
            let entries = try desk.mailQueue(viewer: viewer, limit: command.limit, unsentOnly: !command.all)
            if entries.isEmpty {
                say(command.all ? .cli("The outbox is empty") : .cli("No mail waiting"))
                return
            }
            let formatter = ISO8601DateFormatter()
            let table = TextTable(
                columns: [
                    TextTable.Column(title: .cli("ID", context: "column title"), priority: 0, minWidth: 2, alignRight: true),
                    TextTable.Column(title: .cli("TICKET", context: "column title"), priority: 1, minWidth: 6),
                    TextTable.Column(title: .cli("TO", context: "column title"), priority: 0, minWidth: 10),
                    TextTable.Column(title: .cli("EVENT", context: "column title"), priority: 2, minWidth: 5),
                    TextTable.Column(title: .cli("STATE", context: "column title"), priority: 0, minWidth: 6),
                    TextTable.Column(title: .cli("TRIES", context: "column title"), priority: 3, minWidth: 5, alignRight: true),
                    TextTable.Column(title: .cli("NEXT", context: "column title"), priority: 4, minWidth: 4),
                    TextTable.Column(title: .cli("ERROR", context: "column title"), priority: 5, minWidth: 10, flexible: true),
                ],
                rows: entries.map { entry in
                    [
                        String(entry.id), entry.ticketNumber.map { "#\($0)" } ?? "-", entry.recipient, entry.event,
                        entry.sentAt.map { String.cli("sent {time}", context: "outbox state", ["time": .text(formatter.string(from: $0))]) }
                            ?? String.cli("queued", context: "outbox state"), String(entry.attempts),
                        entry.sentAt == nil ? formatter.string(from: entry.nextAttemptAt) : "-", entry.lastError ?? "",
                    ].map(TextSafety.sanitizedLine)
                })
            print(table.render(width: OutputWidth.current()))
        }
    }
}

struct MailNotifyCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "notify", abstract: .cli("Show or change which notifications you receive by mail."),
        discussion: .cli("deskterm mail notify EVENT on|off. Customers: created, reply, actionRequired, solutionProposed, closed (on by default where the ticket prefers e-mail, off where it prefers the portal). Staff: newTicket, customerReply (tickets assigned to you or that you watch), reply, actionRequired, solutionProposed, closed (on by default).")) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("The event to change.")) var event: String?
    @Argument(help: .cli("on or off.")) var setting: String?

    func validate() throws {
        if (event == nil) != (setting == nil) { throw ValidationError(.cli("Give an event and on or off, or nothing to list")) }
        if let event, MailNotificationEvent(rawValue: event) == nil {
            throw ValidationError(.cli("Unknown event '{event}' (events: {events})",
                                       ["event": .text(event), "events": .text(MailNotificationEvent.allCases.map(\.rawValue).joined(separator: ", "))]))
        }
        if let setting, !["on", "off"].contains(setting) { throw ValidationError(.cli("Say on or off")) }
    }

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let desk = try MailOutCommands.openDesk(command.global)
            let viewer = try command.global.viewer(in: desk)
            if let name = command.event, let event = MailNotificationEvent(rawValue: name) {
                try desk.setMailPreference(event, wanted: command.setting == "on", viewer: viewer)
            }
            for (event, wanted) in try desk.mailPreferences(viewer: viewer) {
                // "on" and "off" are the words the command takes, so they stay as typed.
                let state = wanted.map { $0 ? "on" : "off" }
                    ?? (viewer.isStaff ? String.cli("on (default)") : String.cli("as the ticket prefers (default)"))
                print("\(event.rawValue): \(state)")
            }
        }
    }
}
