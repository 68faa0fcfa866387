import ArgumentParser
import DeskModel
import DeskTUI
import Foundation

struct BenchCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "bench",
        abstract: .cli("Measure the client headless on a desk: latency per interaction, bytes written, peak memory."),
        discussion: .cli("Build a desk first, e.g. `deskterm demo --db /tmp/big.sqlite --tickets 1000000`. Use a release build for figures worth quoting.")) }

    @OptionGroup var global: GlobalOptions
    @Option(help: .cli("Terminal sizes, comma-separated.", valueName: "COLSxROWS,...")) var sizes = "200x50,100x50"
    @Option(help: .cli("Samples per interaction (scaled per kind).")) var repetitions = 50
    @Option(help: .cli("The ticket to open and scroll (default: the longest thread the generator recorded).", valueName: "number")) var ticket: Int64?
    @Option(help: .cli("A ticket of thousands of messages to open too (default: the chain `demo --long-thread` made).", valueName: "number")) var longTicket: Int64?
    @Option(help: .cli("The common word to search for.")) var commonWord = "sync"
    @Option(help: .cli("Measure only the interactions whose name contains this text (cold start is always measured).")) var only: String?
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let parsedSizes = try command.sizes.split(separator: ",").map { text throws(DeskError) -> TerminalSize in
                let parts = text.split(separator: "x").compactMap { Int($0) }
                guard parts.count == 2, parts[0] >= 40, parts[1] >= 12 else {
                    throw .cli("'{text}' is not a size like 200x50 (at least 40x12)", ["text": .text(String(text))])
                }
                return TerminalSize(columns: parts[0], rows: parts[1])
            }
            var settings = Benchmark.Settings(
                address: try command.global.deskAddress(), handle: command.global.userHandle ?? "alice", sizes: parsedSizes,
                repetitions: command.repetitions, longTicket: command.ticket, commonWord: command.commonWord)
            settings.only = command.only
            settings.longChainTicket = command.longTicket
            let results = try Benchmark.run(settings)
            switch command.format {
            case .json:
                print(JSONOutput.encode(results))
            case .table:
                print(BenchTable.render(results))
            }
        }
    }
}

enum BenchTable {
    static func render(_ results: Benchmark.Results) -> String {
        var lines: [String] = []
        for report in results.reports {
            lines.append(Phrase.cli(one: "{size}, {count} ticket", other: "{size}, {count} tickets", count: report.tickets,
                                    ["size": .text("\(report.columns)x\(report.rows)")]).shown)
            let table = TextTable(
                columns: [
                    .init(title: .cli("INTERACTION", context: "column title"), priority: 0, minWidth: 12, flexible: true),
                    .init(title: "N", priority: 1, minWidth: 1, alignRight: true),
                    .init(title: "P50 MS", priority: 0, minWidth: 6, alignRight: true),
                    .init(title: "P99 MS", priority: 0, minWidth: 6, alignRight: true),
                    .init(title: "MAX MS", priority: 1, minWidth: 6, alignRight: true),
                    .init(title: .cli("BYTES P50", context: "column title"), priority: 0, minWidth: 9, alignRight: true),
                    .init(title: .cli("BYTES MAX", context: "column title"), priority: 1, minWidth: 9, alignRight: true),
                ],
                rows: report.interactions.map {
                    [$0.name, String($0.samples), String(format: "%.2f", $0.p50Milliseconds), String(format: "%.2f", $0.p99Milliseconds),
                     String(format: "%.2f", $0.maxMilliseconds), String($0.bytesP50), String($0.bytesMax)]
                })
            lines.append(table.render(width: 120))
            lines.append("")
        }
        lines.append(Phrase.cli("Peak resident memory: {megabytes} MB", ["megabytes": .quantity(Int64(results.peakResidentKilobytes / 1024))]).shown)
        return lines.joined(separator: "\n")
    }
}
