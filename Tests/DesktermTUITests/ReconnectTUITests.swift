import Foundation
import XCTest

/// The full-screen client on a PostgreSQL desk whose server goes away mid-session and comes
/// back: the client keeps running and keeps the reply being written, says on the bottom line
/// that the connection was lost, then that it is back, saves the draft and sends the reply once.
/// The server "goes away" by refusing connections to the desk's database and ending the
/// client's server processes (`pg_terminate_backend`), as a restart would.
final class ReconnectTUITests: XCTestCase {
    private var desk: TUIDesk!
    private var client: TmuxClient!
    private var admin = ""
    private var database = ""

    override func setUpWithError() throws {
        let (binary, tmux) = try TUITools.require()
        let environment = ProcessInfo.processInfo.environment
        guard let server = environment["DESKTERM_TEST_POSTGRES"], let admin = environment["DESKTERM_TEST_POSTGRES_ADMIN"] else {
            throw XCTSkip("DESKTERM_TEST_POSTGRES is not set: run these tests through scripts/with-postgres (scripts/test does)")
        }
        self.admin = admin
        database = "dtui_\(UUID().uuidString.prefix(8).lowercased())"
        try sql("CREATE DATABASE \(database) OWNER deskterm_test")
        desk = try TUIDesk(binary: binary, address: server.replacingOccurrences(of: "/deskterm_test?", with: "/\(database)?"))
        client = try TmuxClient(tmux: tmux, binary: binary, desk: desk)
    }

    override func tearDown() {
        client?.stop()
        desk?.remove()
        if !database.isEmpty { try? sql("DROP DATABASE IF EXISTS \(database) WITH (FORCE)") }
    }

    /// Runs SQL as the test server's superuser, with psql.
    @discardableResult
    private func sql(_ statement: String, in databaseName: String = "postgres") throws -> String {
        let address = admin.replacingOccurrences(of: "/postgres?", with: "/\(databaseName)?")
        let result = runTool("/usr/bin/psql", ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", address, "-c", statement], environment: ["PATH": "/usr/bin:/bin"])
        guard result.status == 0 else { throw TUITestFailure(description: "psql failed: \(result)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func setUpDesk() throws -> Int64 {
        for arguments in [
            ["init", "--admin", "sam"], ["org", "add", "Acme", "--plan", "pro"],
            ["user", "add", "alice", "--name", "Alice Martin", "--role", "agent"],
            ["user", "add", "camille", "--name", "Camille Lefèvre", "--org", "Acme"],
        ] {
            let result = desk.cli(arguments, user: arguments[0] == "init" ? nil : "sam")
            guard result.status == 0 else { throw TUITestFailure(description: "\(arguments) failed: \(result)") }
        }
        return try desk.newTicket(subject: "Printer jams", body: "Every morning.", as: "camille")
    }

    func testTheClientKeepsTheDraftWhileTheDeskIsGoneAndSendsItOnceItIsBack() throws {
        let number = try setUpDesk()
        try client.start(user: "alice")
        try client.waitForList()
        client.press("Enter")
        try client.wait(for: "the detail of #\(number)") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #\(number) ") }
        client.press("r")
        try client.wait(forText: "Reply to #\(number)")
        client.type("Which model is it?")
        try client.wait(forText: "Which model is it?")

        try sql("ALTER DATABASE \(database) ALLOW_CONNECTIONS false")
        try sql("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = '\(database)'")
        var screen = try client.wait(for: "the lost connection") {
            $0.bottomLine.contains("Lost the connection to the desk; retrying… your draft is kept")
        }
        XCTAssertTrue(screen.contains("Reply to #\(number)"), "the composer stays open\n\(screen)")
        // Typing goes on while the desk is away; the text stays on screen.
        client.type(" And its serial number?")
        screen = try client.wait(forText: "Which model is it? And its serial number?")

        try sql("ALTER DATABASE \(database) ALLOW_CONNECTIONS true")
        try client.wait(for: "the reconnection") { $0.bottomLine.contains("Reconnected to the desk") }
        XCTAssertEqual(
            try sql("SELECT body FROM draft", in: database), "Which model is it? And its serial number?",
            "the draft typed while the desk was away is saved once it is back")

        client.press("C-s")
        try client.wait(for: "the confirmation") { $0.bottomLine.contains("Reply sent to #\(number)") }
        let replies = try desk.ticket(number).messages.filter { $0.kind == "reply" }.map(\.body)
        XCTAssertEqual(replies, ["Which model is it? And its serial number?"])
    }
}
