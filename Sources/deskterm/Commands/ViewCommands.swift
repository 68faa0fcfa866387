import ArgumentParser
import DeskModel
import Foundation

// Saved views: a case view narrowed by conditions, kept in the desk for the user who saved
// it (`list --saved NAME` reads one).

struct ViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view", abstract: "Save, list and delete your named views.",
        subcommands: [ViewSave.self, ViewList.self, ViewDelete.self])
}

struct ViewSave: DeskCommand {
    static let configuration = CommandConfiguration(
        commandName: "save", abstract: "Save conditions as a named view (replacing one of the same name).")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: "The view's name.") var name: String
    @Argument(help: "Conditions, e.g. 'status:open urgency:>=serious assignee:me'.") var conditions: String
    @Option(help: "The case view it narrows: recent, active, mine, open or all.") var view: CaseView = .all

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        try desk.store.saveView(SavedView(name: name, view: view, filterText: conditions), viewer: desk.viewer)
        print("Saved view '\(name)': \(view.title) with \(conditions)")
    }
}

struct ViewList: DeskCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List your saved views.")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let views = try desk.store.savedViews(viewer: desk.viewer)
        switch format {
        case .table:
            guard !views.isEmpty else {
                print("No saved views (save one with: deskterm view save NAME 'status:open assignee:me')")
                return
            }
            let table = TextTable(
                columns: [.init(title: "NAME", priority: 0, minWidth: 4), .init(title: "VIEW", priority: 2, minWidth: 4),
                          .init(title: "CONDITIONS", priority: 1, minWidth: 10, flexible: true)],
                rows: views.map { [$0.name, $0.view.rawValue, $0.filterText] })
            print(table.render(width: OutputWidth.current()))
        case .json:
            print(JSONOutput.encode(views.map { ["name": $0.name, "view": $0.view.rawValue, "filter": $0.filterText] }))
        }
    }
}

struct ViewDelete: DeskCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete one of your saved views.")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: "The view's name.") var name: String

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        try desk.store.deleteSavedView(named: name, viewer: desk.viewer)
        print("Deleted view '\(name)'")
    }
}
