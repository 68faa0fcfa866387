import DeskModel
import Foundation
import XCTest

/// `init`, `org add/list`, `user add/list`: the admin's commands, end to end.
final class DirectoryCLITests: XCTestCase {
    func testInitCreatesADeskWithItsFirstAdmin() throws {
        let desk = try TempDesk()
        let result = desk.run(["init", "--name", "Acme help", "--admin", "root", "--admin-name", "Rita Root", "--admin-email", "rita@desk.example"])
        assertSucceeded(result, "Created desk Acme help at \(desk.path)\n")

        let store = try desk.store()
        XCTAssertEqual(try store.settings(), DeskSettings(name: "Acme help", autoCloseDays: 5, attachmentLimit: 25 * 1024 * 1024))
        XCTAssertEqual(try store.users().map { "\($0.handle) \($0.name) \($0.email) \($0.role.rawValue)" }, ["root Rita Root rita@desk.example admin"])
        XCTAssertEqual(try store.organisations(), [])

        // A second init never touches the existing desk: not its file, not its settings nor users.
        let isFile = desk.path.hasPrefix("/")
        let before = isFile ? try Data(contentsOf: URL(fileURLWithPath: desk.path)) : nil
        assertRefused(desk.run(["init", "--name", "Other", "--admin", "other"]),
                      isFile ? "\(desk.path) already exists; init creates a new desk" : "\(desk.path) already holds a desk; init creates a new desk")
        if isFile { XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: desk.path)), before) }
        let after = try desk.store()
        XCTAssertEqual(try after.settings(), DeskSettings(name: "Acme help", autoCloseDays: 5, attachmentLimit: 25 * 1024 * 1024))
        XCTAssertEqual(try after.users().map(\.handle), ["root"])
    }

    func testInitWithABadAdminHandleCreatesNothing() throws {
        let desk = try TempDesk()
        assertRefused(
            desk.run(["init", "--admin", "Bob!"]),
            "'Bob!' is not a valid handle: use lower-case letters, digits, '-' and '_', starting with a letter")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: desk.directory.path), [])
    }

    func testOrganisationsAndUsersAddedAndListed() throws {
        let desk = try TempDesk()
        XCTAssertEqual(desk.run(["init", "--admin", "root", "--admin-name", "Rita Root"]).status, 0)

        // DESKTERM_USER names the acting admin as well as --user does.
        assertSucceeded(desk.run(["org", "add", "Acme Corp", "--tier", "priority"], env: "root"), "Added organisation Acme Corp (pro, priority)\n")
        assertSucceeded(desk.run(["org", "add", "Free Co", "--plan", "free"], user: "root"), "Added organisation Free Co (free, standard)\n")
        assertSucceeded(
            desk.run(["user", "add", "ann", "--name", "Ann Acme", "--email", "ann@acme.example", "--org", "Acme Corp"], user: "root"),
            "Added customer ann\n")
        assertSucceeded(
            desk.run(["user", "add", "carl", "--name", "Carl Acme", "--org", "Acme Corp", "--org-access"], user: "root"),
            "Added customer carl\n")
        assertSucceeded(desk.run(["user", "add", "bob", "--name", "Bob Agent", "--role", "agent"], user: "root"), "Added agent bob\n")

        assertSucceeded(desk.run(["org", "list"], user: "root"), """
            NAME       PLAN  TIER
            Acme Corp  pro   priority
            Free Co    free  standard

            """)
        let orgs = desk.run(["org", "list", "--format", "json"], user: "root")
        XCTAssertEqual(orgs.status, 0)
        XCTAssertEqual(try JSONDecoder().decode([[String: String]].self, from: orgs.stdoutData), [
            ["name": "Acme Corp", "plan": "pro", "tier": "priority"],
            ["name": "Free Co", "plan": "free", "tier": "standard"],
        ])

        assertSucceeded(desk.run(["user", "list"], user: "root"), """
            HANDLE  NAME       ROLE      ORGANISATION  ACCESS        EMAIL             LANGUAGE
            ann     Ann Acme   customer  Acme Corp     own           ann@acme.example  -
            bob     Bob Agent  agent     -             -                               -
            carl    Carl Acme  customer  Acme Corp     organisation                    -
            root    Rita Root  admin     -             -                               -

            """)
        let users = desk.run(["user", "list", "--format", "json"], user: "root")
        XCTAssertEqual(users.status, 0)
        XCTAssertEqual(try JSONDecoder().decode([[String: String]].self, from: users.stdoutData), [
            ["handle": "ann", "name": "Ann Acme", "email": "ann@acme.example", "role": "customer", "organisation": "Acme Corp", "caseAccess": "own", "language": ""],
            ["handle": "bob", "name": "Bob Agent", "email": "", "role": "agent", "organisation": "", "caseAccess": "own", "language": ""],
            ["handle": "carl", "name": "Carl Acme", "email": "", "role": "customer", "organisation": "Acme Corp", "caseAccess": "organisation", "language": ""],
            ["handle": "root", "name": "Rita Root", "email": "", "role": "admin", "organisation": "", "caseAccess": "own", "language": ""],
        ])

        // The desk itself holds the same.
        let store = try desk.store()
        let acme = try XCTUnwrap(try store.organisations().first { $0.name == "Acme Corp" })
        XCTAssertEqual(try store.viewer(handle: "carl").user.organisationID, acme.id)
        XCTAssertEqual(try store.viewer(handle: "carl").user.caseAccess, .organisation)
        XCTAssertEqual(try store.viewer(handle: "ann").plan, .pro)
    }

    func testNarrowOrganisationTableFitsTheWidth() throws {
        let desk = try makeWorld()
        let result = desk.run(["org", "list"], columns: 20)
        assertSucceeded(result, """
            NAME       PLAN
            Acme Corp  pro
            Free Co    free
            Other Ltd  business

            """)
    }

    func testRefusedDirectoryChangesCreateNothing() throws {
        let desk = try makeWorld()
        let usersBefore = desk.run(["user", "list", "--format", "json"]).stdout
        let orgsBefore = desk.run(["org", "list", "--format", "json"]).stdout
        XCTAssertTrue(usersBefore.contains("\"handle\" : \"olga\""))

        let refusals: [([String], String?, String)] = [
            (["user", "add", "ann", "--name", "Another Ann", "--org", "Acme Corp"], "root", "A user with handle 'ann' already exists"),
            (["user", "add", "Bob!", "--name", "Bob", "--role", "agent"], "root",
             "'Bob!' is not a valid handle: use lower-case letters, digits, '-' and '_', starting with a letter"),
            (["user", "add", "zed", "--name", "Zed", "--org", "Nope Inc"], "root", "No organisation named 'Nope Inc'"),
            (["user", "add", "zed", "--name", "Zed"], nil, "A customer belongs to an organisation: give --org NAME"),
            (["user", "add", "zed", "--name", "Zed", "--role", "agent", "--org", "Acme Corp"], "root", "Only customers belong to an organisation"),
            (["user", "add", "zed", "--name", "Zed", "--role", "agent", "--org-access"], "root", "--org-access applies to customers only"),
            (["org", "add", "acme corp"], "root", "An organisation named 'acme corp' already exists"),
            (["org", "add", "Evil\u{1B}[2J Co"], "root", "An organisation name cannot contain control characters"),
            (["org", "add", "Sneaky Co"], "ann", "Not allowed: only admins manage organisations and users"),
            (["user", "add", "zed", "--name", "Zed", "--role", "admin"], "bob", "Not allowed: only admins manage organisations and users"),
            (["user", "list"], "ghost", "No user with handle 'ghost'"),
        ]
        for (arguments, user, message) in refusals {
            let result = desk.run(arguments, user: user)
            assertRefused(result, message)
            XCTAssertFalse(result.stderr.contains("\u{1B}"), "\(arguments)")
        }
        XCTAssertEqual(desk.run(["user", "list", "--format", "json"]).stdout, usersBefore)
        XCTAssertEqual(desk.run(["org", "list", "--format", "json"]).stdout, orgsBefore)
        XCTAssertEqual(try desk.store().users().count, 7)
        XCTAssertEqual(try desk.store().organisations().count, 3)
    }

    func testUnknownPlanIsAUsageError() throws {
        let desk = try makeWorld()
        let result = desk.run(["org", "add", "Gold Co", "--plan", "gold"], user: "root")
        XCTAssertEqual(result.status, 64, "\(result)")
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.hasPrefix("Error: The value 'gold' is invalid for '--plan <plan>'"), result.stderr)
        XCTAssertEqual(try desk.store().organisations().count, 3)
    }
}
