import DeskModel
import Foundation
import XCTest

/// `list --filter` and `search` with conditions, on the command line and over SSH.
final class FilterCLITests: XCTestCase {
    private struct FilteredList: Decodable {
        var view: String?
        var filter: String?
        var total: Int?
        var tickets: [TicketRowJSON]
    }

    /// The small world with four tickets:
    ///
    /// | # | requester (org) | subject | kind, urgency | assignee, status |
    /// |---|---|---|---|---|
    /// | 1 | ann (Acme Corp) | Printer jams | incident, critical | bob, open |
    /// | 2 | ann (Acme Corp) | VPN drops | serviceRequest, low | new |
    /// | 3 | carl (Acme Corp) | Printer toner | question | new |
    /// | 4 | olga (Other Ltd) | Printer offline | incident, serious | new |
    private func deskWithTickets() throws -> TempDesk {
        let desk = try makeWorld()
        let store = try desk.store()
        let specs: [(String, String, TicketKind, Urgency)] = [
            ("ann", "Printer jams", .incident, .critical), ("ann", "VPN drops", .serviceRequest, .low),
            ("carl", "Printer toner", .question, .none), ("olga", "Printer offline", .incident, .serious),
        ]
        for (handle, subject, kind, urgency) in specs {
            _ = try store.createTicket(
                NewTicket(subject: subject, description: "\(subject), details.", kind: kind, urgency: urgency),
                by: store.viewer(handle: handle), allowDuplicate: true)
        }
        _ = try store.assign(number: 1, to: "bob", by: store.viewer(handle: "bob"))
        return desk
    }

    private func list(_ desk: TempDesk, _ filter: String, as user: String, view: String = "all") throws -> FilteredList {
        let result = desk.run(["list", "--view", view, "--filter", filter, "--format", "json"], user: user)
        XCTAssertEqual(result.status, 0, "\(result)")
        return try JSONDecoder.desk.decode(FilteredList.self, from: result.stdoutData)
    }

    private func searched(_ desk: TempDesk, _ query: String, as user: String) throws -> [Int64] {
        let result = desk.run(["search", query, "--format", "json"], user: user)
        XCTAssertEqual(result.status, 0, "\(result)")
        return try JSONDecoder.desk.decode(TicketListJSON.self, from: result.stdoutData).tickets.map(\.number)
    }

