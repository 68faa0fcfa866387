import DeskModel
import Foundation
import XCTest

/// `list`: case views, orders, paging, and table output that fits the terminal and never
/// passes escape sequences through.
final class ListCLITests: XCTestCase {
    override class func tearDown() {
        SharedDemo.shared.release()
        super.tearDown()
    }

    // MARK: - Views and orders on the demo desk

    /// Every ticket as alice (an agent) sees it, newest first.
    private func everything(_ desk: TempDesk) throws -> [TicketRowJSON] {
        let all = try desk.list(["--view", "all", "--limit", "100"], as: "alice")
        XCTAssertEqual(all.total, 60)
        XCTAssertEqual(all.tickets.count, 60)
        return all.tickets
    }

    func testAgentViewsHoldTheRightTickets() throws {
        let desk = try SharedDemo.shared.get()
        let all = try everything(desk)
        XCTAssertEqual(all.map(\.number), Array((1...60).reversed()))
        XCTAssertEqual(all.map(\.created), all.map(\.created).sorted(by: >), "numbers follow arrival")

        let open = all.filter { $0.status != "closed" }
        let mine = all.filter { $0.assignee == "alice" }
        let active = all.filter { $0.status != "closed" && ($0.assignee == "alice" || $0.assignee == nil) }
        XCTAssertFalse(mine.isEmpty)
        XCTAssertTrue(active.contains { $0.assignee == nil } && active.contains { $0.assignee == "alice" })
        XCTAssertLessThan(open.count, all.count)

        for (view, expected) in [("open", open), ("mine", mine), ("active", active)] {
            let list = try desk.list(["--view", view, "--limit", "100"], as: "alice")
            XCTAssertEqual(list.view, view)
            XCTAssertEqual(list.total, expected.count, view)
            XCTAssertEqual(list.tickets, expected, view)
        }
        // Active is the default view.
        XCTAssertEqual(try desk.list(["--limit", "100"], as: "alice").tickets, active)
        // --limit cuts the same order; the total still counts the whole view.
        let five = try desk.list(["--view", "all", "--limit", "5"], as: "alice")
        XCTAssertEqual(five.tickets.map(\.number), [60, 59, 58, 57, 56])
        XCTAssertEqual(five.total, 60)
    }

    func testOrders() throws {
        let desk = try SharedDemo.shared.get()
        let all = try everything(desk)
        let numbers = { (extra: [String]) throws -> [Int64] in try desk.numbers(["--view", "all", "--limit", "100"] + extra, as: "alice") }

        XCTAssertEqual(try numbers(["--oldest-first"]), Array(1...60))
        XCTAssertEqual(try numbers(["--sort", "created"]), Array((1...60).reversed()))

        let byUpdate = all.sorted { ($0.updated, $0.number) > ($1.updated, $1.number) }.map(\.number)
        XCTAssertNotEqual(byUpdate, Array((1...60).reversed()), "the demo's updates must reorder something")
        XCTAssertEqual(try numbers(["--sort", "updated"]), byUpdate)
        XCTAssertEqual(try numbers(["--sort", "updated", "--oldest-first"]), byUpdate.reversed())

        // Triage (DESIGN.md): arrival moved earlier by urgency (none 0 h, low 4 h, serious 24 h,
        // critical 72 h) and by the organisation's tier (standard 0 h, priority 8 h, premium
        // 24 h); lowest key first, ties by number. Computed here from the JSON alone.
        let orgs = try JSONDecoder().decode([[String: String]].self, from: desk.run(["org", "list", "--format", "json"]).stdoutData)
        let tierOf = Dictionary(uniqueKeysWithValues: orgs.map { ($0["name"]!, $0["tier"]!) })
        let urgencyHours = ["none": 0, "low": 4, "serious": 24, "critical": 72]
        let tierHours = ["standard": 0, "priority": 8, "premium": 24]
        func key(_ row: TicketRowJSON) -> Int64 {
            let tier = row.organisation.flatMap { tierOf[$0] } ?? "standard"
            let base = Int64(row.created.timeIntervalSince1970) - Int64(3600 * (urgencyHours[row.urgency]! + tierHours[tier]!))
            // A running service-level clock: at most the next due time minus the critical head start.
            guard let due = row.due else { return base }
            return min(base, Int64(due.timeIntervalSince1970) - 72 * 3600)
        }
        let byTriage = all.sorted { (key($0), $0.number) < (key($1), $1.number) }.map(\.number)
        XCTAssertNotEqual(byTriage, Array(1...60), "urgency and tier must reorder something")
        XCTAssertEqual(try numbers(["--sort", "triage"]), byTriage)
        XCTAssertEqual(try numbers(["--sort", "triage", "--oldest-first"]), byTriage.reversed())
    }

