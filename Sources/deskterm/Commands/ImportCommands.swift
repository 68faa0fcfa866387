import ArgumentParser
import DeskModel
import Foundation

struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "import",
        abstract: .cli("Bring support history in: mbox files, maildirs, JSON conversations, CSV ticket exports (admins)."),
        discussion: .cli("Importing the same input twice adds nothing. Messages that cannot be read are skipped and listed; the import goes on."),
        subcommands: [ImportMboxCommand.self, ImportMaildirCommand.self, ImportJSONCommand.self, ImportCSVCommand.self]) }
}

/// Options every import takes.
struct ImportSettingsOptions: ParsableArguments {
    @Option(name: .customLong("agent"), help: .cli("This sender answers for the desk (repeatable): a mail address, or an author name in JSON.", valueName: "address"))
    var agents: [String] = []

    @Option(name: .customLong("org"), help: .cli("Organisation of customers without a mail domain (or of all, with --no-org-from-domain).", valueName: "name"))
    var organisation = "Imported customers"

    @Option(help: .cli("Plan of the organisations the import creates.")) var orgPlan: Plan = .pro
    @Option(help: .cli("Support tier of the organisations the import creates.")) var orgTier: SupportTier = .standard
    @Option(help: .cli("Kind of the tickets created.")) var kind: TicketKind = .serviceRequest

    @Option(help: .cli("A thread whose last message is older than this many days is closed.", valueName: "days"))
    var closedAfter = 30

    @Option(help: .cli("Age threads as if it were this time (ISO 8601).", valueName: "time"))
    var now: String?

    @Option(help: .cli("Messages per transaction.", valueName: "count"))
    var batchSize = 10_000

    @Option(help: .cli("text or json.")) var format: ShowFormat = .text

    @Flag(help: .cli("No progress bar, even on a terminal.")) var noProgress = false

    func validate() throws {
        guard (0...36_500).contains(closedAfter) else { throw ValidationError(.cli("--closed-after takes a number of days from 0 to {limit}", ["limit": .number(36_500)])) }
        guard batchSize >= 1 && batchSize <= 1_000_000 else { throw ValidationError(.cli("--batch-size must be between 1 and {limit}", ["limit": .number(1_000_000)])) }
    }

    func importOptions(agentDomains: [String] = [], organisationsFromDomains: Bool = true, fieldMap: [String: String] = [:]) throws(DeskError) -> ImportOptions {
        let time = try now.map { text throws(DeskError) in try TimeArgument.parse(text) }
        return ImportOptions(
            agentDomains: agentDomains, agentAddresses: agents, organisationsFromDomains: organisationsFromDomains,
            defaultOrganisation: organisation, organisationPlan: orgPlan, organisationTier: orgTier, kind: kind,
            closeAfterDays: closedAfter, batchSize: batchSize, fieldMap: fieldMap, now: time)
    }
}

/// Options only mail imports have (mbox and maildir).
struct MailImportOptions: ParsableArguments {
    @Option(name: .customLong("agent-domain"), help: .cli("Senders at this domain answer for the desk (repeatable).", valueName: "domain"))
    var agentDomains: [String] = []
    @Flag(inversion: .prefixedNo, help: .cli("Put customers in an organisation named after their mail domain."))
    var orgFromDomain = true
}

struct ImportMboxCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "mbox", abstract: .cli("Import mbox files: one ticket per thread, each message a reply.")) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("mbox files.")) var paths: [String]
    @OptionGroup var mail: MailImportOptions
    @OptionGroup var settings: ImportSettingsOptions

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let options = try command.settings.importOptions(agentDomains: command.mail.agentDomains, organisationsFromDomains: command.mail.orgFromDomain)
            try ImportRun.requireFiles(command.paths)
            let store = try ImportRun.openStore(command.global)
            try ImportRun.perform(command.paths, settings: command.settings) { progress throws(DeskError) in
                try DeskImport.mbox(command.paths, into: store, options: options, progress: progress)
            }
        }
    }
}

struct ImportMaildirCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "maildir", abstract: .cli("Import maildirs (cur/ and new/, Maildir++ subfolders too).")) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("Maildir folders.")) var directories: [String]
    @OptionGroup var mail: MailImportOptions
    @OptionGroup var settings: ImportSettingsOptions

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let options = try command.settings.importOptions(agentDomains: command.mail.agentDomains, organisationsFromDomains: command.mail.orgFromDomain)
            for directory in command.directories where Maildir.messageFiles(in: directory) == nil {
                throw .cli("{path} is not a maildir: it has no cur/ or new/ folder", ["path": .text(directory)])
            }
            let store = try ImportRun.openStore(command.global)
            try ImportRun.perform(command.directories, settings: command.settings) { progress throws(DeskError) in
                try DeskImport.maildir(command.directories, into: store, options: options, progress: progress)
            }
        }
    }
}

