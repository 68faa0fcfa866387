import ArgumentParser
import DeskModel
import Foundation

// Service levels (#13): the targets per support tier and urgency, the calendar they count
// in (admins set them), and the breach counts agents watch.

struct SLACommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "sla", abstract: .cli("Show or set the service-level targets and the desk calendar; count breached tickets."),
        subcommands: [SLAShow.self, SLASet.self, SLACalendar.self, SLACounts.self], defaultSubcommand: SLAShow.self) }
}

struct SLAShow: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show", abstract: .cli("Show the targets and the calendar (staff).")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        guard desk.viewer.isStaff else { throw .forbidden(.cli("the service-level targets are for staff")) }
        let levels = try desk.store.serviceLevels()
        switch format {
        case .json: print(JSONOutput.encode(levels))
        case .table: print(SLAText.render(levels))
        }
    }
}

struct SLASet: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "set", abstract: .cli("Set the targets of one support tier and urgency (admins)."),
        discussion: .cli("Times are working time of the desk calendar: 4 or 4h (hours), 90m, 1:30.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("standard, priority or premium.")) var tier: SupportTier
    @Argument(help: .cli("none, low, serious or critical.")) var urgency: Urgency
    @Option(help: .cli("Time to the first public reply of an agent.", valueName: "time")) var firstResponse: String?
    @Option(help: .cli("Time to a solution.", valueName: "time")) var resolution: String?

    func run(in context: CommandContext) throws(DeskError) {
        guard firstResponse != nil || resolution != nil else { throw .cli("Give --first-response, --resolution or both") }
        let desk = try context.desk()
        var levels = try desk.store.serviceLevels()
        var target = levels.target(tier: tier, urgency: urgency)
        if let firstResponse {
            guard let minutes = ServiceLevelInput.duration(firstResponse) else { throw .cli("'{text}' is not a time (4h, 90m, 1:30)", ["text": .text(firstResponse)]) }
            target.firstResponse = minutes
        }
        if let resolution {
            guard let minutes = ServiceLevelInput.duration(resolution) else { throw .cli("'{text}' is not a time (4h, 90m, 1:30)", ["text": .text(resolution)]) }
            target.resolution = minutes
        }
        levels.setTarget(target, tier: tier, urgency: urgency)
        try desk.store.updateServiceLevels(levels, by: desk.viewer)
        say(.cli("{tier} {urgency}: first response {firstResponse}, resolution {resolution}",
                 ["tier": .text(tier.rawValue), "urgency": .text(urgency.rawValue),
                  "firstResponse": .text(ServiceLevelInput.durationText(target.firstResponse)), "resolution": .text(ServiceLevelInput.durationText(target.resolution))]))
    }
}

struct SLACalendar: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "calendar", abstract: .cli("Set the desk calendar the targets count in (admins).")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(help: .cli("An IANA time zone, e.g. Europe/Paris.", valueName: "zone")) var timeZone: String?
    @Option(help: .cli("Working days, e.g. mon-fri or mon,tue,thu.", valueName: "days")) var days: String?
    @Option(help: .cli("Working hours, e.g. 09:00-17:00.", valueName: "from-to")) var hours: String?
    @Option(name: .customLong("holiday"), help: .cli("A day off, YYYY-MM-DD (repeatable).", valueName: "date")) var holidays: [String] = []
    @Option(name: .customLong("remove-holiday"), help: .cli("No longer a day off (repeatable).", valueName: "date")) var removedHolidays: [String] = []

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        var levels = try desk.store.serviceLevels()
        if let timeZone { levels.calendar.timeZone = timeZone }
        if let days {
            guard let parsed = ServiceLevelInput.days(days) else { throw .cli("'{text}' is not a list of days (mon-fri, sat,sun, 1-5)", ["text": .text(days)]) }
            levels.calendar.workingDays = parsed
        }
        if let hours {
            guard let parsed = ServiceLevelInput.hours(hours) else { throw .cli("'{text}' is not working hours (09:00-17:00)", ["text": .text(hours)]) }
            (levels.calendar.opensAt, levels.calendar.closesAt) = parsed
        }
        levels.calendar.holidays = Array(Set(levels.calendar.holidays).union(holidays).subtracting(removedHolidays)).sorted()
        try desk.store.updateServiceLevels(levels, by: desk.viewer)
        print(SLAText.calendarLine(levels.calendar))
    }
}

struct SLACounts: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "counts", abstract: .cli("Count breached tickets and tickets due within an hour (agents).")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Flag(help: .cli("Only the tickets assigned to you.")) var mine = false
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let counts = try desk.store.dueCounts(viewer: desk.viewer, mine: mine, soon: 3600)
        switch format {
        case .json: print(JSONOutput.encode(counts))
        case .table:
            say(.cli("Breached: {count}", ["count": .number(Int64(counts.breached))]))
            say(.cli("Due within an hour: {count}", ["count": .number(Int64(counts.dueSoon))]))
        }
    }
}

/// The service levels as text.
enum SLAText {
    static func calendarLine(_ calendar: BusinessCalendar) -> String {
        let holidays = calendar.holidays.isEmpty ? String.cli("no holidays")
            : String.cli("holidays {dates}", ["dates": .text(calendar.holidays.joined(separator: ", "))])
        return String.cli("Calendar: {days} {hours} {zone}, {holidays}", [
            "days": .text(ServiceLevelInput.daysText(calendar.workingDays)),
            "hours": .text("\(ServiceLevelInput.clockText(calendar.opensAt))-\(ServiceLevelInput.clockText(calendar.closesAt))"),
            "zone": .text(calendar.timeZone), "holidays": .text(holidays)])
    }

    /// The calendar, then one line per tier: first response / resolution per urgency.
    static func render(_ levels: ServiceLevels) -> String {
        var lines = [calendarLine(levels.calendar), "", String.cli("Targets (first response / resolution, working time):")]
        let urgencies: [Urgency] = [.critical, .serious, .low, .none]
        lines.append("  " + DisplayWidth.fit(String.cli("tier", context: "service-level table"), to: 10)
            + urgencies.map { $0.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0) }.joined())
        for tier in SupportTier.allCases.reversed() {
            let cells = urgencies.map { urgency -> String in
                let target = levels.target(tier: tier, urgency: urgency)
                let text = "\(ServiceLevelInput.durationText(target.firstResponse)) / \(ServiceLevelInput.durationText(target.resolution))"
                return text.padding(toLength: 14, withPad: " ", startingAt: 0)
            }
            lines.append("  " + tier.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + cells.joined())
        }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
    }
}
