import Foundation
import XCTest

/// A customer's list in the real client, sorted by update, while an agent writes an internal
/// note from another process: the row neither moves nor shows the note's time.
final class PublicUpdateTimeTUITests: XCTestCase {
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

    func testAnInternalNoteNeitherMovesNorRetimesACustomersRow() throws {
        // aisha's seven tickets, in the All view, recently updated first.
        XCTAssertEqual(desk.cli(["settings", "set", "view", "all"], user: "aisha").status, 0)
        XCTAssertEqual(desk.cli(["settings", "set", "sort", "updated"], user: "aisha").status, 0)
        let listed = try desk.list(view: "all", sort: "updated", as: "aisha").tickets
        let open = listed.filter { $0.status != "closed" }
        let (newest, oldest) = (try XCTUnwrap(open.first).number, try XCTUnwrap(open.last).number)
        XCTAssertNotEqual(newest, oldest)

        try client.start(user: "aisha", columns: 100, rows: 30)
        let before = try client.wait(for: "aisha's list by update") { $0.listNumbers == listed.map(\.number) }
        let oldestRow = try XCTUnwrap(before.row(oldest))

        // A note on her oldest ticket, then a public reply on her newest: once the reply shows,
        // the client has read the desk after the note too.
        XCTAssertEqual(desk.cli(["reply", String(oldest), "--internal"], user: "alice", stdin: "Known issue, see FIN-12.").status, 0)
        XCTAssertEqual(desk.cli(["reply", String(newest)], user: "alice", stdin: "We are on it.").status, 0)
        let after = try client.wait(for: "the reply on #\(newest)") { $0.row(newest)?.hasSuffix(" now") == true }
        XCTAssertEqual(after.listNumbers, listed.map(\.number), after.description)
        XCTAssertEqual(after.row(oldest), oldestRow, after.description)
    }
}
