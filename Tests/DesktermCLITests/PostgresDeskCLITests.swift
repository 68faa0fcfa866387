import DeskModel
import DeskPostgres
import Foundation
import XCTest

/// What the command line does with a desk's address on every backend where the SQLite tests
/// look at files: a key line written by `ssh authorize` leads to the desk (issue #10: "an
/// authorized_keys line can lead to a PostgreSQL desk"), and a PostgreSQL database that holds
/// no desk is never made into one by a reading command.
final class PostgresDeskCLITests: XCTestCase {
    /// A valid ed25519 public key (the blob names its type, as `parsePublicKey` checks).
    private static let publicKey: String = {
        var blob = Data([0, 0, 0, 11]) + Data("ssh-ed25519".utf8) + Data([0, 0, 0, 32])
        blob += Data((0..<32).map { UInt8($0) })
        return "ssh-ed25519 \(blob.base64EncodedString()) ann@laptop\n"
    }()

    func testAnAuthorizedKeyLineLeadsToTheDeskThroughTheAccountsShell() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "It jams."), "Created ticket #1\n")
        let keyFile = try desk.write("ann.pub", Self.publicKey)
        let keys = desk.file("ssh/authorized_keys").path
        assertSucceeded(desk.run(["ssh", "authorize", "ann", "--key", keyFile, "--authorized-keys", keys]),
                        "Authorized ssh-ed25519 key for ann in \(keys)\n")

        let line = try String(contentsOfFile: keys, encoding: .utf8)
        let quotedDesk = desk.path.hasPrefix("/") ? desk.path : "'\(desk.path)'"
        XCTAssertEqual(line, "command=\"\(desk.binary.path) ssh-session --desk \(quotedDesk) ann\",restrict,pty \(Self.publicKey.split(separator: " ")[0...1].joined(separator: " ")) deskterm:ann\n")
        XCTAssertFalse(line.contains("password"))

        // sshd runs the forced command through the account's shell, with the client's command in
        // SSH_ORIGINAL_COMMAND: it must reach this desk as ann.
        let forced = String(line.split(separator: "\"")[1])
        var environment = desk.environment()
        environment["SSH_ORIGINAL_COMMAND"] = "list --view all --format json"
        let result = runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", forced], environment: environment)
        XCTAssertEqual(result.status, 0, "\(result)")
        let list = try JSONDecoder.desk.decode(TicketListJSON.self, from: result.stdoutData)
        XCTAssertEqual(list.tickets.map(\.number), [1])
        XCTAssertEqual(list.tickets.map(\.requester), ["ann"])
    }

    func testAReadingCommandOnAnEmptyDatabaseMakesNoDesk() throws {
        let desk = try TempDesk()
        guard !desk.path.hasPrefix("/") else {
            throw XCTSkip("PostgreSQL only: on SQLite, DeskFileCLITests.testAMissingDeskPointsToInit")
        }
        for arguments in [["list"], ["show", "1"], ["search", "printer"], ["maintain"], ["org", "list"]] {
            assertRefused(desk.run(arguments, user: "bob"), "No desk in \(desk.path): create one with `deskterm init --db ADDRESS`")
        }
        let db = try PostgresConnection(address: desk.path)
        let tables = try db.query("SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'")
        XCTAssertEqual(try tables[0].decode(Int64.self, at: 0), 0)
        // init makes it a desk.
        assertSucceeded(desk.run(["init", "--admin", "bob"]), "Created desk deskterm at \(desk.path)\n")
        let list = desk.run(["list", "--view", "all", "--format", "json"], user: "bob")
        XCTAssertEqual(list.status, 0, "\(list)")
        XCTAssertEqual(try JSONDecoder.desk.decode(TicketListJSON.self, from: list.stdoutData).tickets, [])
    }
}
