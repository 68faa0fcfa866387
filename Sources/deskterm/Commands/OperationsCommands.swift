import ArgumentParser
import DeskModel
import DeskPostgresStore
import Foundation

/// `deskterm backup`, `restore`, `verify` and `doctor`: keeping a desk safe (README, "Operating a desk").
struct BackupCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "backup",
        abstract: .cli("Copy the desk (--db) to DEST, consistently, while it is in use."),
        discussion: .cli("SQLite's online backup reads one snapshot while clients keep writing. DEST is written under a temporary name, made durable and renamed, with mode 0600; it is one self-contained file that `deskterm verify` checks and `deskterm restore` puts back. A PostgreSQL desk is backed up with pg_dump (see README, \"Operating a desk\").")) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("The backup file to write.", valueName: "dest")) var destination: String
    @Flag(help: .cli("Replace DEST if it exists.")) var force = false
    @Flag(help: .cli("No progress and no summary.")) var quiet = false

    func run() throws {
        let (global, destination, force, quiet) = (self.global, self.destination, self.force, self.quiet)
        try runReportingErrors { () throws(DeskError) in
            let path = try OperationsAddress.sqlitePath(try global.deskAddress(), refusal: OperationsAddress.postgresBackup)
            let bar = ProgressBar(enabled: !quiet)
            defer { bar.finish() }
            let summary = try DeskBackup.backup(desk: path, to: destination, replacing: force, busyTimeout: global.waitForBusyDesk) { copied, total in
                bar.update(phase: "pages", done: copied, total: total)
            }
            bar.finish()
            if !quiet {
                say(.cli("Backed up {desk} to {destination}: {size} in {seconds}s",
                         ["desk": .text(TextSafety.sanitizedLine(path)), "destination": .text(TextSafety.sanitizedLine(destination)),
                          "size": .text(OperationsText.size(summary.bytes)), "seconds": .text(CommandLanguage.seconds(summary.seconds))]))
            }
        }
    }
}

struct RestoreCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "restore",
        abstract: .cli("Put the backup SRC in place of the desk DESK, once SRC passes verification."),
        discussion: .cli("Refuses a desk that any process has open. The desk that was there is kept as DESK.before-restore unless --no-keep. An older backup is upgraded by the next deskterm that opens it.")) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("The backup to restore.", valueName: "src")) var source: String
    @Option(help: .cli("The desk file to replace or create.", valueName: "desk")) var to: String
    @Flag(help: .cli("Do not keep the replaced desk as DESK.before-restore.")) var noKeep = false

    func run() throws {
        let (global, source, to, noKeep) = (self.global, self.source, self.to, self.noKeep)
        try runReportingErrors { () throws(DeskError) in
            let desk = try OperationsAddress.sqlitePath(try DeskAddress(to), refusal: OperationsAddress.postgresRestore)
            let outcome = try DeskRestore.restore(backup: source, to: desk, keepPrevious: !noKeep, busyTimeout: global.waitForBusyDesk)
            var arguments: [String: PhraseArgument] = ["backup": .text(TextSafety.sanitizedLine(source)), "desk": .text(TextSafety.sanitizedLine(desk)),
                                                       "seconds": .text(CommandLanguage.seconds(outcome.seconds))]
            if let previous = outcome.previous {
                arguments["previous"] = .text(TextSafety.sanitizedLine(previous))
                say(.cli("Restored {backup} to {desk} in {seconds}s; the previous desk is kept as {previous}", arguments))
            } else {
                say(.cli("Restored {backup} to {desk} in {seconds}s", arguments))
            }
            if let schema = outcome.verification.schema, !schema.pending.isEmpty {
                say(.cli(one: "The backup's schema is {count} migration behind: the next deskterm to open it upgrades it",
                         other: "The backup's schema is {count} migrations behind: the next deskterm to open it upgrades it", count: schema.pending.count))
            }
        }
    }
}

struct VerifyCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "verify",
        abstract: .cli("Check a backup (or any desk file) without changing it."),
        discussion: .cli("SQLite's integrity check, foreign keys, a schema this deskterm knows, counters and full-text indexes against the rows, read marks. Exit status: 0 good, 1 derived data out of step, 2 could not check, 4 written by a newer deskterm, 5 damaged (as doctor's).")) }

    @Argument(help: .cli("The backup file.", valueName: "backup")) var backup: String
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table
    @Option(help: .cli("Seconds to wait for a process writing the file (default: 10).", valueName: "seconds"))
    var busyTimeout: Double = 10

    func run() throws {
        let report = SQLiteHealthCheck.check(path: backup, readOnly: true, busyTimeout: busyTimeout)
        print(format == .json ? JSONOutput.encode(report) : HealthReportText.render(report, heading: .cli("Verified {desk}", ["desk": .text(TextSafety.sanitizedLine(report.desk))])))
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}

