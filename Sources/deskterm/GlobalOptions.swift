import ArgumentParser
import DeskModel
import Foundation

/// Options every command takes: which desk, and who is acting.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        .cli("The desk: a file (SQLite) or a postgresql:// address."),
        discussion: .cli("Default: $DESKTERM_DB, else $XDG_DATA_HOME/deskterm/desk.sqlite, else ~/.local/share/deskterm/desk.sqlite."),
        valueName: "path"))
    var db: String?

    @Option(name: .long, help: .cli("Act as this user (default: $DESKTERM_USER).", valueName: "handle"))
    var user: String?

    // Optional so that an SSH session can tell it was given (and refuse it); 10 when absent.
    @Option(name: .long, help: .cli("Seconds to wait for a desk another process is writing (default: 10).", valueName: "seconds"))
    var busyTimeout: Double?

    @Option(name: .long, help: ArgumentHelp(
        .cli("The language to speak: {tags} (default: your language stored in the desk, else $LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG, else en). For user add|set: the user's language.",
             ["tags": .text(Language.tags)]),
        valueName: "tag"))
    var language: String?

    func validate() throws {
        if let language {
            do { _ = try Language.named(language) } catch { throw ValidationError(error.phrase.shown) }
        }
        guard let busyTimeout else { return }
        guard busyTimeout.isFinite, busyTimeout >= 0, busyTimeout <= Desk.maximumBusyTimeout else {
            throw ValidationError(.cli("--busy-timeout must be a number of seconds between 0 and {limit}", ["limit": .number(Int64(Desk.maximumBusyTimeout))]))
        }
    }

    var waitForBusyDesk: Double { busyTimeout ?? 10 }

    /// `--language`, read (`validate` refused a bad one).
    var chosenLanguage: Language? { language.flatMap { try? Language.named($0) } }

    /// The options given on the command line, by name. An SSH client may give none of them:
    /// its key decides the desk and the user.
    var given: [String] {
        [db.map { _ in "--db" }, user.map { _ in "--user" }, busyTimeout.map { _ in "--busy-timeout" }].compactMap { $0 }
    }

    /// The desk: --db, else $DESKTERM_DB, else the default desk file (`DeskAddress.chosen`).
    func deskAddress() throws(DeskError) -> DeskAddress {
        let environment = ProcessInfo.processInfo.environment
        return try DeskAddress.chosen(
            option: db, environment: environment,
            fallback: DeskPaths.dataDirectory(environment).appendingPathComponent("desk.sqlite").path)
    }

    var userHandle: String? {
        if let user { return user }
        if let handle = ProcessInfo.processInfo.environment["DESKTERM_USER"], !handle.isEmpty { return handle }
        return nil
    }

    func openStore(create: Bool = false, clock: DeskClock = .system) throws(DeskError) -> any DeskStore {
        try Desk.open(try deskAddress(), clock: clock, create: create, busyTimeout: waitForBusyDesk)
    }

    /// The acting user; commands that read or change tickets need one.
    func viewer(in store: any DeskStore) throws(DeskError) -> Viewer {
        guard let handle = userHandle else {
            throw .cli("Who is acting? Give --user HANDLE or set DESKTERM_USER")
        }
        let viewer = try store.viewer(handle: handle)
        CommandLanguage.actingUser(viewer, in: store)
        return viewer
    }

    /// Directory commands are for admins; without --user the operator is trusted by file access.
    func requireAdminIfNamed(in store: any DeskStore) throws(DeskError) {
        guard userHandle != nil else { return }
        let viewer = try viewer(in: store)
        guard viewer.role == .admin else { throw .forbidden(.cli("only admins manage organisations and users")) }
    }
}

enum DeskPaths {
    static func dataDirectory(_ environment: [String: String]) -> URL {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("deskterm")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/deskterm")
    }
}

/// Runs a command body; a refusal becomes one line on stderr, in the language the command
/// speaks, and exit status 1.
func runReportingErrors(_ body: () throws(DeskError) -> Void) throws {
    do {
        try body()
    } catch {
        reportError(error)
        throw ExitCode.failure
    }
}

/// `deskterm: ` and the refusal in the language the command speaks, on standard error.
func reportError(_ error: DeskError) {
    FileHandle.standardError.write(Data("deskterm: \(TextSafety.sanitizedLine(error.phrase.shown))\n".utf8))
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

enum ShowFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension CaseView: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension SortKey: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension TicketKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Urgency: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension TicketStatus: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension ContactPreference: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Plan: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension SupportTier: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Role: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
