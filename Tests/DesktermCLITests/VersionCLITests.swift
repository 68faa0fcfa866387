import Foundation
import XCTest

/// `deskterm --version`: what scripts/install and scripts/package report, and the Debian
/// package's version (scripts/package asks the binary).
final class VersionCLITests: CLITestCase {
    func testVersionIsOneDebianCompatibleLine() throws {
        let desk = try TempDesk()
        let result = desk.runRaw(["--version"])
        XCTAssertEqual(result.status, 0, "\(result)")
        XCTAssertEqual(result.stderr, "")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 2, "one line and its newline: \(result.stdout)")
        // A Debian upstream version starts with a digit; ours is MAJOR.MINOR.PATCH.
        XCTAssertNotNil(String(lines[0]).range(of: #"^[0-9]+\.[0-9]+\.[0-9]+$"#, options: .regularExpression), "\(result.stdout)")
    }

    func testVersionIsTheSameInEveryLanguage() throws {
        let desk = try TempDesk()
        let english = desk.runRaw(["--version"])
        for tag in ["fr", "ja"] {
            let translated = desk.runRaw(["--language", tag, "--version"])
            XCTAssertEqual(translated.status, 0, "\(translated)")
            XCTAssertEqual(translated.stdout, english.stdout, tag)
        }
    }
}
