import DeskModel
import Foundation
import XCTest

/// `deskterm callback`: a business customer asks, agents list, take and record; refusals are
/// one line with a non-zero exit; customers ask and follow their own requests over SSH.
final class CallbackCLITests: XCTestCase {
    func testSearchMarksTheTicketOfAnOpenRequestAndDoesNotFindItsWindow() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "VPN drops", "--body-file", "-"], user: "olga", stdin: "Every hour."), "Created ticket #1\n")
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "olga", stdin: "Since the VPN update."),
                        "Created ticket #2\n")
        let asked = desk.run(["callback", "request", "1", "--phone", "+33 1 23 45 67 89", "--window", "14:00-16:00", "--zone", "Europe/Paris"],
                             user: "olga")
        XCTAssertEqual(asked.status, 0, "\(asked)")
        for user in ["olga", "bob"] {
            let table = desk.run(["search", "vpn"], user: user, columns: 120)
            XCTAssertTrue(table.stdout.contains("✆ VPN drops"), table.stdout)
            XCTAssertTrue(table.stdout.contains(" Printer jams"), table.stdout)
            XCTAssertFalse(table.stdout.contains("✆ Printer"), table.stdout)
            let json = desk.run(["search", "vpn", "--format", "json"], user: user)
            let tickets = (try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])?["tickets"] as? [[String: Any]] ?? []
            let marks = Dictionary(uniqueKeysWithValues: tickets.map { ($0["number"] as? Int ?? 0, $0["callback"] as? String ?? "-") })
            XCTAssertEqual(marks, [1: "requested", 2: "-"], json.stdout)
            assertSucceeded(desk.run(["search", "paris"], user: user), "No tickets match\n")
        }
    }

    func testACustomerAsksAnAgentTakesAndRecordsAndTheCustomerSeesTheState() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "VPN drops", "--body-file", "-"], user: "olga", stdin: "Every hour."), "Created ticket #1\n")
        assertSucceeded(
            desk.run(["callback", "request", "1", "--phone", "+33 1 23 45 67 89", "--window", "14:00-16:00", "--zone", "Europe/Paris",
                      "--note", "-"], user: "olga", stdin: "Ask for the lab\n"),
            "Call-back requested on #1: 14:00-16:00 (Europe/Paris) at +33 1 23 45 67 89\n")
        let table = desk.run(["callback", "list"], user: "bob", columns: 120)
        XCTAssertEqual(table.status, 0, "\(table)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, table.stdout)
        XCTAssertTrue(lines[0].hasPrefix("#  STATE      WINDOW       ZONE          PHONE"), lines[0])
        XCTAssertTrue(desk.run(["list", "--view", "all", "--filter", "callback:open"], user: "bob", columns: 120).stdout.contains("VPN drops"))
        XCTAssertTrue(lines[1].contains("requested  14:00-16:00  Europe/Paris  +33 1 23 45 67 89  olga"), lines[1])
        assertSucceeded(desk.run(["callback", "take", "1"], user: "bob"), "Call-back on #1 taken: call +33 1 23 45 67 89, 14:00-16:00 (Europe/Paris)\n")
        assertSucceeded(
            desk.run(["callback", "done", "1", "--outcome", "rescheduled", "--window", "09:00-10:00", "--note", "In a meeting"], user: "bob"),
            "Call-back on #1: rescheduled, now taken\n")
        assertSucceeded(desk.run(["callback", "done", "1", "--outcome", "reached"], user: "dora"), "Call-back on #1: reached, now done\n")
        // The customer's view: the state, the history in their words, no internal note.
        let json = desk.run(["callback", "show", "1", "--format", "json"], user: "olga")
        let request = try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any]
        XCTAssertEqual(request?["state"] as? String, "done")
        XCTAssertEqual(request?["outcome"] as? String, "reached")
        XCTAssertEqual(request?["window"] as? String, "09:00-10:00")
        XCTAssertEqual(request?["taker"] as? String, "dora")
        XCTAssertEqual(request?["note"] as? String, "Ask for the lab")
        let shown = desk.run(["show", "1"], user: "olga", columns: 120).stdout
        XCTAssertTrue(shown.contains("You asked to be called back: 14:00-16:00 (Europe/Paris)"), shown)
        XCTAssertTrue(shown.contains("bob will call you back at a new time: 09:00-10:00 (Europe/Paris)"), shown)
        XCTAssertTrue(shown.contains("dora called you back"), shown)
        XCTAssertFalse(shown.contains("In a meeting"), shown)
        let staff = desk.run(["show", "1"], user: "bob", columns: 120).stdout
        XCTAssertTrue(staff.contains("Call-back by dora: reached the customer"), staff)
        XCTAssertTrue(staff.contains("In a meeting"), staff)
        // The filter of the list: nothing open any more.
        assertSucceeded(desk.run(["callback", "list"], user: "bob"), "No call-back requests\n")
        XCTAssertFalse(desk.run(["list", "--view", "all", "--filter", "callback:open"], user: "bob", columns: 120).stdout.contains("VPN drops"))
        XCTAssertTrue(desk.run(["list", "--view", "all", "--filter", "callback:done"], user: "bob", columns: 120).stdout.contains("VPN drops"))
    }

    func testRefusalsAreOneLineAndWriteNothing() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Pro problem", "--body-file", "-"], user: "ann", stdin: "x"), "Created ticket #1\n")
        assertSucceeded(desk.run(["new", "--subject", "Business problem", "--body-file", "-"], user: "olga", stdin: "x"), "Created ticket #2\n")
        let ask = ["--phone", "0123456789", "--window", "14:00-16:00", "--zone", "Europe/Paris"]
        assertRefused(desk.run(["callback", "request", "1"] + ask, user: "ann"),
                      "Acme Corp's plan does not include call-backs (the business and enterprise plans do)")
        assertRefused(desk.run(["callback", "request", "1"] + ask + ["--language", "fr"], user: "ann"),
                      "Le forfait de Acme Corp n'inclut pas les rappels (les forfaits business et enterprise les incluent)")
        assertRefused(desk.run(["callback", "request", "2"] + ask, user: "ann"), "Ticket #2 not found")
        assertRefused(desk.run(["callback", "request", "2", "--phone", "call me", "--window", "14:00-16:00", "--zone", "Europe/Paris"], user: "olga"),
                      "'call me' is not a phone number: use digits, spaces and + - ( ) ., with 6 to 20 digits")
        assertRefused(desk.run(["callback", "request", "2", "--phone", "0123456789", "--window", "14:00-16:00", "--zone", "Mars/Base"], user: "olga"),
                      "unknown time zone 'Mars/Base' (use an IANA name such as Europe/Paris)")
        assertRefused(desk.run(["callback", "take", "2"], user: "bob"), "Ticket #2 has no open call-back request")
        assertRefused(desk.run(["callback", "take", "2"], user: "olga"), "Not allowed: only agents take call-backs and record their outcome")
        assertRefused(desk.run(["callback", "done", "2", "--outcome", "maybe"], user: "bob"),
                      "unknown outcome 'maybe' (outcomes: reached, no-answer, rescheduled)")
        assertRefused(desk.run(["callback", "list", "--state", "soon"], user: "bob"),
                      "unknown state 'soon' (states: open, requested, taken, done, all)")
        assertSucceeded(desk.run(["callback", "list", "--state", "all"], user: "bob"), "No call-back requests\n")
        assertRefused(desk.run(["callback", "show", "2"], user: "olga"), "Ticket #2 has no call-back request")
    }

    func testOverSSHCustomersAskAndFollowButDoNotTakeOrRecord() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Business problem", "--body-file", "-"], user: "olga", stdin: "x"), "Created ticket #1\n")
        let asked = desk.ssh("callback request 1 --phone '+1 (555) 010-0199' --window 09:00-11:00 --zone America/New_York --note -",
                             as: "olga", stdin: "Mornings only")
        XCTAssertEqual(asked.status, 0, "\(asked)")
        XCTAssertEqual(asked.stdout, "Call-back requested on #1: 09:00-11:00 (America/New_York) at +1 (555) 010-0199\n")
        let mine = desk.ssh("callback list --format json", as: "olga")
        let requests = try JSONSerialization.jsonObject(with: mine.stdoutData) as? [[String: Any]]
        XCTAssertEqual(requests?.map { $0["state"] as? String }, ["requested"])
        XCTAssertEqual(requests?.first?["note"] as? String, "Mornings only")
        XCTAssertTrue(desk.ssh("callback show 1", as: "olga").stdout.contains("state: requested"))
        // The number is kept: the next request may leave it out.
        assertSucceeded(desk.run(["new", "--subject", "Second", "--body-file", "-"], user: "olga", stdin: "x"), "Created ticket #2\n")
        XCTAssertEqual(desk.ssh("callback request 2 --window 10:00-11:00 --zone UTC", as: "olga").stdout,
                       "Call-back requested on #2: 10:00-11:00 (UTC) at +1 (555) 010-0199\n")
        let take = desk.ssh("callback take 1", as: "bob")
        XCTAssertNotEqual(take.status, 0)
        XCTAssertTrue(take.stderr.contains("'callback take' is not available over SSH"), take.stderr)
        let done = desk.ssh("callback done 1 --outcome reached", as: "bob")
        XCTAssertTrue(done.stderr.contains("'callback done' is not available over SSH"), done.stderr)
    }
}
