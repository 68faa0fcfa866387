import DeskModel
import Foundation
import XCTest

/// `download N NAME|ID`: an attachment's bytes on standard output, on the command line and
/// over SSH alike; never binary (nor raw control sequences) to a terminal unless asked; and
/// what the reader may not see answers exactly like what does not exist.
final class DownloadCLITests: XCTestCase {
    private let binary = Data([0, 1, 2, 0xFF, 0x1B, 0x5B, 0x32, 0x4A])

    /// Ann's ticket #1 with `report.bin` (binary), `notes.txt` (text with an escape sequence)
    /// and, on an internal note, `vendor.txt`; olga's ticket #2.
    private func deskWithAttachments() throws -> TempDesk {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "Jams."), "Created ticket #1\n")
        assertSucceeded(desk.run(["new", "--subject", "Label blank", "--body-file", "-"], user: "olga", stdin: "Blank."), "Created ticket #2\n")
        let bin = desk.file("report.bin")
        try binary.write(to: bin)
        XCTAssertEqual(desk.run(["attach", "1", bin.path], user: "ann").status, 0)
        XCTAssertEqual(desk.ssh("attach 1 notes.txt", as: "ann", stdin: "tray 2\n\u{1B}[2Jcleared\n").status, 0)
        let store = try desk.store()
        _ = try store.addMessage(
            NewMessage(ticketNumber: 1, body: "Vendor case", isInternal: true), by: try store.viewer(handle: "bob"), clearingDraft: nil,
            attaching: [NewAttachment(name: "vendor.txt", mediaType: "text/plain", data: Data("case 7731".utf8))])
        return desk
    }

    func testDownloadWritesTheExactBytesByNameOrIdOnTheCLIAndOverSSH() throws {
        let desk = try deskWithAttachments()
        let cli = desk.run(["download", "1", "report.bin"], user: "ann")
        XCTAssertEqual(cli.status, 0, "\(cli)")
        XCTAssertEqual(cli.stdoutData, binary)
        XCTAssertEqual(desk.ssh("download 1 report.bin", as: "ann").stdoutData, binary)
        XCTAssertEqual(desk.ssh("download #1 1", as: "carl").stdoutData, binary, "by id, for the organisation's contact")
        XCTAssertEqual(desk.run(["download", "1", "notes.txt"], user: "bob").stdout, "tray 2\n\u{1B}[2Jcleared\n", "piped: as stored")
        let help = desk.ssh("help", as: "ann")
        XCTAssertTrue(help.stdout.contains("download"), "\(help)")
        XCTAssertTrue(help.stdout.contains("attach"), "\(help)")
    }

    func testOutputFileOnTheCLIButNotOverSSH() throws {
        let desk = try deskWithAttachments()
        let target = desk.file("copy.bin")
        assertSucceeded(desk.run(["download", "1", "report.bin", "-o", target.path], user: "ann"), "")
        XCTAssertEqual(try Data(contentsOf: target), binary)
        let ssh = desk.ssh("download 1 report.bin -o /tmp/from-ssh.bin", as: "ann")
        XCTAssertEqual(ssh.status, 2, "\(ssh)")
        XCTAssertEqual(ssh.stderr, "deskterm: -o is not available over SSH: redirect standard output on your machine (> FILE)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/from-ssh.bin"))
    }

    func testNothingHiddenCanBeDownloadedOrToldApart() throws {
        let desk = try deskWithAttachments()
        // Another organisation's ticket answers like a missing ticket.
        assertRefused(desk.run(["download", "1", "report.bin"], user: "olga"), "Ticket #1 not found")
        assertRefused(desk.run(["download", "99", "report.bin"], user: "olga"), "Ticket #99 not found")
        XCTAssertEqual(desk.ssh("download 1 report.bin", as: "olga").stderr, "deskterm: Ticket #1 not found\n")
        // A file of an internal note answers like a missing file, by name or by id.
        assertRefused(desk.run(["download", "1", "vendor.txt"], user: "ann"), "No attachment vendor.txt on #1")
        assertRefused(desk.run(["download", "1", "3"], user: "ann"), "No attachment 3 on #1")
        assertRefused(desk.run(["download", "1", "nothing.txt"], user: "ann"), "No attachment nothing.txt on #1")
        XCTAssertEqual(desk.run(["download", "1", "vendor.txt"], user: "bob").stdout, "case 7731")
    }

    /// Runs the command with its standard output on a pseudo-terminal (`script`).
    private func onATerminal(_ desk: TempDesk, _ arguments: [String], user: String) throws -> CLIResult {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("script(1) is not installed") }
        let command = ([desk.binary.path, "--db", desk.path, "--user", user] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return runProcess(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"], environment: desk.environment())
    }

    func testATerminalGetsNoBinaryAndOnlySafeText() throws {
        let desk = try deskWithAttachments()
        let refused = try onATerminal(desk, ["download", "1", "report.bin"], user: "ann")
        XCTAssertEqual(refused.status, 1, "\(refused)")
        XCTAssertTrue(refused.stdout.contains(
            "report.bin is binary (application/octet-stream); not written to a terminal: redirect it (> FILE), or use -o FILE or --force"), "\(refused)")
        let text = try onATerminal(desk, ["download", "1", "notes.txt"], user: "ann")
        XCTAssertEqual(text.status, 0, "\(text)")
        XCTAssertTrue(text.stdout.contains("␛[2Jcleared"), "\(text)")
        XCTAssertFalse(text.stdoutData.contains(0x1B), "no escape reaches the terminal")
        let forced = try onATerminal(desk, ["download", "1", "report.bin", "--force"], user: "ann")
        XCTAssertEqual(forced.status, 0, "\(forced)")
        XCTAssertTrue(forced.stdoutData.contains(0xFF), "\(forced)")
    }
}
