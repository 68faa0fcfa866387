import DeskModel
import Foundation
import XCTest

/// The `:` command line, conditions in the search, saved views as tabs and settings kept in
/// the desk, in the real client.
final class CommandLineTUITests: XCTestCase {
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

    func testCommandsCompleteRunAndTheChoiceIsKeptForTheNextStart() throws {
        try client.start()
        try client.waitForList()
        client.press(":")
        client.type("view mi")
        client.press("Tab")
        try client.wait(forText: ":view mine")
        client.press("Enter")
        try client.wait(for: "Mine active") { $0.activeTab.hasPrefix("3 Mine") }

        // Several candidates are listed; Tab again cycles.
        client.press(":")
        client.type("sort ")
        client.press("Tab")
        try client.wait(for: "sort candidates") { $0.contains(" created  updated  triage") && $0.bottomLine.hasPrefix(":sort created") }
        client.press("Tab")
        client.press("Tab")
        try client.wait(forText: ":sort triage")
        client.press("Enter")
        try client.wait(forText: "Sorted by triage rank")

        // A mistake says what is wrong, and Up brings the last command back.
        client.press(":")
        client.type("frob")
        client.press("Enter")
        try client.wait(for: "the error") { $0.bottomLine.contains("Unknown command 'frob'") }
        client.press(":")
        client.press("Up")
        client.press("Up")
        try client.wait(forText: ":sort triage")
        client.press("Escape")

        // Kept in the desk: the next start opens on Mine by triage.
        client.press("q")
        try client.wait(forText: "EXITED=0")
        let settings = desk.cli(["settings"])
        XCTAssertTrue(settings.stdout.hasPrefix("view   mine\nsort   triage\n"), "\(settings)")
        try client.start()
        try client.wait(for: "Mine by triage at start") { $0.activeTab.hasPrefix("3 Mine") && $0.topBar.contains("triage") }
    }

    func testConditionsInTheSearchSavedAsAViewTab() throws {
        let query = "status:open urgency:critical"
        let expected = desk.cli(["search", query, "--format", "json"])
        XCTAssertEqual(expected.status, 0, "\(expected)")
        let numbers = try JSONDecoder.tuiDesk.decode(TicketListJSON.self, from: expected.stdoutData).numbers
        XCTAssertFalse(numbers.isEmpty, "the demo desk has open critical tickets")
        try client.start(columns: 132, rows: 40)
        try client.waitForList()
        client.press("/")
        client.type(query)
        try client.wait(for: "the matching tickets") { $0.listNumbers == Array(numbers.prefix(36)) }

        // A condition that does not read says why on the bottom line.
        client.type("x")
        try client.wait(for: "the error") { $0.bottomLine.contains("unknown urgency 'criticalx'") }
        client.press("BSpace")
        try client.wait(for: "the results again") { $0.listNumbers == Array(numbers.prefix(36)) }

        // Ctrl-S saves the search's conditions as a view: a new tab, 6.
        client.press("C-s")
        try client.wait(forText: ":save ")
        client.type("hot")
        client.press("Enter")
        try client.wait(forText: "View 'hot' saved")
        try client.wait(for: "the new tab") { $0.topBar.contains(" 6 hot \(numbers.count) ") }
        client.press("Escape")
        client.press("6")
        try client.wait(for: "the saved view's tickets") {
            $0.activeTab.hasPrefix("6 hot") && Set($0.listNumbers) == Set(numbers.prefix(36))
        }
        let saved = desk.cli(["view", "list"])
        XCTAssertTrue(saved.stdout.contains("hot"), "\(saved)")
        XCTAssertTrue(saved.stdout.contains(query), "\(saved)")
    }

    func testAnSSHCustomerKeepsTheirViewWithoutAConfigFile() throws {
        try client.start(sshSessionOf: "meg")
        try client.waitForList()
        client.press(":")
        client.type("view all")
        client.press("Enter")
        try client.wait(for: "All active") { $0.activeTab.hasPrefix("5 All") }
        // Staff commands are not offered.
        client.press(":")
        client.type("as")
        client.press("Tab")
        try client.wait(forText: ":as")
        client.type("sign me")
        client.press("Enter")
        try client.wait(for: "refused") { $0.bottomLine.contains(":assign is for agents") }
        client.press("q")
        try client.wait(forText: "EXITED=0")
        try client.start(sshSessionOf: "meg")
        try client.wait(for: "All at start") { $0.activeTab.hasPrefix("5 All") }
    }
}

/// Search hits in the real client: a line of the matching text under a result.
final class SearchSnippetTUITests: XCTestCase {
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

    func testAResultShowsTheTextThatMatched() throws {
        let number = try desk.newTicket(subject: "Scanner offline", body: "The scanner shows error quokka-77 after the update.", as: "meg")
        try client.start()
        try client.waitForList()
        client.press("/")
        client.type("quokka")
        try client.wait(for: "the result and its snippet") { screen in
            screen.listNumbers == [number] && screen.contains("› The scanner shows error quokka-77 after the update.")
        }
    }
}