    func testPagingWithAfterGivesTheSameSequenceAsOneList() throws {
        let desk = try SharedDemo.shared.get()
        let cases: [(user: String, view: String, order: [String])] = [
            ("alice", "all", ["--sort", "created"]), ("alice", "all", ["--sort", "created", "--oldest-first"]),
            ("alice", "all", ["--sort", "updated"]), ("alice", "all", ["--sort", "updated", "--oldest-first"]),
            ("alice", "all", ["--sort", "triage"]), ("alice", "all", ["--sort", "triage", "--oldest-first"]),
            ("alice", "open", ["--sort", "triage"]), ("alice", "active", ["--sort", "updated"]),
            ("camille", "all", ["--sort", "created"]), ("camille", "open", ["--sort", "updated", "--oldest-first"]),
        ]
        for (user, view, order) in cases {
            let label = "\(user) \(view) \(order.joined(separator: " "))"
            let whole = try desk.numbers(["--view", view, "--limit", "100"] + order, as: user)
            XCTAssertGreaterThan(whole.count, 9, label)
            var paged: [Int64] = []
            var after: [String] = []
            for _ in 0..<20 {
                let page = try desk.numbers(["--view", view, "--limit", "9"] + order + after, as: user)
                if page.isEmpty { break }
                XCTAssertLessThanOrEqual(page.count, 9)
                paged += page
                after = ["--after", String(page.last!)]
            }
            XCTAssertEqual(paged, whole, label)
        }
    }

    func testCustomerViews() throws {
        let desk = try SharedDemo.shared.get()
        let all = try everything(desk)
        // camille is her organisation's support contact: she sees all of its tickets.
        let ours = all.filter { $0.organisation == "Librairie Étoile" }
        let list = try desk.list(["--view", "all", "--limit", "100"], as: "camille")
        XCTAssertEqual(list.tickets.map(\.number), ours.map(\.number))
        XCTAssertEqual(list.total, ours.count)
        XCTAssertEqual(try desk.numbers(["--view", "mine", "--limit", "100"], as: "camille"),
                       ours.filter { $0.requester == "camille" }.map(\.number))
        XCTAssertEqual(try desk.numbers(["--view", "open", "--limit", "100"], as: "camille"),
                       ours.filter { $0.status != "closed" }.map(\.number))
        // Customers see their own words for the statuses.
        let words = ["new": "Open", "open": "Open", "awaitingCustomer": "Action required from you", "pending": "Solution proposed", "closed": "Closed"]
        XCTAssertGreaterThan(Set(list.tickets.map(\.status)).count, 2)
        for row in list.tickets {
            XCTAssertEqual(row.statusLabel, words[row.status], "#\(row.number)")
        }
    }

    func testRecentViewIsLastViewedFirst() throws {
        let desk = try SharedDemo.shared.get()
        // kenji is used by no other test.
        for number in ["5", "12", "3", "12"] {
            XCTAssertEqual(desk.run(["show", number], user: "kenji").status, 0)
        }
        XCTAssertEqual(try desk.numbers(["--view", "recent"], as: "kenji"), [12, 3, 5])
        XCTAssertEqual(try desk.numbers(["--view", "recent", "--oldest-first"], as: "kenji"), [5, 3, 12])
        assertRefused(desk.run(["list", "--view", "recent", "--after", "3"], user: "kenji"), "--after does not apply to the recent view")
        assertSucceeded(desk.run(["list", "--view", "recent"], user: "sam"), "No tickets in Recent\n")
    }

    func testBadListArguments() throws {
        let desk = try SharedDemo.shared.get()
        for (option, value) in [("--view", "bogus"), ("--sort", "bogus"), ("--format", "xml")] {
            let result = desk.run(["list", option, value], user: "alice")
            XCTAssertEqual(result.status, 64, "\(result)")
            XCTAssertEqual(result.stdout, "")
            XCTAssertTrue(result.stderr.hasPrefix("Error: The value '\(value)' is invalid for '\(option) <"), result.stderr)
        }
        assertRefused(desk.run(["list", "--limit", "0"], user: "alice"), "--limit must be between 1 and 10000")
        assertRefused(desk.run(["list"]), "Who is acting? Give --user HANDLE or set DESKTERM_USER")
        assertRefused(desk.run(["list"], user: "nobody"), "No user with handle 'nobody'")
    }

