import DeskModel
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

// End-to-end tests of the full-screen client: the real `deskterm` binary runs in a private
// tmux server (its own `-L` socket in its own TMUX_TMPDIR, no user config), keys go in with
// `send-keys`, the screen comes back with `capture-pane`. Every wait polls the screen until
// what is expected appears (or a timeout reports the last screen); nothing sleeps blindly.

// MARK: - Tools

enum TUITools {
    /// `deskterm` as SwiftPM built it: beside the test bundle, else in `.build/debug` found by
    /// walking up from this source file.
    static let binary: URL? = {
        var candidates: [URL] = []
        let main = Bundle.main.bundleURL
        candidates += [main, main.deletingLastPathComponent()].map { $0.appendingPathComponent("deskterm") }
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("deskterm"))
        }
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            candidates.append(folder.appendingPathComponent(".build/debug/deskterm"))
            folder.deleteLastPathComponent()
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static let tmux: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        return folders.map { $0 + "/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static func require() throws -> (binary: URL, tmux: String) {
        guard let tmux else {
            throw XCTSkip("tmux is not installed: the full-screen end-to-end tests need it (apt-get install tmux)")
        }
        guard let binary else {
            throw XCTSkip("The deskterm executable was not found next to the tests; run `swift build --build-tests` first")
        }
        return (binary, tmux)
    }
}

/// What one run of a program did.
struct ToolResult: CustomStringConvertible {
    var status: Int32
    var stdoutData: Data
    var stderr: String
    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs a program to its end, with `posix_spawn` rather than Foundation's `Process`: the tmux
/// server that `new-session` forks inherits its client's descriptors, and `Process` waits for
/// a descriptor of its own to close, so it would wait as long as the server lives. Here the
/// child gets files for its standard streams and no other descriptor of the test process.
func runTool(_ executable: String, _ arguments: [String], stdin: Data? = nil, environment: [String: String], timeout: TimeInterval = 30) -> ToolResult {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory())
    let token = UUID().uuidString
    let outPath = folder.appendingPathComponent("dtui-out-\(token)").path
    let errPath = folder.appendingPathComponent("dtui-err-\(token)").path
    let inPath = folder.appendingPathComponent("dtui-in-\(token)").path
    defer {
        for path in [outPath, errPath, inPath] { try? FileManager.default.removeItem(atPath: path) }
    }
    if let stdin { FileManager.default.createFile(atPath: inPath, contents: stdin) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdin == nil ? "/dev/null" : inPath, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    for fd in Int32(3)..<1024 where fcntl(fd, F_GETFD) != -1 {
        posix_spawn_file_actions_addclose(&actions, fd)
    }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else {
        return ToolResult(status: -1, stdoutData: Data(), stderr: "cannot launch \(executable): error \(spawned)")
    }
    // Poll, so a hung child cannot hang the suite.
    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
        if Date() > deadline {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
            break
        }
        usleep(2_000)
    }
    let exitCode = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let stdoutData = FileManager.default.contents(atPath: outPath) ?? Data()
    let stderrData = FileManager.default.contents(atPath: errPath) ?? Data()
    return ToolResult(status: exitCode, stdoutData: stdoutData, stderr: String(decoding: stderrData, as: UTF8.self))
}

struct TUITestFailure: Error, CustomStringConvertible {
    var description: String
}

// MARK: - A desk on disk

/// A desk in a fresh temporary folder, read and changed through the CLI.
final class TUIDesk {
    /// Deterministic demo data; `--now` is fixed, so the tickets are the same on every run.
    static let demoArguments = ["--tickets", "40", "--seed", "3", "--now", "2026-11-20T12:00:00Z"]

    let directory: URL
    let path: String
    let binary: URL

    /// `address`: a desk elsewhere (a `postgresql://` address) instead of a file in the folder.
    init(binary: URL, address: String? = nil) throws {
        self.binary = binary
        directory = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("dtui-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = address ?? directory.appendingPathComponent("desk.sqlite").path
    }

    /// A new demo desk (40 tickets, seed 3).
    static func demo(binary: URL) throws -> TUIDesk {
        let desk = try TUIDesk(binary: binary)
        let result = desk.cli(["demo"] + demoArguments, user: nil)
        guard result.status == 0 else { throw TUITestFailure(description: "deskterm demo failed: \(result)") }
        return desk
    }

    /// Removes the folder; a client that tmux is still hanging up may write in it for a
    /// moment, so this tries again for up to a second.
    func remove() {
        for _ in 0..<20 {
            try? FileManager.default.removeItem(at: directory)
            if !FileManager.default.fileExists(atPath: directory.path) { return }
            usleep(50_000)
        }
    }

    var environment: [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "dumb", "COLUMNS": "100"]
    }

