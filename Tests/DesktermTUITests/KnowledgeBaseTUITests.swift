import DeskModel
import Foundation
import XCTest

/// The knowledge base in the real client: a customer typing a new ticket's subject sees a
/// matching article beside the form, reads it, says it solved the problem, and nothing is filed.
final class KnowledgeBaseTUITests: XCTestCase {
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

    func testACustomerSolvesTheirProblemWithASuggestedArticleAndFilesNothing() throws {
        let total = try XCTUnwrap(desk.list(view: "all", as: "sam").total)
        try client.start(user: "meg", columns: 110, rows: 30)
        try client.waitForList()
        client.press("n")
        try client.wait(forText: "New ticket")
        client.type("sync conflict")
        var screen = try client.wait(forText: "Resolve sync conflicts")
        XCTAssertTrue(screen.contains("Articles that may help"), "the side pane shows\n\(screen)")

        client.press("F2")
        try client.wait(forText: "enter read")
        client.press("Enter")
        screen = try client.wait(forText: "Did this solve your problem?")
        XCTAssertTrue(screen.contains("• the newest stays under its own name;"), "the Markdown is drawn as text\n\(screen)")
        XCTAssertTrue(screen.contains("[1] https://docs.tandem.example/sync/conflicts") || screen.contains("sync guide[1]"), screen.text)

        // Back to the form: the text is still there.
        client.press("Escape")
        client.press("Escape")
        screen = try client.wait(forText: "sync conflict")
        XCTAssertTrue(screen.contains("New ticket"), "\(screen)")

        client.press("F2")
        try client.wait(forText: "enter read")
        client.press("Enter")
        try client.wait(forText: "Did this solve your problem?")
        client.press("y")
        _ = try client.wait(for: "the thanks") { $0.bottomLine.contains("Glad it helped: no ticket was filed") }

        XCTAssertEqual(try desk.list(view: "all", as: "sam").total, total, "no ticket was filed")
        let counts = desk.cli(["kb", "show", "sync-conflicts"], user: "alice")
        XCTAssertTrue(counts.stdout.contains("solved 1"), counts.stdout)
        XCTAssertTrue(counts.stdout.contains("opened 2"), counts.stdout)
        XCTAssertTrue(counts.stdout.contains("shown 1 "), counts.stdout)
        XCTAssertNil(try desk.draft(.newTicket, of: "meg"), "the draft is gone with the form")
    }
}
