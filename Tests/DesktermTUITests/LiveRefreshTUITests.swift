import DeskModel
import DeskPostgres
import DeskPostgresStore
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// A desk in a database of its own on the server `scripts/with-postgres` starts, with two
/// agents (alice, bob) and a customer (camille, who sees her organisation's tickets) and three
/// of her tickets. Skips the test, saying why, when no server is there.
final class PostgresTUIDesk {
    static let variable = "DESKTERM_TEST_POSTGRES"

    let address: String
    let desk: Desk
    let tickets: [Int64]
    private let server: String
    private let name: String

    init() throws {
        guard let server = ProcessInfo.processInfo.environment[Self.variable], !server.isEmpty else {
            throw XCTSkip("\(Self.variable) is not set: run the PostgreSQL client tests through scripts/with-postgres (scripts/test does)")
        }
        self.server = server
        name = "tui_live_\(UUID().uuidString.prefix(8).lowercased())"
        guard var parts = URLComponents(string: server) else { throw TUITestFailure(description: "unreadable \(Self.variable)") }
        parts.path = "/" + name
        address = parts.string ?? server
        try PostgresConnection(address: server).executeScript("CREATE DATABASE \(name)")
        do {
            (desk, tickets) = try Self.fill(address)
        } catch {
            try? PostgresConnection(address: server).executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
    }

    private static func fill(_ address: String) throws -> (Desk, [Int64]) {
        PostgresDeskStorage.register()
        let desk = try Desk.open(address: address, create: true)
        _ = try desk.addOrganisation(NewOrganisation(name: "Acme", plan: .pro, tier: .priority))
        for (handle, role) in [("alice", Role.agent), ("bob", .agent), ("camille", .customer)] {
            _ = try desk.addUser(NewUser(
                handle: handle, name: handle.capitalized, email: "\(handle)@example.com", role: role,
                organisationName: role == .customer ? "Acme" : nil, caseAccess: role == .customer ? .organisation : .own))
        }
        let camille = try desk.viewer(handle: "camille")
        let tickets = try ["Printer offline", "Scanner jammed", "VPN drops at noon"].map { subject in
            try desk.createTicket(NewTicket(subject: subject, description: "Since this morning.", kind: .question), by: camille, allowDuplicate: true).number
        }
        return (desk, tickets)
    }

    func viewer(_ handle: String) throws -> Viewer { try desk.viewer(handle: handle) }

    /// A connection to the desk's database that is not the client's.
    func observer() throws -> PostgresConnection { try PostgresConnection(address: address) }

    func drop() {
        try? PostgresConnection(address: server).executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}

/// Live refresh: a change anywhere reaches every open client. On PostgreSQL the client waits on
/// a LISTEN connection beside the terminal (no query while idle); on SQLite it compares the
/// change token once a second.
final class LiveRefreshTUITests: XCTestCase {
    private var postgres: PostgresTUIDesk?
    private var desks: [TUIDesk] = []
    private var clients: [TmuxClient] = []

    override func tearDown() {
        clients.forEach { $0.stop() }
        desks.forEach { $0.remove() }
        postgres?.drop()
        clients = []
        desks = []
        postgres = nil
    }

    /// The PostgreSQL desk, and `count` clients on it (each in a tmux server of its own).
    private func postgresClients(_ count: Int) throws -> (PostgresTUIDesk, TUIDesk, [TmuxClient]) {
        let tools = try TUITools.require()
        let postgres = try PostgresTUIDesk()
        self.postgres = postgres
        let desk = try TUIDesk(binary: tools.binary, address: postgres.address)
        desks.append(desk)
        let made = try (0..<count).map { _ in try TmuxClient(tmux: tools.tmux, binary: tools.binary, desk: desk) }
        clients += made
        return (postgres, desk, made)
    }

    /// Seconds until `condition` holds on the screen, capturing it every 10 ms; nil after `timeout`.
    private func secondsUntil(_ client: TmuxClient, timeout: TimeInterval = 3, since start: Date, _ condition: (Screen) -> Bool) -> TimeInterval? {
        while Date().timeIntervalSince(start) < timeout {
            if condition(client.screen()) { return Date().timeIntervalSince(start) }
            usleep(10_000)
        }
        return nil
    }

    /// Starts alice's client on the All view (a status change may assign the ticket to the
    /// agent who made it, taking it out of alice's Active view) and waits for `number` as `status`.
    private func startOnAllView(_ client: TmuxClient, showing number: Int64, as status: String) throws {
        try client.start(user: "alice")
        try client.waitForList()
        client.press("5")
        try client.wait(for: "#\(number) \(status) in the All view") { $0.activeTab.hasPrefix("5 All") && self.rowShowsStatus(number, status)($0) }
    }

    private func rowShowsStatus(_ number: Int64, _ status: String) -> (Screen) -> Bool {
        { $0.row(number)?.contains(" \(status) ") == true }
    }

    func testChangesByTheCommandLineAndByAnotherClientShowAtOnceOnAPostgreSQLDesk() throws {
        let (postgres, desk, clients) = try postgresClients(2)
        let (agent, customer) = (clients[0], clients[1])
        let number = postgres.tickets[0]
        try startOnAllView(agent, showing: number, as: "new")
        try customer.start(user: "camille")
        try customer.waitForList()
        customer.press("Enter")
        try customer.wait(for: "camille's detail") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #") }
        let opened = try XCTUnwrap(customer.screen().lines[1].firstMatch(of: /#(\d+)/).flatMap { Int64($0.1) })

        // The command line (another process) changes a status: alice's list shows it.
        var result = desk.cli(["status", String(number), "pending"], user: "bob")
        XCTAssertEqual(result.status, 0, "\(result)")
        var started = Date()
        let statusLatency = secondsUntil(agent, since: started, rowShowsStatus(number, "pending"))
        XCTAssertNotNil(statusLatency, "alice's list did not show #\(number) pending:\n\(agent.screen())")

        // An internal note, then a public reply, to camille's open ticket: her screen reloads
        // for both, and shows the reply alone.
        result = desk.cli(["reply", String(opened), "--internal", "--body-file", "-"], user: "bob", stdin: "Refund approved internally")
        XCTAssertEqual(result.status, 0, "\(result)")
        result = desk.cli(["reply", String(opened), "--body-file", "-"], user: "bob", stdin: "A new driver is on its way")
        XCTAssertEqual(result.status, 0, "\(result)")
        started = Date()
        let replyLatency = secondsUntil(customer, since: started) { $0.contains("A new driver is on its way") }
        XCTAssertNotNil(replyLatency, "camille's detail did not show the reply:\n\(customer.screen())")
        XCTAssertFalse(customer.screen().contains("Refund approved"), "an internal note never reaches a customer\n\(customer.screen())")

        // Camille replies in her client: alice, reading the ticket, sees it.
        // Keys arrive through the wait on both descriptors too, escape sequences included.
        var selected = try agent.wait(for: "a selected row") { $0.selectedNumber != nil }.selectedNumber
        while selected != opened, let from = selected {
            agent.press("Down")
            selected = try agent.wait(for: "the row after #\(from)") { $0.selectedNumber != nil && $0.selectedNumber != from }.selectedNumber
        }
        agent.press("Enter")
        try agent.wait(for: "alice's detail of #\(opened)") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #\(opened) ") }
        customer.press("r")
        try customer.wait(forText: "Reply to #\(opened)")
        customer.type("Thanks, installing it now")
        customer.press("C-s")
        started = Date()
        try customer.wait(for: "the confirmation") { $0.bottomLine.contains("Reply sent to #\(opened)") }
        let clientLatency = secondsUntil(agent, since: started) { $0.contains("Thanks, installing it now") }
        XCTAssertNotNil(clientLatency, "alice's detail did not show camille's reply:\n\(agent.screen())")
        customer.press("Escape")
        try customer.wait(for: "camille's list again") { $0.lines.count > 1 && $0.lines[1].contains("STATUS") }
        print(String(format: "live refresh on PostgreSQL: CLI status %.0f ms, CLI reply %.0f ms, other client's reply %.0f ms (from the end of the CLI's write; from Ctrl-S in the other client)",
                     (statusLatency ?? -1) * 1000, (replyLatency ?? -1) * 1000, (clientLatency ?? -1) * 1000))
    }

    func testLatencyOverTwentyChangesOnAPostgreSQLDesk() throws {
        let (postgres, _, clients) = try postgresClients(1)
        let client = clients[0]
        let number = postgres.tickets[1]
        try startOnAllView(client, showing: number, as: "new")
        let bob = try postgres.viewer("bob")

        var latencies: [TimeInterval] = []
        for index in 0..<20 {
            let status: TicketStatus = index % 2 == 0 ? .pending : .open
            _ = try postgres.desk.changeStatus(number: number, to: status, by: bob)
            // The write returned: its transaction committed.
            let committed = Date()
            let word = status == .pending ? "pending" : "open"
            let latency = secondsUntil(client, since: committed, rowShowsStatus(number, word))
            XCTAssertNotNil(latency, "change \(index + 1): #\(number) never showed \(word):\n\(client.screen())")
            latencies.append(latency ?? 3)
        }
        let sorted = latencies.sorted()
        let p50 = sorted[sorted.count / 2], p99 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
        print(String(format: "live refresh on PostgreSQL over %d changes (commit to screen, captured every 10 ms): p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                     sorted.count, p50 * 1000, p99 * 1000, (sorted.last ?? 0) * 1000))
    }

    func testAnIdleClientOnAPostgreSQLDeskAsksTheServerNothing() throws {
        let (postgres, _, clients) = try postgresClients(1)
        let client = clients[0]
        try startOnAllView(client, showing: postgres.tickets[0], as: "new")
        let observer = try postgres.observer()
        let clientPID = try client.clientPID()
        // Every client connection of the database but the observer's: the client's, and this
        // test process's own pool, idle too.
        func activity() throws -> [String] {
            try observer.query(
                """
                SELECT pid::text || ' ' || state || ' ' || state_change::text || ' ' || query FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' ORDER BY pid
                """
            ).map { try $0.decode(String.self, at: 0) }
        }
        usleep(500_000)
        let before = try activity()
        XCTAssertEqual(before.filter { $0.hasSuffix("LISTEN \"desk_change\"") }.count, 1, "one listening connection:\n\(before.joined(separator: "\n"))")
        sleep(5)
        let after = try activity()
        XCTAssertEqual(after, before, "no connection of the idle client (pid \(clientPID)) ran a statement in 5 s")
        print("idle client on PostgreSQL: \(before.count) connections, no statement in 5 s")

        // Still live: a resize interrupts the wait and redraws; a change reaches it.
        client.resize(columns: 80, rows: 24)
        try client.wait(for: "the list redrawn at 80x24") { $0.lines.count == 24 && $0.lines[1].hasSuffix("UPDATED") }
        _ = try postgres.desk.changeStatus(number: postgres.tickets[0], to: .pending, by: try postgres.viewer("bob"))
        try client.wait(for: "the change after the idle time", timeout: 3, rowShowsStatus(postgres.tickets[0], "pending"))
    }

    func testAClientWhoseListeningConnectionIsKilledKeepsWorkingAndListensAgain() throws {
        let (postgres, _, clients) = try postgresClients(1)
        let client = clients[0]
        let number = postgres.tickets[2]
        try startOnAllView(client, showing: number, as: "new")
        let observer = try postgres.observer()
        let listening = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN \"desk_change\"' AND state = 'idle'"
        let killed = try XCTUnwrap(try observer.query(listening).first?.decode(Int64.self, at: 0))
        _ = try observer.query("SELECT pg_terminate_backend($1::int)", [.int(killed)])
        let bob = try postgres.viewer("bob")

        // Meanwhile the token check (once a second) or the feed listening again finds the change.
        _ = try postgres.desk.changeStatus(number: number, to: .pending, by: bob)
        try client.wait(for: "the change with the listener gone", timeout: 4, rowShowsStatus(number, "pending"))
        client.press("j")  // the client still answers keys
        try client.wait(for: "the second row selected") { $0.selectedNumber != nil && $0.selectedNumber != $0.listNumbers.first }

        // It listens again on a new connection, and changes arrive at once again.
        let deadline = Date().addingTimeInterval(6)
        var listener: Int64?
        while Date() < deadline {
            listener = try observer.query(listening).first?.decode(Int64.self, at: 0)
            if listener != nil { break }
            usleep(50_000)
        }
        XCTAssertNotNil(listener, "the client listens again")
        XCTAssertNotEqual(listener, killed)
        _ = try postgres.desk.changeStatus(number: number, to: .open, by: bob)
        let latency = secondsUntil(client, since: Date(), rowShowsStatus(number, "open"))
        XCTAssertNotNil(latency, "the change after listening again:\n\(client.screen())")
        print(String(format: "after the listening connection was killed: the next change showed in %.0f ms", (latency ?? -1) * 1000))
    }

    func testASQLiteClientStillSeesAnotherProcesssChangeByItsToken() throws {
        let tools = try TUITools.require()
        let desk = try TUIDesk.demo(binary: tools.binary)
        desks.append(desk)
        let client = try TmuxClient(tmux: tools.tmux, binary: tools.binary, desk: desk)
        clients.append(client)
        try client.start()
        let number = try XCTUnwrap(try client.waitForList().selectedNumber)
        let before = try desk.ticket(number).status
        let target = before == "pending" ? "open" : "pending"
        let result = desk.cli(["status", String(number), target])
        XCTAssertEqual(result.status, 0, "\(result)")
        let latency = secondsUntil(client, since: Date(), rowShowsStatus(number, target))
        XCTAssertNotNil(latency, "#\(number) never showed \(target):\n\(client.screen())")
        print(String(format: "live refresh on SQLite (change token, checked once a second): %.0f ms", (latency ?? -1) * 1000))
    }
}
