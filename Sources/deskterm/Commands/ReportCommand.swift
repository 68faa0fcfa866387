import ArgumentParser
import DeskModel
import DeskTUI
import Foundation

/// The team lead's report (#14): the same figures as the client's Reports screen.
struct ReportCommand: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "report", abstract: .cli("Show the team lead's report: tickets per day, backlog, response times, load (staff)."),
        discussion: .cli("Charts are drawn on a terminal with colours; piped, or with NO_COLOR, the figures are plain numbers.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(help: .cli("The period: days up to today, e.g. 30d, 7 or 12w.", valueName: "days")) var since = "30d"
    @Option(help: .cli("Only the tickets of this organisation.", valueName: "name")) var org: String?
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run(in context: CommandContext) throws(DeskError) {
        guard let days = ReportPeriodInput.days(since) else {
            throw .cli("'{text}' is not a period (30d, 7, 12w)", ["text": .text(since)])
        }
        let desk = try context.desk()
        let report = try desk.store.report(ReportQuery(days: days, organisation: org), viewer: desk.viewer)
        switch format {
        case .json: print(JSONOutput.encode(report))
        case .table:
            let lines = ReportText.lines(report, width: OutputWidth.current(), language: CommandLanguage.current, charts: ReportPeriodInput.drawsCharts())
            print(lines.joined(separator: "\n"))
        }
    }
}

enum ReportPeriodInput {
    /// `30d`, `30` (days) or `12w` (weeks).
    static func days(_ text: String) -> Int? {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasSuffix("w"), let weeks = Int(text.dropLast()), weeks > 0, weeks <= 1000 { return weeks * 7 }
        if text.hasSuffix("d"), let days = Int(text.dropLast()), days > 0 { return days }
        if let days = Int(text), days > 0 { return days }
        return nil
    }

    /// Block characters on a terminal that shows colours; plain numbers when piped or asked not to.
    static func drawsCharts() -> Bool {
        let environment = ProcessInfo.processInfo.environment
        if environment["NO_COLOR"].map({ !$0.isEmpty }) == true || environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) != 0
    }
}
