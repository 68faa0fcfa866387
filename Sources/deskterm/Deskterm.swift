import ArgumentParser
import DeskModel
import Foundation

@main
struct Deskterm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deskterm",
        abstract: "A help desk that lives in the terminal.",
        discussion: "With no command, opens the desk for the acting user (--demo: on the demo desk, created on first use).",
        subcommands: [
            InitCommand.self, DemoCommand.self, ListCommand.self, ShowCommand.self, NewCommand.self,
            ReplyCommand.self, StatusCommand.self, AssignCommand.self, WatchCommand.self, UnwatchCommand.self,
            AttachCommand.self, SearchCommand.self, OrgCommand.self, UserCommand.self, MaintainCommand.self,
        ])

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Open the demo desk (created on first use) as the agent 'alice' unless --user says otherwise.")
    var demo = false

    mutating func run() throws {
        let global = self.global
        let demo = self.demo
        try runReportingErrors { () throws(DeskError) in
            var options = global
            if demo {
                options.db = global.db ?? DemoCommand.defaultPath()
                if !FileManager.default.fileExists(atPath: options.databasePath) {
                    try DemoDesk.build(path: options.databasePath, now: Date())
                }
                if options.userHandle == nil { options.user = "alice" }
            }
            let store = try options.openStore()
            let viewer = try options.viewer(in: store)
            _ = try store.autoCloseIdleTickets()
            // The full-screen client arrives with the next issue; until then show the Active view.
            let page = try store.page(PageRequest(view: .active, limit: 40), viewer: viewer)
            print("\(try store.settings().name) · \(viewer.user.name) (\(viewer.role.rawValue))")
            print(TicketListTable.render(page.rows, viewer: viewer, now: Date(), width: OutputWidth.current()))
        }
    }
}