    // MARK: - Table output

    /// Subjects that are long, wide (Japanese) and hostile (escape sequences).
    static let japanese = "プリンターが印刷できません。トレイ2で紙詰まりが発生しています"
    static let long = "Quarterly invoice shows the wrong VAT number for our Lyon office since the migration"
    static let hostile = "Evil \u{1B}]0;pwned\u{07} title \u{1B}[2J cleared"
    static let hostileShown = "Evil ␛]0;pwned␇ title ␛[2J cleared"

    private func tableDesk() throws -> TempDesk {
        let desk = try makeWorld()
        for (user, subject) in [("ann", Self.japanese), ("carl", Self.long), ("olga", Self.hostile), ("fred", "Short")] {
            let result = desk.run(["new", "--subject", subject, "--body-file", "-"], user: user, stdin: "Body of \(subject)\n\u{1B}[31mred\u{1B}[0m")
            XCTAssertEqual(result.status, 0, "\(result)")
        }
        return desk
    }

    func testTablesFitTheTerminalWidth() throws {
        let desk = try tableDesk()
        let agent60 = desk.run(["list", "--view", "all"], user: "bob", columns: 60)
        XCTAssertEqual(normalizingAges(agent60.stdout), """
            #  STATUS  URGENCY  SUBJECT          REQUESTER  UPDATED  DUE
            4  New     none     Short            fred AGE AGE
            3  New     none     Evil ␛]0;pwned…  olga AGE AGE
            2  New     none     Quarterly invo…  carl AGE AGE
            1  New     none     プリンターが印…  ann AGE AGE

            """)
        let agent120 = desk.run(["list", "--view", "all"], user: "bob", columns: 120)
        XCTAssertEqual(normalizingAges(agent120.stdout), """
            #  STATUS  URGENCY  SUBJECT                                                        REQUESTER  ORGANISATION  UPDATED  DUE
            4  New     none     Short                                                          fred       Free Co AGE AGE
            3  New     none     Evil ␛]0;pwned␇ title ␛[2J cleared                             olga       Other Ltd AGE AGE
            2  New     none     Quarterly invoice shows the wrong VAT number for our Lyon of…  carl       Acme Corp AGE AGE
            1  New     none     プリンターが印刷できません。トレイ2で紙詰まりが発生しています  ann        Acme Corp AGE AGE

            """)
        let customer60 = desk.run(["list", "--view", "all"], user: "carl", columns: 60)
        XCTAssertEqual(normalizingAges(customer60.stdout), """
            #  STATUS  URGENCY  SUBJECT                ASSIGNEE  UPDATED
            2  Open    none     Quarterly invoice sh…  - AGE
            1  Open    none     プリンターが印刷でき…  - AGE

            """)
        let customer120 = desk.run(["list", "--view", "all"], user: "carl", columns: 120)
        XCTAssertEqual(normalizingAges(customer120.stdout), """
            #  STATUS  URGENCY  SUBJECT                                                                            ASSIGNEE  UPDATED
            2  Open    none     Quarterly invoice shows the wrong VAT number for our Lyon office since the migra…  - AGE
            1  Open    none     プリンターが印刷できません。トレイ2で紙詰まりが発生しています                      - AGE

            """)
        // Narrower still: less important columns go, the subject stays, cut by display width.
        let agent30 = desk.run(["list", "--view", "all"], user: "bob", columns: 30)
        XCTAssertEqual(normalizingAges(agent30.stdout), """
            #  STATUS  SUBJECT         DUE
            4  New     Short AGE
            3  New     Evil ␛]0;pwne… AGE
            2  New     Quarterly inv… AGE
            1  New     プリンターが… AGE

            """)

        for (result, width) in [(agent60, 60), (agent120, 120), (customer60, 60), (customer120, 120), (agent30, 30)] {
            XCTAssertEqual(result.status, 0, "\(result)")
            assertFits(result.stdout, width: width)
        }
    }

    func testDemoTablesFitTheTerminalWidth() throws {
        let desk = try SharedDemo.shared.get()
        for user in ["alice", "camille", "sato"] {
            for width in [40, 60, 80, 120, 200] {
                let result = desk.run(["list", "--view", "all", "--limit", "100"], user: user, columns: width)
                XCTAssertEqual(result.status, 0, "\(result)")
                assertFits(result.stdout, width: width, "\(user) at \(width)")
            }
        }
    }

