import Foundation
import XCTest

/// Guards the command line against English that bypasses the catalogue: a command added later
/// with `abstract: "…"`, `help: "…"`, a `static let configuration` (help frozen before the
/// language is known), a refusal built from an English string, or `print("Done")` fails here,
/// naming the file and line. Text that is not language (protocol words, units, program names)
/// is allowed only by the reviewed list below.
final class CommandLineLiteralGuardTests: XCTestCase {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/deskterm")

    /// Reviewed literals that contain letters yet are no sentence to translate, as
    /// "File.swift: the literal without interpolations, format specifiers or surrounding spaces".
    static let allowed: Set<String> = [
        // The program's name before a refusal that is itself translated (`deskterm: …`).
        "GlobalOptions.swift: deskterm:",
        "SSHSessionCommand.swift: deskterm:",
        // mailgate's one failure line, read by the MTA's log and bounce before any user is known:
        // English on purpose (README, "Languages").
        "MailCommands.swift: deskterm mailgate:",
        // The program and the file before an import problem, one per refused file.
        "KBCommands.swift: deskterm: :",
        // A debugging trace for developers (DESKTERM_SSH_DEBUG), not for users.
        "SSHSessionCommand.swift: deskterm (debug):",
        // The SI symbol for seconds after a number on a progress line.
        "ProgressBar.swift: · s",
        "CopyProgress.swift: s",
        // The benchmark's statistics columns, written as benchmark reports write them in any language.
        "BenchCommand.swift: N", "BenchCommand.swift: P50 MS", "BenchCommand.swift: P99 MS", "BenchCommand.swift: MAX MS",
        // JSON's escape of a control character: protocol text.
        "JSONOutput.swift: \\u",
    ]

