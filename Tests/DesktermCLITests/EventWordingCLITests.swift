import DeskModel
import Foundation
import GRDB
import XCTest

/// `show` words history events for the reader, in text and JSON; events stored before they
/// had a typed payload keep their stored text.
final class EventWordingCLITests: CLITestCase {
    private func askedWorld() throws -> TempDesk {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "Jams."), "Created ticket #1\n")
        assertSucceeded(desk.run(["reply", "1", "--ask"], user: "bob", stdin: "Which model?"), "Reply 1 sent to #1 (awaiting customer)\n")
        return desk
    }

    func testCustomersReadEventsInTheirWordsInJSONAndText() throws {
        let desk = try askedWorld()
        XCTAssertEqual(try desk.ticket(1, as: "ann").history, [
            "reply bob: Which model?",
            "systemEvent bob: Status Open → Action required from you by bob",
        ])
        let text = desk.run(["show", "1"], user: "ann")
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.contains("Status Open → Action required from you by bob"), text.stdout)
        XCTAssertFalse(text.stdout.contains("Awaiting customer"), text.stdout)
    }

    func testStaffReadStaffWords() throws {
        let desk = try askedWorld()
        XCTAssertEqual(try desk.ticket(1, as: "bob").history.last, "systemEvent bob: Status New → Awaiting customer by bob")
        XCTAssertTrue(desk.run(["show", "1"], user: "dora").stdout.contains("Status New → Awaiting customer by bob"))
    }

    func testAnEventStoredWithoutAPayloadKeepsItsText() throws {
        let desk = try askedWorld()
        // As a desk from before typed events holds it: words only.
        let queue = try DatabaseQueue(path: desk.path)
        try queue.write { db in
            try db.execute(sql: "UPDATE message SET body = 'Moved from the old desk', author_id = NULL, event = NULL WHERE kind = 'systemEvent'")
        }
        XCTAssertEqual(try desk.ticket(1, as: "ann").history.last, "systemEvent -: Moved from the old desk")
    }
}