    /// `deskterm --db <desk> [--user <user>] <arguments>`.
    @discardableResult
    func cli(_ arguments: [String], user: String? = "alice", stdin: String? = nil) -> ToolResult {
        var full = ["--db", path]
        if let user { full += ["--user", user] }
        return runTool(binary.path, full + arguments, stdin: stdin.map { Data($0.utf8) }, environment: environment)
    }

    /// Read as the admin: `show` records the ticket as recently viewed by whoever reads it, and
    /// the tests must not change alice's Recent view behind the client's back.
    func ticket(_ number: Int64, as user: String = "sam") throws -> TicketJSON {
        let result = cli(["show", String(number), "--format", "json"], user: user)
        guard result.status == 0 else { throw TUITestFailure(description: "show \(number) failed: \(result)") }
        return try JSONDecoder.tuiDesk.decode(TicketJSON.self, from: result.stdoutData)
    }

    func list(view: String, sort: String? = nil, oldestFirst: Bool = false, as user: String = "alice") throws -> TicketListJSON {
        var arguments = ["list", "--view", view, "--format", "json", "--limit", "200"]
        if let sort { arguments += ["--sort", sort] }
        if oldestFirst { arguments.append("--oldest-first") }
        let result = cli(arguments, user: user)
        guard result.status == 0 else { throw TUITestFailure(description: "list --view \(view) failed: \(result)") }
        return try JSONDecoder.tuiDesk.decode(TicketListJSON.self, from: result.stdoutData)
    }

    /// Creates a ticket with the CLI and returns its number.
    func newTicket(subject: String, body: String, as user: String, extra: [String] = []) throws -> Int64 {
        let result = cli(["new", "--subject", subject, "--body-file", "-"] + extra, user: user, stdin: body)
        guard result.status == 0, let number = result.stdout.firstMatch(of: /#(\d+)/).flatMap({ Int64($0.1) }) else {
            throw TUITestFailure(description: "new failed: \(result)")
        }
        return number
    }

    /// The user's saved draft in a slot, read straight from the desk file.
    func draft(_ slot: DraftSlot, of handle: String = "alice") throws -> Draft? {
        let store = try Desk.open(address: path)
        return try store.draft(slot, viewer: try store.viewer(handle: handle))
    }
}

// MARK: - The client in tmux

/// One `deskterm` client running in a private tmux server.
final class TmuxClient {
    let tmux: String
    let binary: URL
    let desk: TUIDesk
    /// Sockets live in a folder of their own, so no test ever reaches another tmux server.
    let socketFolder: URL
    private(set) var socket = ""
    private var sockets: [String] = []
    let session = "desk"

    init(tmux: String, binary: URL, desk: TUIDesk) throws {
        self.tmux = tmux
        self.binary = binary
        self.desk = desk
        socketFolder = desk.directory.appendingPathComponent("tmux", isDirectory: true)
        try FileManager.default.createDirectory(at: socketFolder, withIntermediateDirectories: true)
    }

