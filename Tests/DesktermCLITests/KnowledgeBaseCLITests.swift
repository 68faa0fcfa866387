import DeskModel
import Foundation
import XCTest

/// `deskterm kb`: agents write, everyone reads what they may; folders in and out; SSH read-only.
final class KnowledgeBaseCLITests: XCTestCase {
    func addSamples(_ desk: TempDesk) {
        assertSucceeded(desk.run(
            ["kb", "add", "--title", "Reset your VPN password", "--tags", "VPN, Network", "--body-file", "-"], user: "bob",
            stdin: "# Reset\n\n1. Open **Settings**.\n2. See [the guide](https://example.com/vpn).\n"), "Added article reset-your-vpn-password\n")
        assertSucceeded(desk.run(
            ["kb", "add", "--title", "VPN bug workaround", "--slug", "vpn-bug", "--visibility", "internal", "--body-file", "-"],
            user: "bob", stdin: "Internal only."), "Added article vpn-bug\n")
        assertSucceeded(desk.run(
            ["kb", "add", "--title", "VPN for business", "--slug", "vpn-business", "--lang", "fr", "--visibility", "plans:business",
             "--body-file", "-"], user: "dora", stdin: "Réseau privé."), "Added article vpn-business\n")
    }

    func testAgentsWriteAndEachReaderSeesWhatTheirRoleAndPlanAllow() throws {
        let desk = try makeWorld()
        addSamples(desk)
        assertRefused(desk.run(["kb", "add", "--title", "Mine", "--body-file", "-"], user: "ann", stdin: "x"),
                      "Not allowed: customers read the knowledge base; agents write it")
        let staff = desk.run(["kb", "list"], user: "bob", columns: 120)
        XCTAssertEqual(staff.status, 0, "\(staff)")
        XCTAssertTrue(staff.stdout.hasPrefix("SLUG"), staff.stdout)
        XCTAssertTrue(staff.stdout.contains("SHOWN"), staff.stdout)
        XCTAssertTrue(staff.stdout.contains("vpn-bug"), staff.stdout)
        let ann = desk.run(["kb", "list", "--format", "json"], user: "ann")
        let annSlugs = (try JSONSerialization.jsonObject(with: ann.stdoutData) as? [[String: Any]])?.compactMap { $0["slug"] as? String }
        XCTAssertEqual(annSlugs, ["reset-your-vpn-password"])
        let olga = desk.run(["kb", "list", "--format", "json"], user: "olga")
        let olgaArticles = try JSONSerialization.jsonObject(with: olga.stdoutData) as? [[String: Any]]
        XCTAssertEqual(Set(olgaArticles?.compactMap { $0["slug"] as? String } ?? []), ["reset-your-vpn-password", "vpn-business"])
        // A customer reads neither counts nor visibility.
        XCTAssertNil(olgaArticles?.first?["counts"])
        XCTAssertFalse(desk.run(["kb", "list"], user: "ann").stdout.contains("SHOWN"))
        // An internal article is "not found" for a customer, as a missing one is.
        assertRefused(desk.run(["kb", "show", "vpn-bug"], user: "ann"), "No article 'vpn-bug'")
        assertRefused(desk.run(["kb", "show", "nothing"], user: "ann"), "No article 'nothing'")
        XCTAssertEqual(desk.run(["kb", "search", "workaround"], user: "ann").stdout, "No articles match\n")
        XCTAssertTrue(desk.run(["kb", "search", "workaround"], user: "bob").stdout.contains("vpn-bug"))
    }

