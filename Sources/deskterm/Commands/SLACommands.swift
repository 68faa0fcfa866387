import ArgumentParser
import DeskModel
import Foundation

// Service levels (#13): the targets per support tier and urgency, the calendar they count
// in (admins set them), and the breach counts agents watch.

struct SLACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sla", abstract: "Show or set the service-level targets and the desk calendar; count breached tickets.",
        subcommands: [SLAShow.self, SLASet.self, SLACalendar.self, SLACounts.self], defaultSubcommand: SLAShow.self)
}

struct SLAShow: DeskCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the targets and the calendar (staff).")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        guard desk.viewer.isStaff else { throw .notAllowed("the service-level targets are for staff") }
        let levels = try desk.store.serviceLevels()
        switch format {
        case .json: print(JSONOutput.encode(levels))
        case .table: print(SLAText.render(levels))
        }
    }
}

struct SLASet: DeskCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set the targets of one support tier and urgency (admins).",
        discussion: "Times are working time of the desk calendar: 4 or 4h (hours), 90m, 1:30.")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: "standard, priority or premium.") var tier: SupportTier
    @Argument(help: "none, low, serious or critical.") var urgency: Urgency
    @Option(help: ArgumentHelp("Time to the first public reply of an agent.", valueName: "time")) var firstResponse: String?
    @Option(help: ArgumentHelp("Time to a solution.", valueName: "time")) var resolution: String?

    func run(in context: CommandContext) throws(DeskError) {
        guard firstResponse != nil || resolution != nil else { throw .invalidInput("Give --first-response, --resolution or both") }
        let desk = try context.desk()
        var levels = try desk.store.serviceLevels()
        var target = levels.target(tier: tier, urgency: urgency)
        if let firstResponse {
            guard let minutes = ServiceLevelInput.duration(firstResponse) else { throw .invalidInput("'\(firstResponse)' is not a time (4h, 90m, 1:30)") }
            target.firstResponse = minutes
        }
        if let resolution {
            guard let minutes = ServiceLevelInput.duration(resolution) else { throw .invalidInput("'\(resolution)' is not a time (4h, 90m, 1:30)") }
            target.resolution = minutes
        }
        levels.setTarget(target, tier: tier, urgency: urgency)
        try desk.store.updateServiceLevels(levels, by: desk.viewer)
        print("\(tier.rawValue) \(urgency.rawValue): first response \(ServiceLevelInput.durationText(target.firstResponse)), resolution \(ServiceLevelInput.durationText(target.resolution))")
    }
}

struct SLACalendar: DeskCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Set the desk calendar the targets count in (admins).")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(help: ArgumentHelp("An IANA time zone, e.g. Europe/Paris.", valueName: "zone")) var timeZone: String?
    @Option(help: ArgumentHelp("Working days, e.g. mon-fri or mon,tue,thu.", valueName: "days")) var days: String?
    @Option(help: ArgumentHelp("Working hours, e.g. 09:00-17:00.", valueName: "from-to")) var hours: String?
    @Option(name: .customLong("holiday"), help: ArgumentHelp("A day off, YYYY-MM-DD (repeatable).", valueName: "date")) var holidays: [String] = []
    @Option(name: .customLong("remove-holiday"), help: ArgumentHelp("No longer a day off (repeatable).", valueName: "date")) var removedHolidays: [String] = []

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        var levels = try desk.store.serviceLevels()
        if let timeZone { levels.calendar.timeZone = timeZone }
        if let days {
            guard let parsed = ServiceLevelInput.days(days) else { throw .invalidInput("'\(days)' is not a list of days (mon-fri, sat,sun, 1-5)") }
            levels.calendar.workingDays = parsed
        }
        if let hours {
            guard let parsed = ServiceLevelInput.hours(hours) else { throw .invalidInput("'\(hours)' is not working hours (09:00-17:00)") }
            (levels.calendar.opensAt, levels.calendar.closesAt) = parsed
        }
        levels.calendar.holidays = Array(Set(levels.calendar.holidays).union(holidays).subtracting(removedHolidays)).sorted()
        try desk.store.updateServiceLevels(levels, by: desk.viewer)
        print(SLAText.calendarLine(levels.calendar))
    }
}

struct SLACounts: DeskCommand {
    static let configuration = CommandConfiguration(
        commandName: "counts", abstract: "Count breached tickets and tickets due within an hour (agents).")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Flag(help: "Only the tickets assigned to you.") var mine = false
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let counts = try desk.store.dueCounts(viewer: desk.viewer, mine: mine, soon: 3600)
        switch format {
        case .json: print(JSONOutput.encode(counts))
        case .table: print("Breached: \(counts.breached)\nDue within an hour: \(counts.dueSoon)")
        }
    }
}

/// The service levels as text.
enum SLAText {
    static func calendarLine(_ calendar: BusinessCalendar) -> String {
        let holidays = calendar.holidays.isEmpty ? "no holidays" : "holidays " + calendar.holidays.joined(separator: ", ")
        return "Calendar: \(ServiceLevelInput.daysText(calendar.workingDays)) "
            + "\(ServiceLevelInput.clockText(calendar.opensAt))-\(ServiceLevelInput.clockText(calendar.closesAt)) "
            + "\(calendar.timeZone), \(holidays)"
    }

    /// The calendar, then one line per tier: first response / resolution per urgency.
    static func render(_ levels: ServiceLevels) -> String {
        var lines = [calendarLine(levels.calendar), "", "Targets (first response / resolution, working time):"]
        let urgencies: [Urgency] = [.critical, .serious, .low, .none]
        lines.append("  " + "tier".padding(toLength: 10, withPad: " ", startingAt: 0)
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