    func testListNarrowsAViewAndCountsWhatPasses() throws {
        let desk = try deskWithTickets()
        let incidents = try list(desk, "kind:incident", as: "bob")
        XCTAssertEqual(incidents.tickets.map(\.number), [4, 1])
        XCTAssertEqual(incidents.total, 2)
        XCTAssertEqual(incidents.filter, "kind:incident")
        XCTAssertEqual(incidents.view, "all")
        XCTAssertEqual(try list(desk, "assignee:me", as: "bob").tickets.map(\.number), [1])
        XCTAssertEqual(try list(desk, "status:new urgency:>=serious", as: "bob").tickets.map(\.number), [4])
        XCTAssertEqual(try list(desk, #"org:"acme corp" -kind:incident"#, as: "bob").tickets.map(\.number), [3, 2])
        XCTAssertEqual(try list(desk, "assignee:none", as: "bob", view: "active").tickets.map(\.number), [4, 3, 2])
        // A customer's filter stays inside what they may see.
        XCTAssertEqual(try list(desk, "kind:incident", as: "carl").tickets.map(\.number), [1])
        XCTAssertEqual(try list(desk, #"org:"Other Ltd""#, as: "ann").total, 0)
        assertSucceeded(
            desk.run(["list", "--view", "all", "--filter", #"org:"Other Ltd""#], user: "ann"),
            "No tickets in All pass org:\"Other Ltd\"\n")
    }

    func testSearchTakesWordsAndConditions() throws {
        let desk = try deskWithTickets()
        XCTAssertEqual(try searched(desk, "printer status:open", as: "bob"), [1])
        XCTAssertEqual(try searched(desk, "printer -status:open", as: "bob"), [4, 3])
        XCTAssertEqual(Set(try searched(desk, "kind:incident", as: "bob")), [1, 4])
        XCTAssertEqual(try searched(desk, "printer", as: "olga"), [4])
        assertSucceeded(desk.run(["search", #"printer org:"Acme Corp""#], user: "olga"), "No tickets match\n")
        XCTAssertEqual(try searched(desk, #""status:open""#, as: "bob"), [])
    }

    func testMistakesAreOneLineThatSaysWhatIsAccepted() throws {
        let desk = try deskWithTickets()
        assertRefused(
            desk.run(["search", "printer status:opn"], user: "bob"),
            "unknown status 'opn' (statuses: new, open, awaitingCustomer, pending, closed)")
        assertRefused(
            desk.run(["list", "--filter", "colour:red"], user: "bob"),
            #"unknown filter 'colour' (filters: status, urgency, kind, assignee, requester, org, watching, updated, created, callback); to search for the text, quote it: "colour:red""#)
        assertRefused(
            desk.run(["list", "--filter", "printer status:open"], user: "bob"),
            "--filter takes key:value conditions only; to find words, use: deskterm search 'printer status:open'")
        assertRefused(desk.run(["list", "--filter", "updated:<7x"], user: "bob"),
                      "unknown time '<7x' for updated: (an age like <7d, >2h, 30m, 2w, or a date like >=2026-11-01)")
        // Staff hear about a name that names no one; a customer gets no match, as for a name
        // they may not see.
        assertRefused(desk.run(["list", "--filter", "assignee:nosuch"], user: "bob"), "No user with handle 'nosuch'")
        assertSucceeded(desk.run(["list", "--filter", "assignee:nosuch"], user: "ann"), "No tickets in Active pass assignee:nosuch\n")
    }

    func testFiltersWorkOverSSHAsOnTheCommandLine() throws {
        let desk = try deskWithTickets()
        let cases: [(ssh: String, cli: [String])] = [
            (#"list --view all --filter 'org:"Acme Corp" -status:closed' --format json"#,
             ["list", "--view", "all", "--filter", #"org:"Acme Corp" -status:closed"#, "--format", "json"]),
            (#"search "printer kind:incident""#, ["search", "printer kind:incident"]),
            (#"search 'printer status:opn'"#, ["search", "printer status:opn"]),
        ]
        for user in ["carl", "olga", "ann"] {
            for (ssh, cli) in cases {
                let local = desk.run(cli, user: user)
                let remote = desk.ssh(ssh, as: user)
                XCTAssertEqual(remote.status, local.status, "\(ssh) as \(user): \(remote)")
                XCTAssertEqual(remote.stdout, local.stdout, "\(ssh) as \(user)")
                XCTAssertEqual(remote.stderr, local.stderr, "\(ssh) as \(user)")
            }
        }
        let carl = try JSONDecoder.desk.decode(FilteredList.self, from: desk.ssh(cases[0].ssh, as: "carl").stdoutData)
        XCTAssertEqual(carl.tickets.map(\.number), [3, 2, 1])
    }
}

/// `view save | list | delete` and `list --saved`.
final class SavedViewCLITests: XCTestCase {
    func testSaveListUseAndDeleteAView() throws {
        let desk = try makeWorld()
        let store = try desk.store()
        for (handle, subject, kind) in [("ann", "Printer jams", TicketKind.incident), ("olga", "Label blank", .question)] {
            _ = try store.createTicket(
                NewTicket(subject: subject, description: "Details.", kind: kind), by: store.viewer(handle: handle), allowDuplicate: true)
        }
        assertSucceeded(desk.run(["view", "save", "incidents", "kind:incident -status:closed"], user: "bob"),
                         "Saved view 'incidents': All with kind:incident -status:closed\n")
        assertSucceeded(desk.run(["view", "save", "new ones", "status:new", "--view", "active"], user: "bob"),
                         "Saved view 'new ones': Active with status:new\n")
        let listed = desk.run(["view", "list", "--format", "json"], user: "bob")
        XCTAssertEqual(listed.status, 0, "\(listed)")
        XCTAssertEqual(try JSONDecoder().decode([[String: String]].self, from: listed.stdoutData), [
            ["name": "incidents", "view": "all", "filter": "kind:incident -status:closed"],
            ["name": "new ones", "view": "active", "filter": "status:new"],
        ])
        let incidents = desk.run(["list", "--saved", "incidents", "--format", "json"], user: "bob")
        XCTAssertEqual(try JSONDecoder.desk.decode(TicketListJSON.self, from: incidents.stdoutData).tickets.map(\.number), [1])
        XCTAssertEqual(try JSONDecoder.desk.decode(TicketListJSON.self, from: desk.run(
            ["list", "--saved", "new ones", "--filter", "kind:question", "--format", "json"], user: "bob").stdoutData).tickets.map(\.number), [2])
        // Views are the user's own.
        assertSucceeded(desk.run(["view", "list"], user: "dora"), "No saved views (save one with: deskterm view save NAME 'status:open assignee:me')\n")
        assertRefused(desk.run(["list", "--saved", "incidents"], user: "dora"), "You have no saved view named 'incidents'")
        assertRefused(desk.run(["list", "--saved", "incidents", "--view", "all"], user: "bob"), "--saved brings its own case view; leave out --view")
        assertRefused(desk.run(["view", "save", "x", "status:opn"], user: "bob"),
                      "unknown status 'opn' (statuses: new, open, awaitingCustomer, pending, closed)")
        assertSucceeded(desk.run(["view", "delete", "incidents"], user: "bob"), "Deleted view 'incidents'\n")
        assertRefused(desk.run(["view", "delete", "incidents"], user: "bob"), "You have no saved view named 'incidents'")
    }
}