    func testShowDrawsTheMarkdownAsText() throws {
        let desk = try makeWorld()
        addSamples(desk)
        assertSucceeded(desk.run(["kb", "show", "reset-your-vpn-password"], user: "ann"), """
            Reset your VPN password
            =======================
            slug: reset-your-vpn-password  language: en  tags: vpn, network

            Reset

            1. Open Settings.
            2. See the guide[1].

            [1] https://example.com/vpn

            """)
        let markdown = desk.run(["kb", "show", "reset-your-vpn-password", "--format", "markdown"], user: "ann")
        XCTAssertTrue(markdown.stdout.contains("1. Open **Settings**."), markdown.stdout)
        assertSucceeded(desk.run(["kb", "edit", "reset-your-vpn-password", "--title", "Reset the VPN password"], user: "dora"),
                        "Updated article reset-your-vpn-password\n")
        XCTAssertTrue(desk.run(["kb", "show", "reset-your-vpn-password"], user: "bob").stdout.contains("by dora"))
        assertRefused(desk.run(["kb", "edit", "reset-your-vpn-password", "--title", "x"], user: "ann"),
                      "Not allowed: customers read the knowledge base; agents write it")
        assertRefused(desk.run(["kb", "edit", "reset-your-vpn-password"], user: "bob"),
                      "Nothing to change: give --title, --new-slug, --lang, --tags, --visibility or --body-file")
    }

    func testExportThenImportChangesNothingAndABadFolderWritesNothing() throws {
        let desk = try makeWorld()
        addSamples(desk)
        let folder = desk.file("kb").path
        assertSucceeded(desk.run(["kb", "export", folder], user: "bob"), "Exported 3 articles to \(folder)\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertEqual(names, ["reset-your-vpn-password.md", "vpn-bug.md", "vpn-business.md"])
        assertSucceeded(desk.run(["kb", "import", folder], user: "bob"), "Imported 3 files: 0 added, 0 updated, 3 unchanged\n")

        try Data("---\ntitle: Brand new\ntags: sync\n---\nNew text.\n".utf8).write(to: URL(fileURLWithPath: folder + "/brand-new.md"))
        assertSucceeded(desk.run(["kb", "import", folder], user: "root"), "Imported 4 files: 1 added, 0 updated, 3 unchanged\n")
        assertSucceeded(desk.run(["kb", "import", folder], user: "root"), "Imported 4 files: 0 added, 0 updated, 4 unchanged\n")

        try Data("---\ntitle: Other\n---\nChanged.\n".utf8).write(to: URL(fileURLWithPath: folder + "/brand-new.md"))
        try Data("no front matter".utf8).write(to: URL(fileURLWithPath: folder + "/broken.md"))
        try Data("---\ntitle: x\nvisibility: secret\n---\n".utf8).write(to: URL(fileURLWithPath: folder + "/secret.md"))
        let refused = desk.run(["kb", "import", folder], user: "bob")
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertEqual(refused.stderr, """
            deskterm: broken.md: no front matter: the file must start with a line '---'
            deskterm: secret.md: visibility 'secret' is not public, internal or plans:PLAN,... (plans: free, trial, pro, business, enterprise)
            deskterm: 2 of 6 files refused; nothing was imported

            """)
        // The good file beside them was not written either.
        XCTAssertTrue(desk.run(["kb", "show", "brand-new"], user: "bob").stdout.contains("New text."))
        assertRefused(desk.run(["kb", "import", folder], user: "ann"), "Not allowed: customers read the knowledge base; agents write it")
    }

    func testOverSSHCustomersReadButNeverWrite() throws {
        let desk = try makeWorld()
        addSamples(desk)
        let list = desk.ssh("kb list --format json", as: "ann")
        XCTAssertEqual(list.status, 0, "\(list)")
        XCTAssertEqual((try JSONSerialization.jsonObject(with: list.stdoutData) as? [[String: Any]])?.count, 1)
        XCTAssertTrue(desk.ssh("kb search 'vpn password'", as: "ann").stdout.contains("reset-your-vpn-password"))
        XCTAssertTrue(desk.ssh("kb show reset-your-vpn-password", as: "ann").stdout.contains("[1] https://example.com/vpn"))
        let add = desk.ssh("kb add --title Sneaky", as: "ann", stdin: "x")
        XCTAssertNotEqual(add.status, 0)
        XCTAssertTrue(add.stderr.contains("'kb add' is not available over SSH"), add.stderr)
        let export = desk.ssh("kb export /tmp/x", as: "bob")
        XCTAssertTrue(export.stderr.contains("'kb export' is not available over SSH"), export.stderr)
    }
}
