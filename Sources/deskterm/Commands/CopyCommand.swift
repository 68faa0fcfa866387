import ArgumentParser
import DeskModel
import DeskTUI
import Foundation

struct CopyCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "copy",
        abstract: .cli("Copy a whole desk to a new or empty desk (SQLite file or postgresql://), then verify both sides."),
        discussion: .cli("Tickets keep their numbers, ids and times; messages, attachments, drafts, audit, saved views, settings, read marks and recents come along. The target is written all at once or not at all. The report compares each table's row count and content hash on both sides; the exit status is non-zero if anything differs. --verify-only compares two desks without copying.")) }

    @Option(help: .cli("The desk to copy: a file or a postgresql:// address.", valueName: "address")) var from: String
    @Option(help: .cli("The new or empty desk to fill: a file or a postgresql:// address.", valueName: "address")) var to: String
    @Flag(help: .cli("Only compare the two desks, table by table; copy nothing.")) var verifyOnly = false
    @Option(help: .cli("Report format.")) var format: OutputFormat = .table
    @Flag(help: .cli("No progress on standard error.")) var quiet = false

    func run() throws {
        let (from, to, verifyOnly, format, quiet) = (self.from, self.to, self.verifyOnly, self.format, self.quiet)
        var report: CopyReport?
        try runReportingErrors { () throws(DeskError) in
            let source = try DeskAddress(from)
            let target = try DeskAddress(to)
            let progress = CopyProgress(quiet: quiet)
            defer { progress.finish() }
            do {
                report = verifyOnly
                    ? try DeskCopy.verify(source, target, progress: progress.report)
                    : try DeskCopy.copy(from: source, to: target, progress: progress.report)
            } catch let error as DeskError {
                throw error
            } catch {
                throw .storage(String(describing: error))
            }
        }
        guard let report else { return }
        print(format == .json ? CopyReportOutput.json(report) : CopyReportOutput.text(report, copied: !verifyOnly))
        if !report.equal { throw ExitCode.failure }
    }
}

/// The verification report, as a table for people and as JSON for scripts.
enum CopyReportOutput {
    static func text(_ report: CopyReport, copied: Bool) -> String {
        let (source, target) = (TextSafety.sanitizedLine(report.source), TextSafety.sanitizedLine(report.target))
        var lines: [String] = []
        let verified = PhraseArgument.text(CommandLanguage.seconds(report.verifySeconds))
        if copied, let seconds = report.copySeconds {
            lines.append(Phrase.cli("Copied {source} to {target} in {seconds} s (verified in {verified} s)",
                                    ["source": .text(source), "target": .text(target), "seconds": .text(CommandLanguage.seconds(seconds)), "verified": verified]).shown)
        } else {
            lines.append(Phrase.cli("Compared {source} with {target} in {verified} s", ["source": .text(source), "target": .text(target), "verified": verified]).shown)
        }
        let titles: [String] = [.cli("table", context: "copy report"), .cli("source rows", context: "copy report"), .cli("target rows", context: "copy report"),
                                .cli("source hash", context: "copy report"), .cli("target hash", context: "copy report"), ""]
        // Table names and hashes are the desk's own; counts are plain digits, for scripts that read them.
        let rows = [titles] + report.tables.map { table in
            [table.name, String(table.source.rows), String(table.target.rows),
             String(table.source.hash.prefix(16)), String(table.target.hash.prefix(16)),
             table.equal ? String.cli("equal", context: "copy report") : String.cli("DIFFERENT", context: "copy report")]
        }
        let widths = (0..<6).map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                DisplayWidth.fit(cell, to: widths[column], alignRight: column == 1 || column == 2)
            }
            lines.append(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
        let different = report.tables.filter { !$0.equal }.map(\.name)
        lines.append(different.isEmpty
            ? Phrase.cli(one: "The {count} table is equal.", other: "All {count} tables equal.", count: report.tables.count).shown
            : Phrase.cli("DIFFERENT: {tables}", ["tables": .text(different.joined(separator: ", "))]).shown)
        return lines.joined(separator: "\n")
    }

    static func json(_ report: CopyReport) -> String {
        struct Document: Encodable {
            let report: CopyReport
            func encode(to encoder: Encoder) throws {
                enum Keys: String, CodingKey { case source, target, tables, copySeconds, verifySeconds, equal }
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(report.source, forKey: .source)
                try container.encode(report.target, forKey: .target)
                try container.encode(report.tables, forKey: .tables)
                try container.encodeIfPresent(report.copySeconds, forKey: .copySeconds)
                try container.encode(report.verifySeconds, forKey: .verifySeconds)
                try container.encode(report.equal, forKey: .equal)
            }
        }
        return JSONOutput.encode(Document(report: report))
    }
}
