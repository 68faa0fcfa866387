@testable import DeskModel
import Foundation
import GRDB
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The corruption of issue 9, reproduced as it was found: a customer in the interactive SSH
/// session typing a draft while agents write from the command line. The session used to open
/// the desk twice and close a second descriptor of the file, which dropped SQLite's locks;
/// a CLI process then deleted the -wal and -shm under the session, and the desk ended up
/// "database disk image is malformed".
final class SessionSafetyTUITests: XCTestCase {
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

    private func assertLogFilesPresent(_ moment: String, file: StaticString = #filePath, line: UInt = #line) {
        for suffix in ["-wal", "-shm"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: desk.path + suffix),
                          "\(suffix) deleted while the session is open (\(moment))", file: file, line: line)
        }
    }

    func testCLIWritersBesideAnSSHSessionTypingADraftLoseNothing() throws {
        try client.start(sshSessionOf: "camille")
        let number = try XCTUnwrap(try client.waitForList().selectedNumber)
        assertLogFilesPresent("after login")

        // Another process opens and closes the desk once: with the session's locks dropped,
        // this is the moment the log files disappeared.
        XCTAssertEqual(desk.cli(["list"]).status, 0)
        assertLogFilesPresent("after one CLI reader")

        client.press("Enter")
        try client.wait(for: "the detail of #\(number)") { $0.lines.count > 1 && $0.lines[1].hasPrefix(" #\(number) ") }
        client.press("r")
        try client.wait(forText: "Reply to #\(number)")

        let body = String(repeating: "Three kilobytes of a customer's story. ", count: 80)
        var created: [Int64: String] = [:]
        var typed = ""
        for (round, word) in ["Bonjour", "le", "scanner", "refuse", "toujours"].enumerated() {
            typed += (typed.isEmpty ? "" : " ") + word
            client.type((round == 0 ? "" : " ") + word)
            try client.wait(forText: typed)
            for index in 0..<4 {
                let marker = "corruption-check-\(round)-\(index)"
                let number = try desk.newTicket(
                    subject: "Agent ticket \(marker)", body: "\(marker)\n\(body)", as: "alice",
                    extra: ["--requester", "camille", "--force"])
                created[number] = marker
                assertLogFilesPresent("after CLI writer \(marker)")
            }
        }
        XCTAssertEqual(created.count, 20)

        client.press("Escape")
        try client.wait(for: "the composer closed") { !$0.contains("Reply to #\(number)") }
        client.press("C-c")
        let screen = try client.wait(for: "the session's end") { $0.contains("EXITED=") }
        XCTAssertTrue(screen.contains("EXITED=0 TTY=restored"), "\(screen)")

        // The desk is whole, every acknowledged ticket is there once, and the draft survived.
        let store = try Desk.open(address: desk.path)
        try store.sqliteStore!.pool.read { db in
            XCTAssertEqual(try String.fetchAll(db, sql: "PRAGMA integrity_check"), ["ok"])
            for (number, marker) in created {
                XCTAssertEqual(
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket WHERE description LIKE ?", arguments: ["\(marker)\n%"]), 1, marker)
                XCTAssertEqual(try String.fetchOne(db, sql: "SELECT subject FROM ticket WHERE number = ?", arguments: [number]),
                               "Agent ticket \(marker)")
            }
        }
        for (number, marker) in created.prefix(3) {
            let ticket = try desk.ticket(number, as: "camille")
            XCTAssertTrue(ticket.description.hasPrefix(marker), "#\(number)")
        }
        XCTAssertEqual(try desk.draft(.reply(ticketNumber: number), of: "camille")?.body, typed)
        let list = desk.cli(["list", "--view", "all", "--limit", "5"])
        XCTAssertEqual(list.status, 0, "\(list)")
    }
}
