import DeskModel
import Foundation
import XCTest

/// A customer administrator manages their organisation over SSH with the command line's own
/// commands: the desk decides who may do what; no option reaches a file of the server.
final class CustomerAdministratorSSHCLITests: XCTestCase {
    private static let publicKey: String = {
        var blob = Data([0, 0, 0, 11]) + Data("ssh-ed25519".utf8) + Data([0, 0, 0, 32])
        blob += Data((0..<32).map { UInt8($0 + 9) })
        return "ssh-ed25519 \(blob.base64EncodedString()) laptop\n"
    }()

    /// A refusal of the command line itself, before anything runs: exit 2, one line.
    private func assertRefusedBeforeRunning(_ result: CLIResult, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.status, 2, "\(result)", file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
        XCTAssertEqual(result.stderr, "deskterm: \(message)\n", file: file, line: line)
    }

    /// olga administers Other Ltd; ann is a customer of Acme Corp; carl is Acme's contact.
    private func deskWithAdministrator() throws -> TempDesk {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["user", "administrator", "olga", "--org", "Other Ltd"], user: "root"), "olga now administers Other Ltd\n")
        return desk
    }

    func testACustomerAdministratorManagesTheirOrganisationOverSSH() throws {
        let desk = try deskWithAdministrator()
        let denied = "Not allowed: only admins and the organisation's customer administrators manage its portal users"
        assertSucceeded(desk.ssh("user add otto --name 'Otto Other' --org 'Other Ltd'", as: "olga"), "Added customer otto\n")
        assertSucceeded(desk.ssh("user access otto organisation --org 'Other Ltd'", as: "olga"), "otto now has organisation access in Other Ltd\n")
        // ann is Acme's: only a desk admin brings her in; olga may then let her go, never hold her keys.
        assertRefused(desk.ssh("user add-account ann --org 'Other Ltd'", as: "olga"), "No user with handle 'ann'")
        assertSucceeded(desk.run(["user", "add-account", "ann", "--org", "Other Ltd"], user: "root"), "ann now has an account with Other Ltd\n")
        assertRefused(desk.ssh("ssh authorize ann --key -", as: "olga", stdin: Self.publicKey), "No user with handle 'ann'")
        assertSucceeded(desk.ssh("user remove-account ann --org 'Other Ltd'", as: "olga"), "ann no longer has an account with Other Ltd\n")
        // Another organisation, staff, and naming administrators stay out of reach.
        assertRefused(desk.ssh("user add zed --name Zed --org 'Acme Corp'", as: "olga"), denied)
        assertRefused(desk.ssh("user add zed --name Zed --role agent", as: "olga"), denied)
        assertRefused(desk.ssh("user access carl organisation --org 'Acme Corp'", as: "olga"), denied)
        assertRefused(desk.ssh("user access carl own --org 'Other Ltd'", as: "olga"), "No user with handle 'carl'")
        assertRefusedBeforeRunning(desk.ssh("user administrator otto --org 'Other Ltd'", as: "olga"),
                                   "'user administrator' is not available over SSH (try: help)")
        // An ordinary customer may do none of it.
        assertRefused(desk.ssh("user add zed --name Zed --org 'Acme Corp'", as: "ann"), denied)
        assertRefused(desk.ssh("user access ann organisation --org 'Acme Corp'", as: "ann"), denied)

        // Keys: from standard input into the desk account's own authorized_keys.
        let keys = desk.directory.appendingPathComponent(".ssh/authorized_keys").path
        assertSucceeded(desk.ssh("ssh authorize otto --key -", as: "olga", stdin: Self.publicKey),
                        "Authorized ssh-ed25519 key for otto in \(keys)\n")
        let written = try String(contentsOfFile: keys, encoding: .utf8)
        XCTAssertTrue(written.contains("ssh-session --desk ") && written.contains(desk.path) && written.contains("deskterm:otto"), "the session's desk: \(written)")
        XCTAssertEqual(desk.ssh("list", as: "otto").status, 0)
        assertRefused(desk.ssh("ssh authorize carl --key -", as: "olga", stdin: Self.publicKey), "No user with handle 'carl'")
        assertRefused(desk.ssh("ssh authorize bob --key -", as: "olga", stdin: Self.publicKey), "No user with handle 'bob'")
        assertRefused(desk.ssh("ssh authorize ann --key -", as: "ann", stdin: Self.publicKey),
                      "Not allowed: only admins and customer administrators authorise SSH keys")
        assertRefused(desk.ssh("ssh revoke carl", as: "olga"), "No user with handle 'carl'")
        assertSucceeded(desk.ssh("ssh revoke otto", as: "olga"), "Revoked 1 key of otto\n")

        // No option may name a file of the server.
        assertRefusedBeforeRunning(desk.ssh("ssh authorize otto --key /etc/passwd", as: "olga"),
                                   "--key takes only - over SSH: the public key comes from standard input")
        assertRefusedBeforeRunning(desk.ssh("ssh authorize otto --key - --authorized-keys /tmp/keys", as: "olga", stdin: Self.publicKey),
                                   "--authorized-keys is not available over SSH: the desk account's own file is used")
        assertRefusedBeforeRunning(desk.ssh("ssh revoke otto --authorized-keys /etc/passwd", as: "olga"),
                                   "--authorized-keys is not available over SSH: the desk account's own file is used")
        XCTAssertFalse(desk.ssh("ssh list --authorized-keys /etc/passwd", as: "olga").stdout.contains("root:"), "never the server file")

        // The organisation's audit, and no other.
        let audit = desk.ssh("audit --org 'Other Ltd' --format json", as: "olga")
        XCTAssertEqual(audit.status, 0, "\(audit)")
        let handles = Set((try JSONSerialization.jsonObject(with: audit.stdoutData) as? [[String: Any]])?.compactMap { $0["handle"] as? String } ?? [])
        XCTAssertEqual(handles, ["olga", "otto"], "ann and carl are not Other Ltd's")
        assertRefused(desk.ssh("audit --org 'Acme Corp'", as: "olga"), denied)
        assertRefused(desk.ssh("audit --org 'Other Ltd'", as: "ann"), denied)
        assertRefused(desk.ssh("audit", as: "olga"), "Not allowed: only admins read the audit log")
    }
}
