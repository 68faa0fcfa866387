import ArgumentParser
import DeskModel
import DeskPostgresStore
import DeskTUI
import Foundation

@main
struct Deskterm: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "deskterm",
        abstract: .cli("A help desk that lives in the terminal."),
        discussion: .cli("With no command, opens the full-screen client on the desk (--demo: on the demo desk, created on first use)."),
        version: DesktermVersion.current,
        subcommands: [
            InitCommand.self, DemoCommand.self, ListCommand.self, ShowCommand.self, NewCommand.self,
            ReplyCommand.self, StatusCommand.self, AssignCommand.self, WatchCommand.self, UnwatchCommand.self,
            AttachCommand.self, SearchCommand.self, OrgCommand.self, UserCommand.self, MaintainCommand.self,
            SSHCommand.self, SSHSessionCommand.self, AuditCommand.self, BenchCommand.self,
            ImportCommand.self, ExportCommand.self, ViewCommand.self, SettingsCommand.self, DownloadCommand.self,
            CopyCommand.self,
            BackupCommand.self, RestoreCommand.self, VerifyCommand.self, DoctorCommand.self,
            MailgateCommand.self, MailCommand.self,
            EditCommand.self, SLACommand.self, ReportCommand.self,
            KBCommand.self,
            CallbackCommand.self,
        ]) }

    @OptionGroup var global: GlobalOptions

    @Flag(help: .cli("Open the demo desk (created on first use) as the agent 'alice' unless --user says otherwise."))
    var demo = false

    @OptionGroup var startChoices: StartChoiceOptions

    /// Registers the backends that live outside DeskModel, then runs as ArgumentParser does.
    static func main() {
        PostgresDeskStorage.register(listenAddress: .listening(environment: ProcessInfo.processInfo.environment))
        // Before ArgumentParser reads any help text, so that `--help` can be translated.
        CommandLanguage.prescan(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
        main(nil)
    }

    mutating func run() throws {
        let global = self.global
        let demo = self.demo
        let startChoices = self.startChoices
        var exit: DeskApp.Exit = .quit
        try runReportingErrors { () throws(DeskError) in
            let access: DeskAccess
            if demo {
                let address = try DemoCommand.address(global)
                if case .sqlite(let path) = address, !FileManager.default.fileExists(atPath: path) {
                    try DemoFirstUse.build(path: path)
                }
                access = DeskAccess(address: address, handle: global.userHandle ?? "alice", busyTimeout: global.waitForBusyDesk)
            } else {
                access = try DeskAccess(global)
            }
            let store = try access.openStore()
            let viewer = try access.viewer(in: store)
            // No key file locally: the account running the client (root under sudo) is not
            // the desk account, so its authorized_keys is not the desk's; the People screen
            // then says keys are managed over SSH or with `deskterm ssh`.
            exit = try FullScreen.run(
                store: store, viewer: viewer, restricted: false, keysFile: nil,
                explicit: try startChoices.settings(store: store, viewer: viewer),
                language: global.chosenLanguage)
        }
        if case .signal(let number) = exit { throw ExitCode(128 + number) }
    }
}

/// Which desk, as whom: what the full-screen client needs, from the command line or from a
/// forced SSH command.
struct DeskAccess {
    var address: DeskAddress
    var handle: String?
    var busyTimeout: Double

    init(address: DeskAddress, handle: String?, busyTimeout: Double) {
        self.address = address
        self.handle = handle
        self.busyTimeout = busyTimeout
    }

    init(_ options: GlobalOptions) throws(DeskError) {
        self.init(address: try options.deskAddress(), handle: options.userHandle, busyTimeout: options.waitForBusyDesk)
    }

    func openStore() throws(DeskError) -> any DeskStore {
        try Desk.open(address, busyTimeout: busyTimeout)
    }