struct ImportJSONCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "json", abstract: .cli("Import conversations, one JSON object per line (see the README for the format).")) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("JSON Lines files.")) var paths: [String]
    @Option(name: .customLong("map"), help: .cli("Read a field from another name: TARGET=SOURCE, e.g. product=company or turn.id=tweet_id (repeatable).", valueName: "target=source"))
    var mappings: [String] = []
    @OptionGroup var settings: ImportSettingsOptions

    static let targets: Set<String> = [
        "id", "subject", "organisation", "requester", "product", "category", "subcategory", "kind", "started", "duration", "turns",
        "turn.id", "turn.role", "turn.author", "turn.name", "turn.email", "turn.time", "turn.text", "turn.inReplyTo",
    ]

    func validate() throws {
        for mapping in mappings {
            let parts = mapping.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else { throw ValidationError(.cli("--map takes TARGET=SOURCE, not '{mapping}'", ["mapping": .text(mapping)])) }
            guard Self.targets.contains(parts[0]) else {
                throw ValidationError(.cli("--map: unknown field '{field}'; fields: {fields}", ["field": .text(parts[0]), "fields": .text(Self.targets.sorted().joined(separator: ", "))]))
            }
        }
    }

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            var map: [String: String] = [:]
            for mapping in command.mappings {
                let parts = mapping.split(separator: "=", maxSplits: 1).map(String.init)
                map[parts[0]] = parts[1]
            }
            let options = try command.settings.importOptions(fieldMap: map)
            try ImportRun.requireFiles(command.paths)
            let store = try ImportRun.openStore(command.global)
            try ImportRun.perform(command.paths, settings: command.settings) { progress throws(DeskError) in
                try DeskImport.json(command.paths, into: store, options: options, progress: progress)
            }
        }
    }
}

enum ImportRun {
    /// Runs one import with a progress bar on a terminal, then prints its summary.
    static func perform(
        _ what: [String], settings: ImportSettingsOptions,
        _ body: (DeskImport.ProgressHandler?) throws(DeskError) -> ImportSummary
    ) throws(DeskError) {
        let bar = ProgressBar(enabled: !settings.noProgress)
        // No handler when nothing is drawn: a CSV import would read its files once more to count rows.
        let draw: DeskImport.ProgressHandler = { progress in
            let phase = progress.rebuilding.map(ProgressWords.phase) ?? String.cli("importing {unit}", ["unit": .text(progress.unit)])
            bar.update(phase: phase, done: progress.done, total: progress.total)
        }
        let summary = try body(bar.isEnabled ? draw : nil)
        bar.finish()
        report(summary, what: what, format: settings.format)
    }

    static func requireFiles(_ paths: [String]) throws(DeskError) {
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .cli("No file at {path}", ["path": .text(path)]) }
            if isDirectory.boolValue { throw .cli("{path} is a folder; give a file", ["path": .text(path)]) }
            guard FileManager.default.isReadableFile(atPath: path) else { throw .cli("Cannot read {path}", ["path": .text(path)]) }
        }
    }

    /// The desk, created when the file does not exist yet; only admins import when --user is given.
    static func openStore(_ global: GlobalOptions) throws(DeskError) -> any DeskStore {
        let store = try global.openStore(create: true)
        try global.requireAdminIfNamed(in: store)
        return store
    }

    static func report(_ summary: ImportSummary, what: [String], format: ShowFormat) {
        switch format {
        case .json:
            print(JSONOutput.encode(summary))
        case .text:
            let names = what.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
            print(ImportSummaryText.lines(summary, names: names).joined(separator: "\n"))
        }
    }
}

struct ExportCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "export", abstract: .cli("Write tickets out in other formats."), subcommands: [ExportMboxCommand.self]) }
}

struct ExportMboxCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "mbox",
        abstract: .cli("Write tickets as a standard mbox, threads kept through Message-ID and In-Reply-To.")) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("Ticket numbers.")) var numbers: [TicketNumber]
    @Option(name: [.short, .long], help: .cli("Write to this file instead of standard output.", valueName: "path"))
    var output: String?
    @Flag(name: .customLong("internal"), help: .cli("Include internal notes (agents), marked X-Deskterm-Internal-Note."))
    var includeInternal = false

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            let viewer = try command.global.viewer(in: store)
            if command.includeInternal && !viewer.isStaff { throw .forbidden(.cli("only agents export internal notes")) }
            var tickets: [ExportedTicket] = []
            for number in command.numbers { tickets.append(try store.exportTicket(number: number.value, viewer: viewer)) }
            let mbox = MboxExport.render(tickets, includeInternalNotes: command.includeInternal)
            if let path = command.output {
                do {
                    try Data(mbox.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                } catch {
                    throw .cli("Cannot write {path}: {reason}", ["path": .text(path), "reason": .text(error.localizedDescription)])
                }
            } else if isatty(STDOUT_FILENO) != 0 {
                // Mail text never reaches a terminal raw; redirect to keep the bytes exact.
                print(TextSafety.sanitizedBlock(mbox), terminator: "")
            } else {
                FileHandle.standardOutput.write(Data(mbox.utf8))
            }
        }
    }
}
