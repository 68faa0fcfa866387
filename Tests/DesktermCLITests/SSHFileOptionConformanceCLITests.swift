import Foundation
import XCTest

/// Over SSH no option may name a file of the server: every command of the command line (from
/// its own `--experimental-dump-help`), with each option whose value is a path, is sent through
/// the SSH code path and must be refused without reading or writing the file.
final class SSHFileOptionConformanceCLITests: XCTestCase {
    private struct Case { var path: [String]; var words: [String]; var option: String }

    /// Each command's path and the file options it takes, with a value for every required argument.
    private func fileOptionCases(_ desk: TempDesk) throws -> [Case] {
        let dump = desk.runRaw(["--experimental-dump-help"])
        XCTAssertEqual(dump.status, 0, "\(dump)")
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: dump.stdoutData) as? [String: Any])
        var cases: [Case] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            let arguments = command["arguments"] as? [[String: Any]] ?? []
            var required: [String] = []
            var fileOptions: [String] = []
            for argument in arguments {
                let kind = argument["kind"] as? String
                let isOptional = argument["isOptional"] as? Bool ?? true
                let name = (argument["preferredName"] as? [String: Any])?["name"] as? String ?? ""
                let long = (argument["names"] as? [[String: Any]] ?? []).first { $0["kind"] as? String == "long" }?["name"] as? String ?? name
                if kind == "positional", !isOptional { required.append((argument["allValues"] as? [String])?.first ?? "1") }
                guard kind == "option" else { continue }
                if ["path", "file", "output", "directory"].contains(argument["valueName"] as? String ?? "") { fileOptions.append(long) }
                if !isOptional { required += ["--\(long)", "-"] }
            }
            if !path.isEmpty {
                for option in fileOptions {
                    var words = path + required
                    if let at = words.firstIndex(of: "--\(option)") { words.removeSubrange(at...(at + 1)) }
                    cases.append(Case(path: path, words: words, option: option))
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path + [sub["commandName"] as? String ?? "?"])
            }
        }
        walk(try XCTUnwrap(root["command"] as? [String: Any]), [])
        return cases
    }

    func testEveryFileOptionIsRefusedOverSSH() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["user", "administrator", "olga", "--org", "Other Ltd"], user: "root"), "olga now administers Other Ltd\n")
        let secret = try desk.write("server-secret", "SERVER-SECRET-LINE\n")
        let cases = try fileOptionCases(desk)
        var tested: Set<String> = []
        var refusedForSSH: Set<String> = []
        for (index, testCase) in cases.enumerated() {
            let written = desk.file("written-\(index)").path
            for value in [secret, written] {
                let line = (testCase.words + ["--\(testCase.option)", value]).map { "'\($0)'" }.joined(separator: " ")
                for handle in ["olga", "root"] {
                    let result = desk.ssh(line, as: handle, stdin: "")
                    XCTAssertNotEqual(result.status, 0, "\(line) as \(handle): \(result)")
                    // Refused for SSH, or refused by the parser before anything runs.
                    let refusedOverSSH = result.stderr.contains("over SSH")
                    XCTAssertTrue(refusedOverSSH || (result.status == 2 && result.stderr.contains("(try: help)")),
                                  "refused before running: \(line) as \(handle): \(result)")
                    if refusedOverSSH { refusedForSSH.insert((testCase.path + ["--\(testCase.option)"]).joined(separator: " ")) }
                    XCTAssertFalse(result.stdout.contains("SERVER-SECRET") || result.stderr.contains("SERVER-SECRET"), "\(line): \(result)")
                    XCTAssertFalse(FileManager.default.fileExists(atPath: written), "\(line) wrote a file of the server")
                }
            }
            tested.insert((testCase.path + ["--\(testCase.option)"]).joined(separator: " "))
        }
        // The SSH-allowed commands that take a file, at least, were among them.
        for known in ["ssh authorize --authorized-keys", "ssh authorize --key", "ssh revoke --authorized-keys", "ssh list --authorized-keys",
                      "reply --body-file", "new --body-file", "edit --description", "download --output", "list --db"] {
            XCTAssertTrue(tested.contains(known), "\(known) tested; tested: \(tested.sorted())")
            XCTAssertTrue(refusedForSSH.contains(known), "\(known) refused as over SSH")
        }
    }
}
