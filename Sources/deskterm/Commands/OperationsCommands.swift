import ArgumentParser
import DeskModel
import DeskPostgresStore
import Foundation

/// `deskterm backup`, `restore`, `verify` and `doctor`: keeping a desk safe (README, "Operating a desk").
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the desk (--db) to DEST, consistently, while it is in use.",
        discussion: """
            SQLite's online backup reads one snapshot while clients keep writing. DEST is written under a \
            temporary name, made durable and renamed, with mode 0600; it is one self-contained file that \
            `deskterm verify` checks and `deskterm restore` puts back. A PostgreSQL desk is backed up with \
            pg_dump (see README, "Operating a desk").
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The backup file to write.", valueName: "dest")) var destination: String
    @Flag(help: "Replace DEST if it exists.") var force = false
    @Flag(help: "No progress and no summary.") var quiet = false

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
                print(String(format: "Backed up %@ to %@: %@ in %.1fs", TextSafety.sanitizedLine(path), TextSafety.sanitizedLine(destination),
                             OperationsText.size(summary.bytes), summary.seconds))
            }
        }
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put the backup SRC in place of the desk DESK, once SRC passes verification.",
        discussion: """
            Refuses a desk that any process has open. The desk that was there is kept as DESK.before-restore \
            unless --no-keep. An older backup is upgraded by the next deskterm that opens it.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The backup to restore.", valueName: "src")) var source: String
    @Option(help: ArgumentHelp("The desk file to replace or create.", valueName: "desk")) var to: String
    @Flag(help: "Do not keep the replaced desk as DESK.before-restore.") var noKeep = false

    func run() throws {
        let (global, source, to, noKeep) = (self.global, self.source, self.to, self.noKeep)
        try runReportingErrors { () throws(DeskError) in
            let desk = try OperationsAddress.sqlitePath(try DeskAddress(to), refusal: OperationsAddress.postgresRestore)
            let outcome = try DeskRestore.restore(backup: source, to: desk, keepPrevious: !noKeep, busyTimeout: global.waitForBusyDesk)
            var line = String(format: "Restored %@ to %@ in %.1fs", TextSafety.sanitizedLine(source), TextSafety.sanitizedLine(desk), outcome.seconds)
            if let previous = outcome.previous { line += "; the previous desk is kept as \(TextSafety.sanitizedLine(previous))" }
            print(line)
            if let schema = outcome.verification.schema, !schema.pending.isEmpty {
                print("The backup's schema is \(schema.pending.count) migration\(schema.pending.count == 1 ? "" : "s") behind: the next deskterm to open it upgrades it")
            }
        }
    }
}

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a backup (or any desk file) without changing it.",
        discussion: """
            SQLite's integrity check, foreign keys, a schema this deskterm knows, counters and full-text \
            indexes against the rows, read marks. Exit status: 0 good, 1 derived data out of step, \
            2 could not check, 4 written by a newer deskterm, 5 damaged (as doctor's).
            """)

    @Argument(help: ArgumentHelp("The backup file.", valueName: "backup")) var backup: String
    @Option(help: "table or json.") var format: OutputFormat = .table
    @Option(help: ArgumentHelp("Seconds to wait for a process writing the file (default: 10).", valueName: "seconds"))
    var busyTimeout: Double = 10

    func run() throws {
        let report = SQLiteHealthCheck.check(path: backup, readOnly: true, busyTimeout: busyTimeout)
        print(format == .json ? JSONOutput.encode(report) : HealthReportText.render(report, verb: "Verified"))
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the desk's health (--db); --repair rebuilds what is derived.",
        discussion: """
            Checks SQLite's integrity, foreign keys, the schema version, the full-text indexes against the \
            rows, the ticket counters against a recount, body lengths, read marks, who may read or write the \
            desk's files and folder, and the authorized_keys lines that lead to it. --repair rebuilds the \
            full-text indexes, counters and body lengths in one transaction. Exit status (the highest among \
            what is left): 0 healthy, 1 derived data out of step (--repair fixes it), 2 could not check, \
            3 permissions, 4 written by a newer deskterm, 5 damaged (restore a backup).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var keys: AuthorizedKeysOptions
    @Flag(help: "Rebuild the full-text indexes, counters and body lengths found out of step.") var repair = false
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let address: DeskAddress
        do {
            address = try global.deskAddress()
        } catch {
            FileHandle.standardError.write(Data("deskterm: \(TextSafety.sanitizedLine(error.message))\n".utf8))
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
        print(format == .json ? JSONOutput.encode(report) : HealthReportText.render(report, verb: "Checked"))
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}

/// What the operations commands accept as a desk, and their documented refusals for PostgreSQL.
enum OperationsAddress {
    static let postgresBackup = """
        a PostgreSQL desk is backed up with PostgreSQL's own tools: pg_dump --format=custom --file=DEST \
        --dbname=ADDRESS (credentials from ~/.pgpass or PGPASSWORD, never in the address), or \
        `deskterm copy --from ADDRESS --to FILE.sqlite` for a portable copy that `deskterm verify` checks
        """
    static let postgresRestore = """
        a PostgreSQL desk is restored with pg_restore --dbname=ADDRESS DUMP into an empty database, or \
        `deskterm copy --from BACKUP.sqlite --to ADDRESS`
        """

    static func sqlitePath(_ address: DeskAddress, refusal: String) throws(DeskError) -> String {
        guard let path = address.sqlitePath else { throw .invalidInput(refusal) }
        return path
    }
}

enum OperationsText {
    static func size(_ bytes: Int64) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB"]
        var value = Double(bytes), unit = 0
        while value >= 1000 && unit < units.count - 1 { value /= 1000; unit += 1 }
        return unit == 0 ? "\(bytes) bytes" : String(format: "%.1f %@", value, units[unit])
    }
}

/// A health report for people: what was checked, each finding on a line, and the verdict.
enum HealthReportText {
    static func render(_ report: HealthReport, verb: String) -> String {
        var lines = ["\(verb) \(TextSafety.sanitizedLine(report.desk))"]
        if let schema = report.schema {
            var line = "schema: \(schema.applied) migration\(schema.applied == 1 ? "" : "s") applied, \(schema.known) known to this deskterm"
            if !schema.pending.isEmpty { line += "; the next open upgrades it (\(schema.pending.joined(separator: ", ")))" }
            lines.append(line)
        }
        if !report.rows.isEmpty {
            lines.append("rows: " + report.rows.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        }
        if !report.checked.isEmpty { lines.append("checked: " + report.checked.joined(separator: ", ")) }
        for finding in report.findings {
            let mark = finding.repaired ? "REPAIRED" : "FOUND"
            var line = "\(mark) \(finding.check) (\(finding.kind.rawValue)): \(TextSafety.sanitizedLine(finding.detail))"
            if finding.kind == .derived && !finding.repaired { line += " [deskterm doctor --repair rebuilds it]" }
            lines.append(line)
        }
        let left = report.findings.filter { !$0.repaired }.count
        lines.append(left == 0 ? "Healthy." : "\(left) finding\(left == 1 ? "" : "s"): exit status \(report.exitStatus)")
        return lines.joined(separator: "\n")
    }
}