struct DoctorCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "doctor",
        abstract: .cli("Check the desk's health (--db); --repair rebuilds what is derived."),
        discussion: .cli("Checks SQLite's integrity, foreign keys, the schema version, the full-text indexes against the rows, the ticket counters against a recount, body lengths, read marks, who may read or write the desk's files and folder, and the authorized_keys lines that lead to it. --repair rebuilds the full-text indexes, counters and body lengths in one transaction. Exit status (the highest among what is left): 0 healthy, 1 derived data out of step (--repair fixes it), 2 could not check, 3 permissions, 4 written by a newer deskterm, 5 damaged (restore a backup).")) }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var keys: AuthorizedKeysOptions
    @Flag(help: .cli("Rebuild the full-text indexes, counters and body lengths found out of step.")) var repair = false
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run() throws {
        let address: DeskAddress
        do {
            address = try global.deskAddress()
        } catch {
            reportError(error)
            throw ExitCode(HealthFinding.Kind.couldNotCheck.exitStatus)
        }
        var report: HealthReport
        switch address {
        case .sqlite(let path):
            report = SQLiteHealthCheck.check(path: path, repair: repair, busyTimeout: global.waitForBusyDesk)
            if !report.findings.contains(where: { $0.check == HealthCheckName.open }) {
                DeskPermissionsCheck.check(desk: path, authorizedKeys: keys.path, into: &report)
            }
        case .postgresql(let postgres):
            report = PostgresHealthCheck.check(address: postgres, repair: repair)
        }
        print(format == .json ? JSONOutput.encode(report) : HealthReportText.render(report, heading: .cli("Checked {desk}", ["desk": .text(TextSafety.sanitizedLine(report.desk))])))
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}

/// What the operations commands accept as a desk, and their documented refusals for PostgreSQL.
enum OperationsAddress {
    static var postgresBackup: DeskError {
        .cli("a PostgreSQL desk is backed up with PostgreSQL's own tools: pg_dump --format=custom --file=DEST --dbname=ADDRESS (credentials from ~/.pgpass or PGPASSWORD, never in the address), or `deskterm copy --from ADDRESS --to FILE.sqlite` for a portable copy that `deskterm verify` checks")
    }
    static var postgresRestore: DeskError {
        .cli("a PostgreSQL desk is restored with pg_restore --dbname=ADDRESS DUMP into an empty database, or `deskterm copy --from BACKUP.sqlite --to ADDRESS`")
    }

    static func sqlitePath(_ address: DeskAddress, refusal: DeskError) throws(DeskError) -> String {
        guard let path = address.sqlitePath else { throw refusal }
        return path
    }
}

/// Sizes in powers of 1000 (`512 bytes`, `1.5 MB`), with the language's unit names and decimal separator.
enum OperationsText {
    static func size(_ bytes: Int64) -> String {
        let language = CommandLanguage.current
        var value = Double(bytes), unit = 0
        while value >= 1000 && unit < 4 { value /= 1000; unit += 1 }
        let units: [Phrase] = [.cli("KB", context: "size unit"), .cli("MB", context: "size unit"),
                               .cli("GB", context: "size unit"), .cli("TB", context: "size unit")]
        guard unit > 0 else { return Phrase.cli("{count} bytes", ["count": .number(bytes)]).shown }
        let tenths = Int((value * 10).rounded())
        return "\(NumberText.oneDecimal(tenths / 10, tenth: tenths % 10, in: language)) \(units[unit - 1].shown)"
    }
}

/// A health report for people: what was checked, each finding on a line, and the verdict.
/// Table names, check names and finding kinds are the desk's identifiers and stay as they are.
enum HealthReportText {
    static func render(_ report: HealthReport, heading: Phrase) -> String {
        var lines = [heading.shown]
        if let schema = report.schema {
            var line = Phrase.cli(one: "schema: {count} migration applied, {known} known to this deskterm",
                                  other: "schema: {count} migrations applied, {known} known to this deskterm",
                                  count: schema.applied, ["known": .number(Int64(schema.known))]).shown
            if !schema.pending.isEmpty {
                line += Phrase.cli("; the next open upgrades it ({migrations})", ["migrations": .text(schema.pending.joined(separator: ", "))]).shown
            }
            lines.append(line)
        }
        if !report.rows.isEmpty {
            let rows = report.rows.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            lines.append(Phrase.cli("rows: {rows}", context: "health report", ["rows": .text(rows)]).shown)
        }
        if !report.checked.isEmpty {
            lines.append(Phrase.cli("checked: {checks}", context: "health report", ["checks": .text(report.checked.joined(separator: ", "))]).shown)
        }
        for finding in report.findings {
            let arguments: [String: PhraseArgument] = ["check": .text(finding.check), "kind": .text(finding.kind.rawValue),
                                                       "detail": .text(TextSafety.sanitizedLine(finding.detail.shown))]
            var line = finding.repaired
                ? Phrase.cli("REPAIRED {check} ({kind}): {detail}", context: "health report", arguments).shown
                : Phrase.cli("FOUND {check} ({kind}): {detail}", context: "health report", arguments).shown
            if finding.kind == .derived && !finding.repaired { line += String.cli(" [deskterm doctor --repair rebuilds it]") }
            lines.append(line)
        }
        let left = report.findings.filter { !$0.repaired }.count
        lines.append(left == 0
            ? String.cli("Healthy.", context: "health report")
            : Phrase.cli(one: "{count} finding: exit status {status}", other: "{count} findings: exit status {status}", count: left,
                         ["status": .number(Int64(report.exitStatus))]).shown)
        return lines.joined(separator: "\n")
    }
}
