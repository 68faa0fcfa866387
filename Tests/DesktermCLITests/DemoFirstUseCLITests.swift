import Foundation
import XCTest

/// `deskterm --demo` builds the demo desk on first use before the screen opens: standard error
/// says so instead of leaving a blank terminal for seconds.
final class DemoFirstUseCLITests: CLITestCase {
    func testFirstUseSaysTheDemoIsBeingCreated() throws {
        let desk = try TempDesk(file: "first.sqlite")
        // Without a terminal the client then refuses, which keeps the test short of curses.
        let first = desk.run(["--demo"], user: "alice")
        XCTAssertEqual(first.status, 1, "\(first)")
        let lines = first.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "Creating the demo desk at \(desk.path) (first use only)…", "\(first)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: desk.path))

        // The second time the desk exists: nothing is created, nothing is said about it.
        let second = desk.run(["--demo"], user: "alice")
        XCTAssertFalse(second.stderr.contains("Creating the demo desk"), "\(second)")
    }
}