    /// No line wider than `width`, and every subject either whole or cut with "…".
    private func assertFits(_ table: String, width: Int, _ label: String = "", file: StaticString = #filePath, line: UInt = #line) {
        let lines = table.split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(lines.count, 1, label, file: file, line: line)
        for text in lines {
            XCTAssertLessThanOrEqual(terminalWidth(text), width, "\(label): \(text)", file: file, line: line)
            XCTAssertFalse(text.hasSuffix(" "), "\(label): trailing space in \(text)", file: file, line: line)
        }
    }

    func testEscapeSequencesNeverReachTheTerminal() throws {
        let desk = try tableDesk()
        XCTAssertEqual(try desk.ticket(3, as: "bob").subject, Self.hostile, "stored as typed")
        assertSucceeded(desk.run(["reply", "3"], user: "bob", stdin: "Answer \u{1B}]8;;http://evil\u{07}link\u{1B}]8;;\u{07} \u{9B}31m"), "Reply 1 sent to #3 (open)\n")
        let evilName = desk.file("bad\u{1B}[2J.txt")
        try Data("x".utf8).write(to: evilName)

        let outputs: [(String, CLIResult)] = [
            ("list table", desk.run(["list", "--view", "all"], user: "bob", columns: 200)),
            ("list json", desk.run(["list", "--view", "all", "--format", "json"], user: "bob")),
            ("customer list", desk.run(["list", "--view", "all"], user: "olga", columns: 200)),
            ("show text", desk.run(["show", "3"], user: "bob")),
            ("customer show", desk.run(["show", "3"], user: "olga")),
            ("show json", desk.run(["show", "3", "--format", "json"], user: "olga")),
            ("search", desk.run(["search", "evil"], user: "olga", columns: 200)),
            ("duplicate", desk.run(["new", "--subject", Self.hostile, "--body-file", "-"], user: "olga", stdin: "again")),
            ("attach", desk.run(["attach", "3", evilName.path], user: "olga")),
            ("bare", desk.runRaw(["--db", desk.path], env: "olga", columns: 200)),
        ]
        for (label, result) in outputs {
            XCTAssertFalse(result.stdoutData.contains(0x1B), "\(label): \(result)")
            XCTAssertFalse(result.stderrData.contains(0x1B), "\(label): \(result)")
            XCTAssertFalse(result.stdoutData.contains(0x07), "\(label): \(result)")
            XCTAssertFalse(result.stdout.unicodeScalars.contains("\u{9B}"), "\(label): \(result)")
        }
        let table = outputs[0].1.stdout
        XCTAssertTrue(table.contains(" \(Self.hostileShown) "), table)
        XCTAssertEqual(outputs[3].1.lines.first, "#3  \(Self.hostileShown)")
        XCTAssertTrue(outputs[3].1.lines.contains("  Body of \(Self.hostileShown)"), outputs[3].1.stdout)
        XCTAssertTrue(outputs[3].1.lines.contains("  ␛[31mred␛[0m"), outputs[3].1.stdout)
        XCTAssertTrue(outputs[3].1.lines.contains("  Answer ␛]8;;http://evil␇link␛]8;;␇ \u{FFFD}31m"), outputs[3].1.stdout)
        XCTAssertTrue(outputs[5].1.stdout.contains(#""subject" : "Evil \u001b]0;pwned\u0007 title \u001b[2J cleared""#), outputs[5].1.stdout)
        // JSON keeps the text exactly, escaped: C1 CSI and bidi overrides too, not only C0.
        XCTAssertTrue(outputs[5].1.stdout.contains(#""body" : "Answer \u001b]8;;http://evil\u0007link\u001b]8;;\u0007 \u009b31m""#), outputs[5].1.stdout)
        let decoded = try JSONDecoder.desk.decode(TicketJSON.self, from: outputs[5].1.stdoutData)
        XCTAssertEqual(decoded.messages.first?.body, "Answer \u{1B}]8;;http://evil\u{07}link\u{1B}]8;;\u{07} \u{9B}31m")
        assertRefused(outputs[7].1, "This looks like your active ticket #3 \"\(Self.hostileShown)\"; reply there, or create anyway with --force")
        assertRefused(outputs[8].1, "'bad␛[2J.txt' is not a usable attachment name")
    }
}
