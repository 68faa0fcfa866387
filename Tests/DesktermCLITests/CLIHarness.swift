import DeskModel
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `deskterm` executable, the one SwiftPM built next to the test bundle.
enum DesktermBinary {
    /// The first candidate that exists: beside the running test bundle (on Linux
    /// `Bundle.main.bundleURL` is the build folder, e.g. `.build/debug`), else the build
    /// folder found by walking up from this source file.
    static let url: URL? = {
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

    static func require() throws -> URL {
        guard let url else {
            throw XCTSkip("The deskterm executable was not found next to the tests; run `swift build --build-tests` first")
        }
        return url
    }
}

/// What one run of `deskterm` did.
struct CLIResult: CustomStringConvertible {
    var status: Int32
    var stdoutData: Data
    var stderrData: Data

    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    var stderr: String { String(decoding: stderrData, as: UTF8.self) }
    var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastIfEmpty() }

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

private extension Array where Element == String {
    func dropLastIfEmpty() -> [String] { last == "" ? Array(dropLast()) : self }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// Runs `body` on a thread of its own. Pipe I/O must not wait for a Dispatch worker: when
/// the workers are all blocked in `waitUntilExit`, Linux's pool grows by one thread a second.
private func onNewThread(_ group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
    group.enter()
    Thread {
        body()
        group.leave()
    }.start()
}

/// Runs an executable with a fixed, minimal environment; stdin comes from a pipe (empty when
/// no input is given, so a command that reads a body never waits on the terminal).
func runProcess(
    _ executable: URL, _ arguments: [String], stdin: Data? = nil, environment: [String: String], currentDirectory: URL? = nil
) -> CLIResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let input = Pipe(), output = Pipe(), errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    let out = DataBox(), err = DataBox()
    let group = DispatchGroup()
    onNewThread(group) { out.data = output.fileHandleForReading.readDataToEndOfFile() }
    onNewThread(group) { err.data = errors.fileHandleForReading.readDataToEndOfFile() }
    do {
        try process.run()
    } catch {
        try? output.fileHandleForWriting.close()
        try? errors.fileHandleForWriting.close()
        group.wait()
        return CLIResult(status: -1, stdoutData: Data(), stderrData: Data("cannot launch \(executable.path): \(error)\n".utf8))
    }
    let writer = input.fileHandleForWriting
    onNewThread(group) {
        if let stdin { try? writer.write(contentsOf: stdin) }
        try? writer.close()
    }
    process.waitUntilExit()
    group.wait()
    return CLIResult(status: process.terminationStatus, stdoutData: out.data, stderrData: err.data)
}

/// A desk in a fresh temporary folder, and `deskterm` runs against it.
final class TempDesk: @unchecked Sendable {
    let directory: URL
    let path: String
    let binary: URL