    /// Starts `deskterm --db <desk> --user <user>` in a new tmux server. The shell around it
    /// reports the exit status and whether the terminal modes came back:
    /// `EXITED=<status> TTY=restored|changed`, then sets the pane title to `shell-again`.
    /// `sshSessionOf` starts `deskterm ssh-session --desk <desk> <handle>` instead, as an SSH
    /// key's forced command would.
    func start(
        user: String = "alice", columns: Int = 100, rows: Int = 30, environment: [String: String] = [:], clipboard: Bool = false,
        sshSessionOf sshHandle: String? = nil, extraArguments: [String] = []
    ) throws {
        stop()
        socket = "dt\(getpid())-\(UUID().uuidString.prefix(6))"
        sockets.append(socket)
        var variables = [
            "PATH": "/usr/bin:/bin", "HOME": desk.directory.path, "TERM": "tmux-256color", "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": desk.directory.appendingPathComponent("no-config").path,
        ]
        variables.merge(environment) { _, new in new }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuoted($0.value))" }.joined(separator: " ")
        let command = [
            "before=$(stty -g)",
            "env -i \(assignments) \(shellQuoted(binary.path)) " + (sshHandle.map { "ssh-session --desk \(shellQuoted(desk.path)) \(shellQuoted($0))" }
                ?? "--db \(shellQuoted(desk.path)) --user \(shellQuoted(user))") + extraArguments.map { " " + shellQuoted($0) }.joined(),
            "status=$?",
            "if [ \"$(stty -g)\" = \"$before\" ]; then tty=restored; else tty=changed; fi",
            "printf '\\033]0;shell-again\\007'",
            "echo \"EXITED=$status TTY=$tty\"",
            "exec sleep 600",
        ].joined(separator: "; ")
        var arguments = ["new-session", "-d", "-s", session, "-x", String(columns), "-y", String(rows), "/bin/sh", "-c", command]
        if clipboard { arguments += [";", "set-option", "-g", "set-clipboard", "on"] }
        let result = run(arguments)
        guard result.status == 0 else { throw TUITestFailure(description: "tmux new-session failed: \(result)") }
    }

    /// Kills every tmux server this client started.
    func stop() {
        for socket in sockets { _ = run(["kill-server"], socket: socket) }
        sockets.removeAll()
    }

    private var toolEnvironment: [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": desk.directory.path, "TMUX_TMPDIR": socketFolder.path, "LANG": "C.UTF-8", "SHELL": "/bin/sh"]
    }

    @discardableResult
    func run(_ arguments: [String], socket: String? = nil) -> ToolResult {
        runTool(tmux, ["-L", socket ?? self.socket, "-f", "/dev/null"] + arguments, environment: toolEnvironment)
    }

    /// Keys by tmux name: "j", "Enter", "Tab", "C-s", "Escape", "Right".
    func press(_ keys: String...) {
        run(["send-keys", "-t", session] + keys)
    }

    /// Text typed literally.
    func type(_ text: String) {
        run(["send-keys", "-t", session, "-l", text])
    }

    func resize(columns: Int, rows: Int) {
        run(["resize-window", "-t", session, "-x", String(columns), "-y", String(rows)])
    }

    /// A tmux format about the pane: `#{pane_title}`, `#{alternate_on}`...
    func display(_ format: String) -> String {
        run(["display-message", "-p", "-t", session, format]).stdout.trimmingCharacters(in: .newlines)
    }

    func screen() -> Screen {
        Screen(styled: run(["capture-pane", "-p", "-e", "-t", session]).stdout)
    }

    /// Polls the screen until `condition` holds on a settled screen (two captures 30 ms apart
    /// agree: a capture can catch the client halfway through drawing a frame); on timeout the
    /// error shows the last screen.
    @discardableResult
    func wait(for what: String, timeout: TimeInterval = 5, _ condition: (Screen) -> Bool) throws -> Screen {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = self.screen()
        while true {
            if condition(screen) {
                usleep(30_000)
                let again = self.screen()
                if again.lines == screen.lines { return again }
                screen = again
                continue
            }
            guard Date() < deadline else {
                throw TUITestFailure(description: "Timed out after \(timeout) s waiting for \(what). The screen:\n\(screen)")
            }
            usleep(40_000)
            screen = self.screen()
        }
    }

    @discardableResult
    func wait(forText text: String, timeout: TimeInterval = 5) throws -> Screen {
        try wait(for: "\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// The first screen of a started client: the list with a selected row.
    @discardableResult
    func waitForList() throws -> Screen {
        // The first tab in any language ("1 Recent", "1 Réc", "1 最近").
        try wait(for: "the ticket list") { $0.topBar.range(of: #" 1 \S"#, options: .regularExpression) != nil && $0.selectedNumber != nil }
    }

    /// The `deskterm` process: the child of the pane's shell.
    func clientPID() throws -> pid_t {
        guard let shell = pid_t(display("#{pane_pid}")) else { throw TUITestFailure(description: "no pane pid") }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // "pid (comm) state ppid ..."
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, pid_t(fields[1]) == shell else { continue }
            let name = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            if name == "deskterm" { return pid }
        }
        throw TUITestFailure(description: "no deskterm process under the pane's shell \(shell)")
    }
}

func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

// MARK: - The screen as tmux shows it

/// One `capture-pane -p -e`: the text of each row, plus enough of the SGR attributes to tell
/// which cells are highlighted (the selected row, the active tab).
struct Screen: CustomStringConvertible {
    /// Row texts with trailing blanks removed.
    let lines: [String]
    /// Per row, for each character of `lines`: drawn on a cyan background (the selected row
    /// of the focused list, the active tab)...
    let cyan: [[Bool]]
    /// ...or in reverse video (bars, the selected row of a list without focus).
    let reverse: [[Bool]]

    init(styled: String) {
        var rows = styled.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if rows.last == "" { rows.removeLast() }
        var lines: [String] = []
        var cyanRows: [[Bool]] = []
        var reverseRows: [[Bool]] = []
        var reverse = false
        var cyan = false
        for row in rows {
            var text = ""
            var cyanMarks: [Bool] = []
            var reverseMarks: [Bool] = []
            var characters = row[...]
            while let character = characters.first {
                characters = characters.dropFirst()
                if character == "\u{1B}" {
                    // ESC [ params m
                    guard characters.first == "[" else { continue }
                    characters = characters.dropFirst()
                    var parameters = ""
                    while let next = characters.first, !next.isLetter {
                        parameters.append(next)
                        characters = characters.dropFirst()
                    }
                    let final = characters.first
                    characters = characters.dropFirst()
                    guard final == "m" else { continue }
                    var codes = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
                    if codes.isEmpty { codes = [0] }
                    var index = 0
                    while index < codes.count {
                        switch codes[index] {
                        case 0: reverse = false; cyan = false
                        case 7: reverse = true
                        case 27: reverse = false
                        case 46: cyan = true
                        case 40...45, 47, 49: cyan = false
                        case 38, 48:
                            if codes[index] == 48 { cyan = false }
                            index += (index + 1 < codes.count && codes[index + 1] == 5) ? 2 : 4
                        default: break
                        }
                        index += 1
                    }
                    continue
                }
                text.append(character)
                cyanMarks.append(cyan)
                reverseMarks.append(reverse)
            }
            while text.last == " " {
                text.removeLast()
                cyanMarks.removeLast()
                reverseMarks.removeLast()
            }
            lines.append(text)
            cyanRows.append(cyanMarks)
            reverseRows.append(reverseMarks)
        }
        self.lines = lines
        self.cyan = cyanRows
        self.reverse = reverseRows
    }

    var text: String { lines.joined(separator: "\n") }
    var description: String {
        lines.enumerated().map { String(format: "%2d|", $0.offset) + $0.element }.joined(separator: "\n")
    }

    func contains(_ text: String) -> Bool { lines.contains { $0.contains(text) } }
    var topBar: String { lines.first ?? "" }
    var bottomLine: String { lines.last ?? "" }
    func line(containing text: String) -> String? { lines.first { $0.contains(text) } }

    /// Tab titles in full and as a narrow top bar abbreviates them.
    static let tabTitles: [(full: String, short: String, digit: String)] = [
        ("Recent", "Rec", "1"), ("Active", "Act", "2"), ("Mine", "Mine", "3"), ("All open", "Open", "4"), ("All", "All", "5"),
    ]

    /// The count shown in a view's tab ("5 All 40" -> 40), its title in full or abbreviated.
    func tabCount(_ title: String) -> Int? {
        guard let tab = Self.tabTitles.first(where: { $0.full == title }) else { return nil }
        guard let range = topBar.range(of: " \(tab.digit) \(tab.full) ") ?? topBar.range(of: " \(tab.digit) \(tab.short) ") else { return nil }
        return Int(topBar[range.upperBound...].prefix { $0.isNumber })
    }

    /// The highlighted tab with its title in full, e.g. "5 All 40" (also when drawn "5 All 40"
    /// or "2 Act 18" in a narrow bar).
    var activeTab: String {
        guard let marks = cyan.first else { return "" }
        let text = zip(topBar, marks).filter(\.1).map { String($0.0) }.joined().trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, let tab = Self.tabTitles.first(where: { $0.digit == parts[0] }) else { return text }
        var rest = parts[1].hasPrefix(tab.full) ? String(parts[1].dropFirst(tab.full.count)) : String(parts[1].dropFirst(tab.short.count))
        // The unread count (" •3") is read by `tabUnread`.
        if let mark = rest.range(of: " •") { rest = String(rest[..<mark.lowerBound]) }
        return "\(tab.digit) \(tab.full)\(rest)"
    }

    /// A view's unread count as its tab shows it ("2 Act 18 •3" -> "3", "•99+" -> "99+"), nil
    /// when it shows none.
    func tabUnread(_ title: String) -> String? {
        guard let tab = Self.tabTitles.first(where: { $0.full == title }) else { return nil }
        guard let range = topBar.range(of: " \(tab.digit) \(tab.full) ") ?? topBar.range(of: " \(tab.digit) \(tab.short) ") else { return nil }
        let after = topBar[range.upperBound...].drop { $0.isNumber }
        guard after.hasPrefix(" •") else { return nil }
        return String(after.dropFirst(2).prefix { $0.isNumber || $0 == "+" })
    }

    /// The mark in a list row's first column: `*` tagged, `•` unread, nil for none.
    func rowMark(_ number: Int64) -> Character? {
        guard let first = row(number)?.first, first == "*" || first == "•" else { return nil }
        return first
    }

    /// Ticket numbers of the list rows, top to bottom (rows that start with "#N ").
    var listNumbers: [Int64] {
        lines.dropFirst().compactMap { Self.rowNumber($0) }
    }

    /// The number of the highlighted list row.
    var selectedNumber: Int64? {
        for (index, line) in lines.enumerated().dropFirst() {
            guard let number = Self.rowNumber(line), let hash = line.firstIndex(of: "#") else { continue }
            let offset = line.distance(from: line.startIndex, to: hash)
            if cyan[index].indices.contains(offset), cyan[index][offset] || reverse[index][offset] { return number }
        }
        return nil
    }

    /// Whether the help overlay has a row binding `keys` (as shown, e.g. "q esc") to `label`.
    func helpShows(_ keys: String, _ label: String) -> Bool {
        let pattern = "(│| ) " + NSRegularExpression.escapedPattern(for: keys) + " +" + NSRegularExpression.escapedPattern(for: label) + "( |│|$)"
        return lines.contains { $0.range(of: pattern, options: .regularExpression) != nil }
    }

    /// The list row of a ticket.
    func row(_ number: Int64) -> String? {
        lines.dropFirst().first { Self.rowNumber($0) == number }
    }

    /// Whether the list rows on screen are consecutive tickets of `order` (the screen shows
    /// a window of the view, wherever it is scrolled).
    func showsWindow(of order: [Int64]) -> Bool {
        let shown = listNumbers
        guard let first = shown.first, let start = order.firstIndex(of: first) else { return false }
        return Array(order[start...].prefix(shown.count)) == shown
    }

    static func rowNumber(_ line: String) -> Int64? {
        // A row may start with its mark (`*` tagged, `•` unread).
        guard let match = line.firstMatch(of: #/^[\s*•]?\s*#(\d+) /#) else { return nil }
        return Int64(match.1)
    }
}

// MARK: - The documented JSON

struct TicketRowJSON: Decodable, Equatable {
    var number: Int64
    var subject: String
    var status: String
    var kind: String
    var urgency: String
    var requester: String
    var assignee: String?
    var updated: Date
}

struct TicketListJSON: Decodable, Equatable {
    var view: String?
    var sort: String?
    var total: Int?
    var tickets: [TicketRowJSON]
    var numbers: [Int64] { tickets.map(\.number) }
}

struct MessageJSON: Decodable, Equatable {
    var id: Int64
    var kind: String
    var author: String?
    var body: String
}

struct TicketJSON: Decodable, Equatable {
    var number: Int64
    var subject: String
    var description: String
    var status: String
    var kind: String
    var product: String
    var subcategory: String?
    var urgency: String
    var contact: String?
    var requester: String
    var assignee: String?
    var watchers: [String]
    var messages: [MessageJSON]
}

extension JSONDecoder {
    static var tuiDesk: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

// MARK: - Per-test fixture

/// A demo desk and a tmux client on it; `close()` in tearDown kills the tmux server and
/// removes the desk.
final class TUIFixture {
    let desk: TUIDesk
    let client: TmuxClient

    init(demo: Bool = true) throws {
        let tools = try TUITools.require()
        desk = try demo ? TUIDesk.demo(binary: tools.binary) : TUIDesk(binary: tools.binary)
        client = try TmuxClient(tmux: tools.tmux, binary: tools.binary, desk: desk)
    }

    func close() {
        client.stop()
        desk.remove()
    }
}

// MARK: - Columns as tmux counts them

/// Terminal columns of a captured line, counted as tmux 3.3 does and independently of the code
/// under test: East Asian wide and fullwidth characters, emoji-presentation characters and
/// anything followed by VS16 take 2, combining marks 0, the rest 1.
func tmuxWidth(_ text: String) -> Int {
    text.reduce(0) { total, character in
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return total }
        if scalars.contains(where: { $0.value == 0xFE0F || $0.properties.isEmojiPresentation }) { return total + 2 }
        let v = first.value
        let wideRanges: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
        ]
        if wideRanges.contains(where: { $0.contains(v) }) { return total + 2 }
        if first.properties.generalCategory == .nonspacingMark { return total }
        return total + 1
    }
}

/// A subject as the client draws it in tmux: a symbol made emoji by VS16 ("⚠️") is written as
/// its base character and a blank (see `CursesTerminal.cursesText`).
func asDrawn(_ text: String) -> String {
    String(text.unicodeScalars.map { $0.value == 0xFE0F ? " " : Character($0) })
}