    func viewer(in store: any DeskStore) throws(DeskError) -> Viewer {
        guard let handle else { throw .cli("Who is acting? Give --user HANDLE or set DESKTERM_USER") }
        let viewer = try store.viewer(handle: handle)
        CommandLanguage.actingUser(viewer, in: store)
        return viewer
    }
}

/// Opens the full-screen client for the acting user on a desk the caller opened (once per
/// process: see `Desk.open`).
enum FullScreen {
    /// `keysFile`: the desk account's authorized_keys, where the People screen authorises keys.
    static func run(
        store: any DeskStore, viewer: Viewer, restricted: Bool, keysFile: AuthorizedKeysFile?,
        explicit: UserSettings = UserSettings(), language: Language? = nil
    ) throws(DeskError) -> DeskApp.Exit {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw .cli("The full-screen client needs a terminal; for scripts use `deskterm list`, `show`, `reply`...")
        }
        // Opening the client must not wait for another process's write: a busy desk leaves
        // auto-closing to the next login or `maintain`.
        let closed: [Int64]
        do {
            closed = try store.autoCloseIdleTickets(waitsForWriters: false)
        } catch .databaseBusy {
            closed = []
        }
        // A shared SSH account's home is not the customer's: restricted sessions read no config.
        let (config, problem) = restricted ? (UserConfig(), nil) : UserConfig.load(path: UserConfig.defaultPath())
        var startMessage: StatusMessage?
        if let problem {
            startMessage = StatusMessage(.error, problem.phrase)
        } else if !closed.isEmpty {
            startMessage = StatusMessage(.info, Notices.idleClosed(closed.count))
        }
        // What the user chose last, kept in the desk (SSH customers have no config file).
        let stored = try store.userSettings(viewer: viewer)
        let chosenLanguage = LanguageChoice.language(
            option: language, stored: LanguageChoice.stored(stored), environment: ProcessInfo.processInfo.environment)
        // Catalogues are read before curses takes the terminal, where a warning can be read; one
        // that fails later (a language chosen in the client) is told once the terminal is back.
        Catalogues.shared.preload([.model, .client], for: chosenLanguage)
        let warningsBefore = Catalogues.shared.warnings.count
        Catalogues.shared.redirectWarnings { _ in }
        defer {
            for warning in Catalogues.shared.warnings.dropFirst(warningsBefore) {
                FileHandle.standardError.write(Data(("deskterm: " + warning + "\n").utf8))
            }
        }
        let useColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { $0.isEmpty } ?? true
        let terminal = try CursesTerminal.standard(theme: config.theme, useColor: useColor)
        var state = DeskState(deskName: try store.settings().name, viewer: viewer, size: terminal.size)
        state.applyStartChoices(stored: stored, explicit: explicit, savedViews: try store.savedViews(viewer: viewer))
        state.language = chosenLanguage
        // In an SSH session this machine is the server: its files are not the customer's.
        state.offersLocalFiles = !restricted
        state.drawsCharts = terminal.showsColour
        state.noticeKeys = config.keymap.noticeKeys
        state.articleSuggestions.isEnabled = !(try store.articles(viewer: viewer, limit: 1)).isEmpty
        // `TZ` may read `:Europe/Paris` (POSIX's file form); only an IANA name is offered.
        let zone = ProcessInfo.processInfo.environment["TZ"].map { $0.hasPrefix(":") ? String($0.dropFirst()) : $0 }
        var runtime = DeskRuntime(store: store, viewer: viewer, terminalTimeZone: zone)
        runtime.keysFile = keysFile
        let engine = DeskEngine(state: state, runtime: runtime)
        let app = DeskApp(
            engine: engine, terminal: terminal,
            options: DeskApp.Options(
                restricted: restricted, keymap: config.keymap, startMessage: startMessage,
                copiesToClipboard: OSC52.isEnabled(config.osc52, stored: stored.copiesToClipboard, sshSession: restricted)))
        return app.run()
    }
}