    /// `path` is the desk's address: the file in `directory` on SQLite, a new empty database on
    /// PostgreSQL (`CLIBackend`), where `file` names nothing.
    init(file: String = "desk.sqlite") throws {
        binary = try DesktermBinary.require()
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("deskterm-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        switch try CLIBackend.selected() {
        case .sqlite: path = directory.appendingPathComponent(file).path
        case .postgresql: path = try CLIPostgresDesks.shared.newDatabase()
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
        if !path.hasPrefix("/") { CLIPostgresDesks.shared.drop(address: path) }
    }

    func environment(user: String? = nil, columns: Int = 100) -> [String: String] {
        var environment = [
            "PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            "COLUMNS": String(columns), "TERM": "dumb",
        ]
        if let user { environment["DESKTERM_USER"] = user }
        return environment
    }

    /// `deskterm --db <desk> [--user <user>] <arguments>`; `env` names the acting user through
    /// DESKTERM_USER instead of --user.
    @discardableResult
    func run(
        _ arguments: [String], user: String? = nil, env: String? = nil, stdin: String? = nil, columns: Int = 100
    ) -> CLIResult {
        var full = ["--db", path]
        if let user { full += ["--user", user] }
        return runProcess(binary, full + arguments, stdin: stdin.map { Data($0.utf8) }, environment: environment(user: env, columns: columns))
    }

    /// Runs `deskterm` with exactly these arguments (no --db added).
    func runRaw(_ arguments: [String], env: String? = nil, stdin: String? = nil, columns: Int = 100) -> CLIResult {
        runProcess(binary, arguments, stdin: stdin.map { Data($0.utf8) }, environment: environment(user: env, columns: columns))
    }

    func file(_ name: String) -> URL { directory.appendingPathComponent(name) }

    func write(_ name: String, _ text: String) throws -> String {
        let url = file(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func store() throws -> Desk { try Desk.open(address: path) }

    // MARK: - Reading the desk back through the CLI's JSON

    func ticket(_ number: Int64, as user: String, file: StaticString = #filePath, line: UInt = #line) throws -> TicketJSON {
        let result = run(["show", String(number), "--format", "json"], user: user)
        XCTAssertEqual(result.status, 0, "\(result)", file: file, line: line)
        return try JSONDecoder.desk.decode(TicketJSON.self, from: result.stdoutData)
    }

    func list(_ extra: [String] = [], as user: String, file: StaticString = #filePath, line: UInt = #line) throws -> TicketListJSON {
        let result = run(["list", "--format", "json"] + extra, user: user)
        XCTAssertEqual(result.status, 0, "\(result)", file: file, line: line)
        return try JSONDecoder.desk.decode(TicketListJSON.self, from: result.stdoutData)
    }

    func numbers(_ extra: [String] = [], as user: String, file: StaticString = #filePath, line: UInt = #line) throws -> [Int64] {
        try list(extra, as: user, file: file, line: line).tickets.map(\.number)
    }
}

// MARK: - The documented JSON, decoded

struct TicketRowJSON: Decodable, Equatable {
    var number: Int64
    var subject: String
    var status: String
    var statusLabel: String
    var kind: String
    var urgency: String
    var requester: String
    var organisation: String?
    var assignee: String?
    var created: Date
    var updated: Date
    /// Staff only: the earliest running service-level due time.
    var due: Date?
}

struct TicketListJSON: Decodable, Equatable {
    var view: String?
    var sort: String?
    var oldestFirst: Bool?
    var query: String?
    var total: Int?
    var tickets: [TicketRowJSON]
}

struct MessageJSON: Decodable, Equatable {
    var id: Int64
    var kind: String
    var author: String?
    var created: Date
    var inReplyTo: Int64?
    var body: String

    /// `kind author: body`, one line per message: easy to state whole histories.
    var summary: String { "\(kind) \(author ?? "-"): \(body)" }
}

struct AttachmentJSON: Decodable, Equatable {
    var id: Int64
    var name: String
    var mediaType: String
    var size: Int64
    var sha256: String
    var uploader: String?
    var created: Date
}

struct TicketJSON: Decodable, Equatable {
    var number: Int64
    var subject: String
    var description: String
    var status: String
    var statusLabel: String
    var kind: String
    var product: String
    var category: String
    var subcategory: String
    var urgency: String
    var requester: String
    var organisation: String?
    var assignee: String?
    var contact: String
    var followUpOf: Int64?
    var created: Date
    var updated: Date
    var watchers: [String]
    var attachments: [AttachmentJSON]
    var messages: [MessageJSON]

    var history: [String] { messages.map(\.summary) }
}

extension JSONDecoder {
    static var desk: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

// MARK: - A small world most tests start from

/// | organisation | plan | tier | customers |
/// |---|---|---|---|
/// | Acme Corp | pro | priority | ann (own), carl (organisation) |
/// | Free Co | free | standard | fred (own) |
/// | Other Ltd | business | standard | olga (organisation) |
///
/// Agents bob and dora, admin root. Built through the store in-process (fast); `init`,
/// `org add` and `user add` have their own end-to-end tests.
func makeWorld() throws -> TempDesk {
    let desk = try TempDesk()
    let store = try Desk.open(address: desk.path, create: true)
    try store.updateSettings(DeskSettings(name: "Test desk"))
    _ = try store.addOrganisation(NewOrganisation(name: "Acme Corp", plan: .pro, tier: .priority))
    _ = try store.addOrganisation(NewOrganisation(name: "Free Co", plan: .free, tier: .standard))
    _ = try store.addOrganisation(NewOrganisation(name: "Other Ltd", plan: .business, tier: .standard))
    let users: [NewUser] = [
        NewUser(handle: "root", name: "Rita Root", email: "root@desk.example", role: .admin),
        NewUser(handle: "bob", name: "Bob Agent", email: "bob@desk.example", role: .agent),
        NewUser(handle: "dora", name: "Dora Agent", email: "dora@desk.example", role: .agent),
        NewUser(handle: "ann", name: "Ann Acme", email: "ann@acme.example", role: .customer, organisationName: "Acme Corp"),
        NewUser(handle: "carl", name: "Carl Acme", email: "carl@acme.example", role: .customer, organisationName: "Acme Corp", caseAccess: .organisation),
        NewUser(handle: "fred", name: "Fred Free", email: "fred@free.example", role: .customer, organisationName: "Free Co"),
        NewUser(handle: "olga", name: "Olga Other", email: "olga@other.example", role: .customer, organisationName: "Other Ltd", caseAccess: .organisation),
    ]
    for user in users { _ = try store.addUser(user) }
    return desk
}

// MARK: - Assertions

/// A refusal: exit status 1, nothing on stdout, exactly one line on stderr.
func assertRefused(_ result: CLIResult, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(result.status, 1, "\(result)", file: file, line: line)
    XCTAssertEqual(result.stdout, "", file: file, line: line)
    XCTAssertEqual(result.stderr, "deskterm: \(message)\n", file: file, line: line)
}

/// Success: exit status 0, exactly this on stdout, nothing on stderr.
func assertSucceeded(_ result: CLIResult, _ output: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(result.status, 0, "\(result)", file: file, line: line)
    XCTAssertEqual(result.stdout, output, file: file, line: line)
    XCTAssertEqual(result.stderr, "", file: file, line: line)
}

/// Terminal columns of a line, written independently of the code under test: East Asian wide
/// and fullwidth characters and emoji-presentation sequences take 2, combining marks 0.
func terminalWidth(_ text: String) -> Int {
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

/// Table output with the relative UPDATED column (which depends on the wall clock) replaced
/// by `AGE`, so whole tables can be stated.
/// Ages (UPDATED) and service-level due times (DUE: "2d", "!3h" breached, "~40m" due soon)
/// depend on the clock and, for due times, on the weekday: each becomes " AGE", with the
/// spaces before it, so that a literal holds whatever the day.
func normalizingAges(_ table: String) -> String {
    table.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.replacingOccurrences(of: " +(now|[!~]?[0-9]+[mhdwy])(?= |$)", with: " AGE", options: .regularExpression) }
        .joined(separator: "\n")
}

func sha256sum(_ path: String) -> String {
    let result = runProcess(URL(fileURLWithPath: "/usr/bin/sha256sum"), [path], environment: ["PATH": "/usr/bin:/bin"])
    return String(result.stdout.prefix { $0 != " " })
}
