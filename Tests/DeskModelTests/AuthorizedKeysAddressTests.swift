import XCTest

@testable import DeskModel

/// The forced command `deskterm ssh authorize` writes for a key, on a desk file and on a
/// PostgreSQL desk (issue #10: "an authorized_keys line can lead to a PostgreSQL desk").
final class AuthorizedKeysAddressTests: XCTestCase {
    private let key = AuthorizedKeys.PublicKey(type: "ssh-ed25519", base64: "AAAAC3NzaC1lZDI1NTE5AAAAIJ0t")

    func testADeskFileIsNamedAsItIs() throws {
        let line = try AuthorizedKeys.line(handle: "ann", key: key, deskterm: "/opt/deskterm", desk: .sqlite(path: "/srv/desk.sqlite"))
        XCTAssertEqual(line, "command=\"/opt/deskterm ssh-session --desk /srv/desk.sqlite ann\",restrict,pty ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ0t deskterm:ann")
    }

    func testAPostgreSQLAddressIsSingleQuotedForTheAccountsShell() throws {
        let address = "postgresql:///desk?host=/run/postgresql&port=5433&user=support"
        let line = try AuthorizedKeys.line(handle: "ann", key: key, deskterm: "/opt/deskterm", desk: try DeskAddress(address))
        XCTAssertEqual(line, "command=\"/opt/deskterm ssh-session --desk '\(address)' ann\",restrict,pty ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ0t deskterm:ann")
        // sshd hands the command to the shell: the quoted address must come out as one argument, whole.
        let command = line.split(separator: "\"")[1]
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "printf '%s\\n' \(command.dropFirst("/opt/deskterm ".count))"]
        let output = Pipe()
        shell.standardOutput = output
        try shell.run()
        shell.waitUntilExit()
        XCTAssertEqual(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                       "ssh-session\n--desk\n\(address)\nann\n")
        // The line is still read back as ann's key.
        XCTAssertEqual(AuthorizedKeys.entries(in: line), [AuthorizedKeys.Entry(handle: "ann", key: key)])
    }

    func testAnAddressWithAPasswordIsNeverWritten() throws {
        for address in ["postgresql://support:s3cret@db.example/desk", "postgres:///desk?host=/run/postgresql&password=s3cret",
                        "postgres:///desk?host=/run/postgresql&pass%77ord=s3cret"] {
            XCTAssertThrowsError(try AuthorizedKeys.line(handle: "ann", key: key, deskterm: "/opt/deskterm", desk: try DeskAddress(address))) { error in
                let text = "\(error)"
                XCTAssertFalse(text.contains("s3cret"), text)
                XCTAssertTrue(text.contains("password"), text)
            }
        }
    }

    func testAnAddressTheShellWouldSplitOrUnquoteIsRefused() throws {
        for address in ["postgresql:///desk?host=/tmp/a b", "postgresql:///desk?application_name=it's", "postgresql:///desk?x=\"y\"",
                        "postgresql:///desk?x=a\\b", "postgresql:///desk?x=`id`", "postgresql:///desk?x=a\nb"] {
            XCTAssertThrowsError(try AuthorizedKeys.line(handle: "ann", key: key, deskterm: "/opt/deskterm", desk: try DeskAddress(address)), address)
        }
    }
}
