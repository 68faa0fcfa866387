import DeskModel
import Foundation
import XCTest

/// Without a UTF-8 locale (LANG=C, POSIX or unset) the client still shows every character:
/// it uses C.UTF-8 when the system has it.
final class LocaleTUITests: XCTestCase {
    private var fixture: TUIFixture!
    private var desk: TUIDesk { fixture.desk }
    private var client: TmuxClient { fixture.client }

    override func setUpWithError() throws {
        fixture = try TUIFixture()
    }

    override func tearDown() {
        fixture?.close()
        fixture = nil
    }

    func testWithoutAUTF8LocaleTextIsStillShown() throws {
        let numbers = try desk.addTickets(subjects: WideTextTUITests.subjects)
        for locale in ["C", "", "POSIX"] {
            try client.start(environment: ["LANG": locale])
            try client.waitForList()
            client.press("5")
            let screen = try client.wait(for: "LANG=\(locale): the Japanese rows") { screen in numbers.allSatisfy { screen.row($0) != nil } }
            for (number, subject) in zip(numbers, WideTextTUITests.subjects) {
                let row = screen.row(number) ?? ""
                XCTAssertTrue(row.contains(String(asDrawn(subject).prefix(10))), "LANG=\(locale): #\(number) shows \(subject)\n\(screen)")
                XCTAssertEqual(tmuxWidth(row), 100, "LANG=\(locale): row of #\(number)\n\(screen)")
            }
            client.press("q")
            let ended = try client.wait(forText: "EXITED=")
            XCTAssertTrue(ended.contains("EXITED=0 TTY=restored"), "\(ended)")
        }
    }
}
