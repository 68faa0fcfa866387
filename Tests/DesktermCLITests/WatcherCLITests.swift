import DeskModel
import Foundation
import XCTest

/// Naming watchers from the command line: `new --watcher` (repeatable) and `watch N HANDLE` on
/// an existing ticket, by agents and by a support contact for colleagues, never beyond.
final class WatcherCLITests: XCTestCase {
    func testNewTakesWatchersWhomTheNamingRuleAllows() throws {
        let desk = try makeWorld()
        assertSucceeded(
            desk.run(["new", "--subject", "Printer jams", "--requester", "ann", "--watcher", "dora", "--watcher", "carl", "--body-file", "-"],
                     user: "bob", stdin: "Jams."),
            "Created ticket #1\n")
        XCTAssertEqual(try desk.ticket(1, as: "bob").watchers, ["bob", "carl", "dora"])
        // A support contact names a colleague; nothing is created when a name is refused.
        assertSucceeded(
            desk.run(["new", "--subject", "Badge reader", "--watcher", "ann", "--body-file", "-"], user: "carl", stdin: "Broken."),
            "Created ticket #2\n")
        XCTAssertEqual(try desk.ticket(2, as: "bob").watchers, ["ann"])
        assertRefused(
            desk.run(["new", "--subject", "Badge reader 2", "--watcher", "olga", "--body-file", "-"], user: "carl", stdin: "x"),
            "Not allowed: customers may name only colleagues of their organisation as watchers")
        assertRefused(
            desk.run(["new", "--subject", "Mouse", "--watcher", "carl", "--body-file", "-"], user: "ann", stdin: "x"),
            "Not allowed: customers may name only colleagues of their organisation as watchers")
        assertRefused(
            desk.run(["new", "--subject", "VPN", "--requester", "ann", "--watcher", "olga", "--body-file", "-"], user: "bob", stdin: "x"),
            "olga cannot watch this ticket: only staff and the requester's organisation may")
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "bob"), [2, 1])
    }

    func testASupportContactAddsAndRemovesColleaguesOnAnExistingTicket() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "carl", stdin: "Jams."), "Created ticket #1\n")
        assertSucceeded(desk.run(["watch", "1", "ann"], user: "carl"), "ann watches #1\n")
        XCTAssertEqual(try desk.ticket(1, as: "bob").watchers, ["ann"])
        assertSucceeded(desk.run(["unwatch", "1", "ann"], user: "carl"), "ann no longer watches #1\n")
        // Never staff, another organisation's people, or anyone for a customer without organisation access.
        assertRefused(desk.run(["watch", "1", "bob"], user: "carl"), "Not allowed: customers manage only their own watching")
        assertRefused(desk.run(["watch", "1", "olga"], user: "carl"), "Not allowed: customers manage only their own watching")
        assertRefused(desk.run(["watch", "1", "ghost"], user: "carl"), "Not allowed: customers manage only their own watching")
        // No longer watching, Ann (own access) no longer sees Carl's ticket at all.
        assertRefused(desk.run(["watch", "1"], user: "ann"), "Ticket #1 not found")
        assertRefused(desk.run(["unwatch", "1", "ann"], user: "fred"), "Ticket #1 not found")
        XCTAssertEqual(try desk.ticket(1, as: "bob").watchers, [])
    }
}
