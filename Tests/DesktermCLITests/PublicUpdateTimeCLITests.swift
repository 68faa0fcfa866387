import DeskModel
import Foundation
import XCTest

/// A customer's `list`, `show` and `updated:` filters read the time of the last change they
/// may see: an agent's internal note must not change any of them.
final class PublicUpdateTimeCLITests: XCTestCase {
    /// What ann reads of her two tickets' update times, in every output.
    private struct Seen: Equatable {
        var rows: [TicketRowJSON]
        var table: String
        var recentlyUpdated: [Int64]
        var shownUpdated: Date
    }

    private func seen(_ desk: TempDesk, as user: String) throws -> Seen {
        let table = desk.run(["list", "--view", "all", "--sort", "updated"], user: user)
        XCTAssertEqual(table.status, 0, "\(table)")
        return Seen(
            rows: try desk.list(["--view", "all", "--sort", "updated"], as: user).tickets,
            table: table.stdout,
            recentlyUpdated: try desk.numbers(["--view", "all", "--filter", "updated:<2d"], as: user),
            shownUpdated: try desk.ticket(1, as: user).updated)
    }

    func testAnInternalNoteLeavesACustomersListShowAndFiltersAsTheyWere() throws {
        let desk = try makeWorld()
        let now = Date()
        // #1 ten days old, #2 four days old, both ann's.
        for (days, subject) in [(10.0, "Printer jams"), (4.0, "VPN drops")] {
            let store = try Desk.open(address: desk.path, clock: .fixed(now - days * 86_400))
            _ = try store.createTicket(
                NewTicket(subject: subject, description: "\(subject), details.", kind: .question),
                by: store.viewer(handle: "ann"), allowDuplicate: true)
        }
        let before = try seen(desk, as: "ann")
        XCTAssertEqual(before.rows.map(\.number), [2, 1])
        XCTAssertEqual(before.recentlyUpdated, [])
        XCTAssertTrue(before.table.contains("10d"), before.table)

        assertSucceeded(desk.run(["reply", "1", "--internal"], user: "bob", stdin: "Known firmware bug"), "Note 1 added to #1 (new)\n")

        XCTAssertEqual(try seen(desk, as: "ann"), before)
        // The organisation contact reads the same; the agent sees the note's time.
        XCTAssertEqual(try desk.numbers(["--view", "all", "--sort", "updated"], as: "carl"), [2, 1])
        XCTAssertEqual(try desk.numbers(["--view", "all", "--sort", "updated"], as: "bob"), [1, 2])
        XCTAssertEqual(try desk.numbers(["--view", "all", "--filter", "updated:<2d"], as: "bob"), [1])
    }
}
