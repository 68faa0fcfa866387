import ArgumentParser
import DeskModel
import Foundation

// Each user's settings, kept in the desk: the view, sort and order the client opens with.
// The client writes them as the user changes view or sort; these commands show and set them.

struct SettingsCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "settings", abstract: .cli("Show or set your settings (the view, sort and order the client opens with)."),
        subcommands: [SettingsShow.self, SettingsSet.self], defaultSubcommand: SettingsShow.self) }
}

struct SettingsShow: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show", abstract: .cli("Show your settings.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let settings = try desk.store.userSettings(viewer: desk.viewer)
        let order = settings.oldestFirst.map { UserSettings.orderSpellings[$0 ? 1 : 0] }
        let values: [(String, String?)] = [
            ("view", settings.view), ("sort", settings.sort?.rawValue), ("order", order),
            ("osc52", settings.copiesToClipboard.map { $0 ? "on" : "off" }),
        ]
        switch format {
        case .table:
            // Not chosen yet: the client's default, said as such.
            let defaults = [
                "view": CaseView.active.rawValue, "sort": SortKey.created.rawValue, "order": UserSettings.orderSpellings[0],
                "osc52": String.cli("on except in SSH sessions"),
            ]
            // The names and values are what `settings set` takes: only "(default)" is words.
            for (name, value) in values {
                let shown = value.map(TextSafety.sanitizedLine) ?? String.cli("{value} (default)", ["value": .text(defaults[name]!)])
                print("\(name.padding(toLength: 6, withPad: " ", startingAt: 0)) \(shown)")
            }
        case .json:
            print(JSONOutput.encode(Dictionary(uniqueKeysWithValues: values.compactMap { name, value in value.map { (name, $0) } })))
        }
    }
}

struct SettingsSet: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "set", abstract: .cli("Set one setting: view NAME, sort created|updated|triage, order newest-first|oldest-first, osc52 on|off.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("view, sort, order or osc52 (y copies to the terminal's clipboard).")) var key: String
    @Argument(help: .cli("The value.")) var value: String

    func run(in context: CommandContext) throws(DeskError) {
        guard let name = UserSettings.Key(rawValue: key.lowercased()) else {
            throw .cli("unknown setting '{key}' (settings: {settings})",
                       ["key": .text(key), "settings": .text(UserSettings.Key.allCases.map(\.rawValue).joined(separator: ", "))])
        }
        let desk = try context.desk()
        var settings = UserSettings()
        try settings.set(name, to: value)
        // A view is a case view or one of the user's own saved views.
        if name == .view, CaseView(lenient: value) == nil {
            settings.view = try desk.store.savedView(named: value, viewer: desk.viewer).name
        }
        try desk.store.saveUserSettings(settings, viewer: desk.viewer)
        print("\(name.rawValue) = \(TextSafety.sanitizedLine(value))")
    }
}
