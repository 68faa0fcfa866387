import DeskModel
import Foundation
import XCTest

/// Several accounts per person from the command line and over SSH: admins give and take
/// accounts, the customer files under one with --org, lists show the organisation and narrow
/// to one with org:NAME; a customer's other organisation stays hidden.
final class AccountCLITests: XCTestCase {
    /// ann (Acme, own) also belongs to Other Ltd (organisation access) and Free Co (own).
    private func deskWithAccounts() throws -> TempDesk {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["user", "add-account", "ann", "--org", "Other Ltd", "--org-access"]), "ann now has an account with Other Ltd\n")
        assertSucceeded(desk.run(["user", "add-account", "ann", "--org", "free co"], user: "root"), "ann now has an account with Free Co\n")
        return desk
    }

    func testAdminsManageAccountsAndOthersMayNot() throws {
        let desk = try deskWithAccounts()
        let json = desk.run(["user", "accounts", "ann", "--format", "json"])
        XCTAssertEqual(json.status, 0, "\(json)")
        let accounts = try JSONSerialization.jsonObject(with: json.stdoutData) as? [[String: String]]
        XCTAssertEqual(accounts?.map { $0["organisation"] ?? "" }, ["Acme Corp", "Free Co", "Other Ltd"])
        XCTAssertEqual(accounts?.map { $0["caseAccess"] ?? "" }, ["own", "own", "organisation"])
        XCTAssertEqual(accounts?.map { $0["primary"] ?? "" }, ["true", "false", "false"])

        assertRefused(desk.run(["user", "add-account", "ann", "--org", "Acme Corp"]), "ann already has an account with Acme Corp")
        assertRefused(desk.run(["user", "add-account", "bob", "--org", "Acme Corp"]), "Only customers belong to an organisation")
        assertRefused(desk.run(["user", "add-account", "fred", "--org", "Acme Corp"], user: "bob"),
                      "Not allowed: only admins and the organisation's customer administrators manage its portal users")
        assertRefused(desk.run(["user", "add-account", "fred", "--org", "Acme Corp"], user: "carl"),
                      "Not allowed: only admins and the organisation's customer administrators manage its portal users")
        assertSucceeded(desk.run(["user", "access", "ann", "own", "--org", "Other Ltd"]), "ann now has own access in Other Ltd\n")
        assertSucceeded(desk.run(["user", "remove-account", "ann", "--org", "Free Co"]), "ann no longer has an account with Free Co\n")
        assertRefused(desk.run(["user", "remove-account", "ann", "--org", "Free Co"]), "ann has no account with Free Co")
    }

    func testFilingUnderAnAccountAndListingByAccount() throws {
        let desk = try deskWithAccounts()
        assertSucceeded(desk.run(["new", "--subject", "Printer", "--body-file", "-"], user: "olga", stdin: "Olga's."), "Created ticket #1\n")
        assertSucceeded(desk.run(["new", "--subject", "Mine", "--body-file", "-"], user: "ann", stdin: "At Acme."), "Created ticket #2\n")
        assertSucceeded(desk.run(["new", "--subject", "Down", "--kind", "incident", "--org", "Other Ltd", "--body-file", "-"], user: "ann", stdin: "x"),
                        "Created ticket #3\n")
        // Free Co's plan refuses incidents although her other accounts allow them.
        assertRefused(desk.run(["new", "--subject", "Down", "--kind", "incident", "--org", "Free Co", "--body-file", "-"], user: "ann", stdin: "x"),
                      "Free Co is on the free plan, which does not include incident tickets; open a question instead")
        assertRefused(desk.run(["new", "--subject", "x", "--org", "Secret Org", "--body-file", "-"], user: "ann", stdin: "x"),
                      "ann has no account with Secret Org")
        assertRefused(desk.run(["new", "--subject", "x", "--org", "Other Ltd", "--body-file", "-"], user: "carl", stdin: "x"),
                      "carl has no account with Other Ltd")
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "ann"), [3, 2, 1])
        XCTAssertEqual(try desk.numbers(["--view", "all", "--filter", "org:\"Other Ltd\""], as: "ann"), [3, 1])
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "carl"), [2], "Acme's contact sees ann's Acme ticket only")
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "olga"), [3, 1])
        let table = desk.run(["list", "--view", "all"], user: "ann", columns: 100)
        XCTAssertEqual(table.status, 0, "\(table)")
        XCTAssertTrue(table.lines[0].contains("ORGANISATION"), table.stdout)
        XCTAssertTrue(table.lines.contains { $0.hasPrefix("2 ") && $0.contains("Acme Corp") }, table.stdout)
        XCTAssertFalse(desk.run(["list", "--view", "all"], user: "carl").lines[0].contains("ORGANISATION"), "one account: no column")
        // Over SSH the same option files under the account chosen.
        let ssh = desk.ssh("new --subject Over-SSH --org 'Other Ltd' --body-file -", as: "ann", stdin: "Via ssh.")
        XCTAssertEqual(ssh.stdout, "Created ticket #4\n", "\(ssh)")
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "olga"), [4, 3, 1])
    }

    private static let publicKey: String = {
        var blob = Data([0, 0, 0, 11]) + Data("ssh-ed25519".utf8) + Data([0, 0, 0, 32])
        blob += Data((0..<32).map { UInt8($0 + 7) })
        return "ssh-ed25519 \(blob.base64EncodedString()) laptop\n"
    }()

    /// olga administers Other Ltd: its portal users' accounts, access, keys and audit, no one else's.
    func testACustomerAdministratorManagesOnlyTheirOrganisation() throws {
        let desk = try makeWorld()
        assertRefused(desk.run(["user", "administrator", "olga", "--org", "Other Ltd"], user: "olga"),
                      "Not allowed: only admins name customer administrators")
        assertSucceeded(desk.run(["user", "administrator", "olga", "--org", "Other Ltd"], user: "root"), "olga now administers Other Ltd\n")
        // ann is Acme's: bringing her in is a desk admin's act (olga could then hold her keys).
        assertRefused(desk.run(["user", "add-account", "ann", "--org", "Other Ltd"], user: "olga"), "No user with handle 'ann'")
        assertSucceeded(desk.run(["user", "add-account", "ann", "--org", "Other Ltd"], user: "root"), "ann now has an account with Other Ltd\n")
        assertSucceeded(desk.run(["user", "access", "ann", "organisation", "--org", "Other Ltd"], user: "olga"), "ann now has organisation access in Other Ltd\n")
        assertRefused(desk.run(["user", "access", "ann", "organisation", "--org", "Acme Corp"], user: "olga"),
                      "Not allowed: only admins and the organisation's customer administrators manage its portal users")
        assertRefused(desk.run(["user", "access", "carl", "own", "--org", "Other Ltd"], user: "olga"), "No user with handle 'carl'")
        assertRefused(desk.run(["user", "add-account", "bob", "--org", "Other Ltd"], user: "olga"), "No user with handle 'bob'")

        let keyFile = try desk.write("otto.pub", Self.publicKey)
        let keys = desk.file("ssh/authorized_keys").path
        assertSucceeded(desk.run(["user", "add", "otto", "--name", "Otto Other", "--org", "Other Ltd"], user: "olga"), "Added customer otto\n")
        assertSucceeded(desk.run(["ssh", "authorize", "otto", "--key", keyFile, "--authorized-keys", keys], user: "olga"),
                        "Authorized ssh-ed25519 key for otto in \(keys)\n")
        // ann also works for Acme Corp: her keys are not olga's to give.
        for handle in ["ann", "carl", "bob", "nobody"] {
            assertRefused(desk.run(["ssh", "authorize", handle, "--key", keyFile, "--authorized-keys", keys], user: "olga"),
                          "No user with handle '\(handle)'")
        }
        assertRefused(desk.run(["ssh", "authorize", "ann", "--key", keyFile, "--authorized-keys", keys], user: "carl"),
                      "Not allowed: only admins and customer administrators authorise SSH keys")
        XCTAssertEqual(try String(contentsOfFile: keys, encoding: .utf8).split(separator: "\n").count, 1, "only otto's key")

        XCTAssertEqual(desk.ssh("list", as: "otto").status, 0)
        XCTAssertEqual(desk.ssh("list", as: "ann").status, 0)
        XCTAssertEqual(desk.ssh("list", as: "carl").status, 0)
        let audit = desk.run(["audit", "--org", "Other Ltd", "--format", "json"], user: "olga")
        XCTAssertEqual(audit.status, 0, "\(audit)")
        let handles = (try JSONSerialization.jsonObject(with: audit.stdoutData) as? [[String: Any]])?.compactMap { $0["handle"] as? String }
        XCTAssertEqual(handles, ["otto"], "ann also works for Acme Corp; carl is not Other Ltd's")
        assertRefused(desk.run(["audit", "--org", "Acme Corp"], user: "olga"),
                      "Not allowed: only admins and the organisation's customer administrators manage its portal users")
        assertRefused(desk.run(["audit"], user: "olga"), "Not allowed: only admins read the audit log")

        assertSucceeded(desk.run(["user", "remove-account", "ann", "--org", "Other Ltd"], user: "olga"), "ann no longer has an account with Other Ltd\n")
        // A new portal user of Other Ltd, and no one elsewhere.
        assertSucceeded(desk.run(["user", "add", "oona", "--name", "Oona Other", "--org", "Other Ltd"], user: "olga"), "Added customer oona\n")
        assertRefused(desk.run(["user", "add", "zed", "--name", "Zed", "--org", "Acme Corp"], user: "olga"),
                      "Not allowed: only admins and the organisation's customer administrators manage its portal users")
        assertRefused(desk.run(["user", "add", "zed", "--name", "Zed", "--role", "agent"], user: "olga"),
                      "Not allowed: only admins and the organisation's customer administrators manage its portal users")
        assertRefused(desk.run(["user", "add", "zed", "--name", "Zed", "--org", "Other Ltd"], user: "ann"),
                      "Not allowed: only admins and the organisation's customer administrators manage its portal users")
    }
}
