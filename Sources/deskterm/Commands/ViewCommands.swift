import ArgumentParser
import DeskModel
import Foundation

// Saved views: a case view narrowed by conditions, kept in the desk for the user who saved
// it (`list --saved NAME` reads one).

struct ViewCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "view", abstract: .cli("Save, list and delete your named views."),
        subcommands: [ViewSave.self, ViewList.self, ViewDelete.self]) }
}

struct ViewSave: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "save", abstract: .cli("Save conditions as a named view (replacing one of the same name).")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The view's name.")) var name: String
    @Argument(help: .cli("Conditions, e.g. 'status:open urgency:>=serious assignee:me'.")) var conditions: String
    @Option(help: .cli("The case view it narrows: recent, active, mine, open or all.")) var view: CaseView = .all

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        try desk.store.saveView(SavedView(name: name, view: view, filterText: conditions), viewer: desk.viewer)
        say(.cli("Saved view '{name}': {view} with {conditions}", ["name": .text(name), "view": .phrase(view.titlePhrase), "conditions": .text(conditions)]))
    }
}

struct ViewList: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: .cli("List your saved views.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let views = try desk.store.savedViews(viewer: desk.viewer)
        switch format {
        case .table:
            guard !views.isEmpty else {
                say(.cli("No saved views (save one with: deskterm view save NAME 'status:open assignee:me')"))
                return
            }
            let table = TextTable(
                columns: [.init(title: .cli("NAME", context: "column title"), priority: 0, minWidth: 4),
                          .init(title: .cli("VIEW", context: "column title"), priority: 2, minWidth: 4),
                          .init(title: .cli("CONDITIONS", context: "column title"), priority: 1, minWidth: 10, flexible: true)],
                rows: views.map { [$0.name, $0.view.rawValue, $0.filterText] })
            print(table.render(width: OutputWidth.current()))
        case .json:
            print(JSONOutput.encode(views.map { ["name": $0.name, "view": $0.view.rawValue, "filter": $0.filterText] }))
        }
    }
}

struct ViewDelete: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "delete", abstract: .cli("Delete one of your saved views.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The view's name.")) var name: String

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        try desk.store.deleteSavedView(named: name, viewer: desk.viewer)
        say(.cli("Deleted view '{name}'", ["name": .text(name)]))
    }
}