    func testNoCommandPrintsOrDescribesItselfWithAnEnglishLiteral() throws {
        var problems: [String] = []
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        XCTAssertGreaterThan(files.count, 30)
        for file in files where file.lastPathComponent != "PhraseDomain+CommandLine.swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            problems += CommandLineLiteralGuard.problems(in: text, file: file.lastPathComponent, allowed: Self.allowed)
        }
        XCTAssertEqual(problems, [], "\n" + problems.joined(separator: "\n"))
    }

    /// The guard can fail: each way of writing English past the catalogue is caught, and the
    /// translated forms and text without words pass.
    func testTheGuardCatchesEveryKindOfEnglishLiteral() {
        let caught = [
            #"static let configuration = CommandConfiguration(commandName: "x")"#,
            #"    abstract: "Do a thing.","#,
            #"    discussion: """"#,
            #"@Flag(help: "Replace it.") var force = false"#,
            #"@Argument(help: ArgumentHelp("The file.", valueName: "file")) var file: String"#,
            #"throw .invalidInput("no such thing")"#,
            #"throw DeskError.notAllowed("admins only")"#,
            #"guard limit > 0 else { throw ValidationError("--limit must be at least 1") }"#,
            #"TextTable.Column(title: "TICKET", priority: 1, minWidth: 6),"#,
            #"guard let desk = store as? Desk else { throw .storage("this desk has no mail settings") }"#,
            #"print("Backed up \(path) in \(seconds)s")"#,
            #"FileHandle.standardError.write(Data("warning: \(detail)\n".utf8))"#,
            #"print(String(format: "Restored %@ in %.1f seconds", path, seconds))"#,
            #"print(all ? "The outbox is empty" : "No mail waiting")"#,
        ]
        for line in caught {
            XCTAssertFalse(CommandLineLiteralGuard.problems(in: line, file: "Sample.swift", allowed: []).isEmpty, line)
        }
        let passing = [
            #"static var configuration: CommandConfiguration { CommandConfiguration(commandName: "x", abstract: .cli("Do a thing.")) }"#,
            #"@Flag(help: .cli("Replace it.")) var force = false"#,
            #"print("\(name.rawValue) = \(TextSafety.sanitizedLine(value))")"#,
            #"print(String(format: "%.2f", value))"#,
            #"FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))"#,
            #"say(.cli("Backed up {desk}", ["desk": .text(path)]))"#,
            #"// print("a comment is no output")"#,
        ]
        for line in passing {
            XCTAssertEqual(CommandLineLiteralGuard.problems(in: line, file: "Sample.swift", allowed: []), [], line)
        }
        XCTAssertEqual(CommandLineLiteralGuard.problems(in: #"print("deskterm: \(x)")"#, file: "A.swift", allowed: ["A.swift: deskterm:"]), [])
    }
}

/// Reads Swift source line by line for English that does not go through a `.cli` phrase.
enum CommandLineLiteralGuard {
    /// Spots whose string literal is help text or a refusal, never allowed as a literal.
    static let forbidden = [#"abstract: ""#, #"discussion: ""#, #"help: ""#, #"usage: ""#, #"ArgumentHelp(""#,
                            #".invalidInput(""#, #".notAllowed(""#, #".storage(""#,
                            #"ValidationError(""#]
    /// Spots that write to the terminal: their literal may hold no letters but reviewed ones.
    static let output = [#"print(""#, #"write(Data(""#, #"String(format: ""#, #"title: ""#]
    /// A ternary's literal branches: `print(all ? "The outbox is empty" : "No mail waiting")`.
    static let branches = [#"? ""#, #" : ""#]

    static func problems(in text: String, file: String, allowed: Set<String>) -> [String] {
        var problems: [String] = []
        for (index, rawLine) in text.components(separatedBy: "\n").enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("//") || line.hasPrefix("///") { continue }
            let place = "\(file):\(index + 1)"
            if line.contains("static let configuration") {
                problems.append("\(place): `static let configuration` is read before the language is chosen; make it `static var … { … }` with .cli help")
            }
            for marker in forbidden where line.contains(marker) {
                problems.append("\(place): \(marker)…: use .cli(\"…\") so it is translated")
            }
            // On a line that writes output, a ternary's branches are written too.
            let writes = output.contains { line.contains($0.dropLast()) }
            for marker in output + (writes ? branches : []) {
                var rest = line[...]
                while let range = rest.range(of: marker) {
                    let words = wordsOfLiteral(starting: rest[range.upperBound...]).trimmingCharacters(in: .whitespaces)
                    if words.contains(where: \.isLetter), !allowed.contains("\(file): \(words)") {
                        problems.append("\(place): \(marker)\(words)…: an English literal on the terminal; say it with a .cli phrase")
                    }
                    rest = rest[range.upperBound...]
                }
            }
        }
        return problems
    }

    /// The literal's own text up to its closing quote, without interpolations `\(…)`, escapes
    /// (`\n`, `\u{1B}`, a terminal's CSI sequence) or format specifiers (`%@`, `%.1f`, `%%`).
    static func wordsOfLiteral(starting literal: Substring) -> String {
        var result = ""
        var index = literal.startIndex
        func next() -> Character? {
            guard index < literal.endIndex else { return nil }
            defer { index = literal.index(after: index) }
            return literal[index]
        }
        while let character = next() {
            switch character {
            case "\"": return result
            case "\\":
                guard let escaped = next() else { return result }
                if escaped == "(" {
                    var depth = 1
                    while depth > 0, let inner = next() { depth += inner == "(" ? 1 : inner == ")" ? -1 : 0 }
                } else if escaped == "u" {
                    var scalar = ""
                    if index < literal.endIndex, literal[index] == "{" {
                        _ = next()
                        while let inner = next(), inner != "}" { scalar.append(inner) }
                    }
                    // An escape sequence's CSI parameters and final letter are no words.
                    if scalar.uppercased() == "1B", index < literal.endIndex, literal[index] == "[" {
                        _ = next()
                        while let inner = next(), !inner.isLetter {}
                    }
                    if scalar.isEmpty { result.append("\\u") }
                } else if escaped == "\\" {
                    result.append("\\")
                }
            case "%":
                // A format specifier: flags, width and precision, then its conversion.
                while let inner = next() {
                    if inner == "%" || inner == "@" || inner.isLetter { break }
                }
            default:
                result.append(character)
            }
        }
        return result
    }
}
