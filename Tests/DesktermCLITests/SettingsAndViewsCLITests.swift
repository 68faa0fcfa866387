import DeskModel
import Foundation
import XCTest

/// `deskterm settings`, and a user's own saved views and settings over SSH.
final class SettingsAndViewsCLITests: XCTestCase {
    func testSettingsShowDefaultsThenWhatWasSet() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["settings"], user: "ann"), """
            view   active (default)
            sort   created (default)
            order  newest-first (default)
            osc52  on except in SSH sessions (default)

            """)
        assertSucceeded(desk.run(["settings", "set", "view", "Mine"], user: "ann"), "view = Mine\n")
        assertSucceeded(desk.run(["settings", "set", "sort", "triage"], user: "ann"), "sort = triage\n")
        assertSucceeded(desk.run(["settings", "set", "order", "oldest-first"], user: "ann"), "order = oldest-first\n")
        let json = desk.run(["settings", "show", "--format", "json"], user: "ann")
        XCTAssertEqual(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: String],
                       ["order": "oldest-first", "sort": "triage", "view": "mine"])
        // Each user's own.
        XCTAssertTrue(desk.run(["settings"], user: "carl").stdout.contains("active (default)"))

        assertRefused(desk.run(["settings", "set", "colour", "red"], user: "ann"), "unknown setting 'colour' (settings: view, sort, order, osc52)")
        assertRefused(desk.run(["settings", "set", "sort", "size"], user: "ann"), "unknown sort 'size' (sorts: created, updated, triage, due)")
        assertRefused(desk.run(["settings", "set", "view", "urgent"], user: "ann"), "You have no saved view named 'urgent'")
        assertSucceeded(desk.run(["view", "save", "urgent", "urgency:critical"], user: "ann"), "Saved view 'urgent': All with urgency:critical\n")
        assertSucceeded(desk.run(["settings", "set", "view", "urgent"], user: "ann"), "view = urgent\n")
    }

    func testSSHCustomersManageTheirOwnViewsAndSettings() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.ssh("view save mine-open 'status:open requester:me'", as: "ann"),
                        "Saved view 'mine-open': All with status:open requester:me\n")
        let views = desk.ssh("view list --format json", as: "ann")
        XCTAssertEqual(try JSONSerialization.jsonObject(with: views.stdoutData) as? [[String: String]],
                       [["filter": "status:open requester:me", "name": "mine-open", "view": "all"]])
        // Another customer has none of them.
        XCTAssertTrue(desk.ssh("view list", as: "carl").stdout.hasPrefix("No saved views"))
        XCTAssertEqual(desk.ssh("view delete mine-open", as: "carl").status, 1)
        assertSucceeded(desk.ssh("settings set view mine-open", as: "ann"), "view = mine-open\n")
        XCTAssertTrue(desk.ssh("settings", as: "ann").stdout.hasPrefix("view   mine-open\n"))
        assertSucceeded(desk.ssh("view delete mine-open", as: "ann"), "Deleted view 'mine-open'\n")
        // Copying to the clipboard is turned on the only way an SSH customer can: in the desk.
        assertSucceeded(desk.ssh("settings set osc52 on", as: "ann"), "osc52 = on\n")
        XCTAssertTrue(desk.ssh("settings", as: "ann").stdout.contains("osc52  on\n"))
        assertRefused(desk.ssh("settings set osc52 maybe", as: "ann"), "unknown osc52 value 'maybe' (on, off)")
        // The desk and the user stay the session's.
        let refused = desk.ssh("settings set view all --user carl", as: "ann")
        XCTAssertEqual(refused.status, 2, "\(refused)")
        XCTAssertTrue(refused.stderr.contains("--user is not available over SSH"), refused.stderr)
        // `view` alone is a request for its help.
        let help = desk.ssh("view", as: "ann")
        XCTAssertEqual(help.status, 0, "\(help)")
        XCTAssertTrue(help.stdout.contains("save"), help.stdout)
    }
}
