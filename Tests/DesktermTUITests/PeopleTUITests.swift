import DeskModel
import Foundation
import XCTest

/// The People screen in the real client (#13): the demo's Priya, Brightwater's customer
/// administrator, adds a portal user and switches her access in the local client (which
/// writes no authorized_keys), then pastes a key for her over SSH; the command line then sees
/// the same; Megan, a plain customer, is refused.
final class PeopleTUITests: XCTestCase {
    private var fixture: TUIFixture!
    private var desk: TUIDesk { fixture.desk }
    private var client: TmuxClient { fixture.client }

    override func setUpWithError() throws {
        fixture = try TUIFixture()
    }

    override func tearDown() {
        fixture?.close()
        fixture = nil
    }

    func testACustomerAdministratorAddsAPortalUserSwitchesAccessAndAuthorisesAKeyOverSSH() throws {
        try client.start(user: "priya", columns: 100, rows: 30)
        // Her Active view is empty: the top bar says the client is up.
        try client.wait(forText: "sort:")
        client.press("U")
        var screen = try client.wait(forText: "People of Brightwater Analytics")
        // Daniel also works for Hafenwerk: listed, his keys not counted for her.
        let daniel = try XCTUnwrap(screen.lines.first { $0.contains("dan_okafor") }, "\(screen)")
        XCTAssertTrue(daniel.hasSuffix(" -") || daniel.contains(" - "), daniel)

        client.press("a")
        try client.wait(forText: "New portal user of Brightwater Analytics")
        client.type("Bianca Rossi")
        client.press("Tab")
        client.type("bianca.rossi@brightwater.example")
        client.press("Tab")
        client.type("bianca")
        client.press("Enter")
        client.press("Space")
        client.press("Enter")
        screen = try client.wait(for: "the user added") { $0.bottomLine.contains("bianca added to Brightwater Analytics") }
        let row = try XCTUnwrap(screen.lines.first { $0.contains("bianca") && $0.contains("Bianca Rossi") }, "\(screen)")
        XCTAssertTrue(row.contains("organisation's"), row)

        client.press("Space")
        screen = try client.wait(for: "the access switched") { $0.bottomLine.contains("bianca now sees only their own cases") }
        XCTAssertTrue(try XCTUnwrap(screen.lines.first { $0.contains("Bianca Rossi") }).contains("own cases"), "\(screen)")

        // The local client runs as whoever started it (root under sudo): it writes no
        // authorized_keys of theirs and says where keys are managed.
        client.press("s")
        try client.wait(for: "where keys are managed") { $0.bottomLine.contains("SSH keys are managed over SSH") }
        let keysPath = desk.directory.appendingPathComponent(".ssh/authorized_keys").path
        XCTAssertFalse(FileManager.default.fileExists(atPath: keysPath))

        client.press("Escape")
        try client.wait(for: "the list again") { !$0.contains("People of") }

        // Over SSH the session is the desk account's: its own authorized_keys.
        try client.start(columns: 100, rows: 30, sshSessionOf: "priya")
        try client.wait(forText: "sort:")
        client.press("U")
        screen = try client.wait(forText: "People of Brightwater Analytics")
        let rows = screen.lines.filter { $0.contains("@") }
        let index = try XCTUnwrap(rows.firstIndex { $0.contains("Bianca Rossi") }, "\(screen)")
        for _ in 0..<index { client.press("j") }
        client.press("s")
        try client.wait(forText: "Authorise an SSH key for bianca")
        client.paste("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f bianca@laptop\n")
        client.press("Enter")
        try client.wait(for: "the key authorised") { $0.bottomLine.contains("SSH key authorised for bianca") }
        let keys = try String(contentsOfFile: keysPath, encoding: .utf8)
        XCTAssertTrue(keys.contains("ssh-session --desk \(desk.path) bianca\",restrict,pty ssh-ed25519 ") && keys.hasSuffix(" deskterm:bianca\n"), keys)

        // What the screen did is what the command line sees.
        let accounts = desk.cli(["user", "accounts", "bianca", "--format", "json"], user: "priya")
        XCTAssertEqual(accounts.status, 0, accounts.description)
        XCTAssertTrue(accounts.stdout.contains("\"organisation\" : \"Brightwater Analytics\"") || accounts.stdout.contains("\"organisation\":\"Brightwater Analytics\""), accounts.stdout)
        XCTAssertTrue(accounts.stdout.contains("\"caseAccess\" : \"own\"") || accounts.stdout.contains("\"caseAccess\":\"own\""), accounts.stdout)
        let listed = desk.cli(["ssh", "list", "--authorized-keys", desk.directory.appendingPathComponent(".ssh/authorized_keys").path], user: nil)
        XCTAssertTrue(listed.stdout.contains("bianca"), listed.description)
    }

    func testAPlainCustomerIsRefused() throws {
        try client.start(user: "meg", columns: 100, rows: 30)
        try client.waitForList()
        client.press("U")
        let screen = try client.wait(for: "the refusal") { $0.bottomLine.contains("Not allowed: only admins and the organisation's customer administrators") }
        XCTAssertFalse(screen.contains("People of"), "\(screen)")
    }
}
