import DeskModel
import Foundation
import XCTest

/// `deskterm mail deliver|queue|notify` and `maintain`'s delivery pass, through the real
/// binary and a fake sendmail that writes each message to a folder. Both backends.
final class MailDeliverCLITests: XCTestCase {
    var desk: TempDesk!
    var outbox: URL { desk.file("delivered") }

    override func setUpWithError() throws {
        desk = try makeWorld()
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        try setDesk("mail.address", "support@desk.test")
        try setDesk("mail.sendmail", try script("fake-sendmail", """
            #!/bin/sh
            # Fails while $DIR/down exists, like a stopped MTA.
            if [ -f '\(outbox.path)/../down' ]; then echo 'mail system down' >&2; exit 75; fi
            name='\(outbox.path)'/$(date +%s%N)-$$
            echo "$@" > "$name.args"
            cat > "$name.eml"
            """) + " -t -oi")
    }

    override func tearDown() { desk = nil }

    func setDesk(_ key: String, _ value: String) throws {
        try desk.store().storage.writeRows(.standard) { rows in try rows.setDeskSettingValue(key: key, value: value) }
    }

    func script(_ name: String, _ text: String) throws -> String {
        let path = try desk.write(name, text)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    func delivered() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: outbox.path).filter { $0.hasSuffix(".eml") }.sorted()
            .map { try String(contentsOf: outbox.appendingPathComponent($0), encoding: .utf8) }
    }

    func testDeliverPipesEachMailToSendmailOnceAndMarksItSent() throws {
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--kind", "serviceRequest", "--contact", "email"], user: "ann", stdin: "It jams"),
                        "Created ticket #1\n")
        XCTAssertEqual(desk.run(["reply", "1"], user: "bob", stdin: "Which model?").status, 0)
        let queue = desk.run(["mail", "queue"], user: "bob")
        XCTAssertEqual(queue.status, 0, "\(queue)")
        XCTAssertEqual(queue.lines.count, 3, "\(queue)")
        XCTAssertTrue(queue.lines[1].contains("ann@acme.example") && queue.lines[1].contains("reply") && queue.lines[1].contains("queued"), queue.stdout)

        assertSucceeded(desk.run(["mail", "deliver", "--once"]), "Delivered 2 mails\n")
        let mails = try delivered()
        XCTAssertEqual(mails.count, 2)
        XCTAssertTrue(mails.allSatisfy { $0.contains("\nTo: Ann Acme <ann@acme.example>\n") && !$0.contains("\r") })
        // Handed over in parallel: either may have ended first.
        XCTAssertTrue(mails.allSatisfy { $0.contains("\nSubject: [Desk #1] Printer jams\n") }, "\(mails)")
        XCTAssertEqual(mails.filter { $0.contains("Which model?") }.count, 1, "\(mails)")
        let arguments = try FileManager.default.contentsOfDirectory(atPath: outbox.path).filter { $0.hasSuffix(".args") }
            .map { try String(contentsOf: outbox.appendingPathComponent($0), encoding: .utf8) }
        XCTAssertEqual(arguments, ["-t -oi\n", "-t -oi\n"])

        assertSucceeded(desk.run(["mail", "deliver", "--once"]), "Delivered 0 mails\n")
        assertSucceeded(desk.run(["mail", "queue"], user: "bob"), "No mail waiting\n")
        XCTAssertEqual(desk.run(["mail", "queue", "--all"], user: "bob").lines.filter { $0.contains("sent ") }.count, 2)
        XCTAssertEqual(try delivered().count, 2)
    }

    func testAStoppedMailSystemDelaysMailAndNeverLosesIt() throws {
        try Data().write(to: desk.file("down"))
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--contact", "email"], user: "ann", stdin: "It jams"), "Created ticket #1\n")
        assertSucceeded(desk.run(["mail", "deliver", "--once"]), "Delivered 0 mails, 1 failed (kept for a later attempt)\n")
        let queue = desk.run(["mail", "queue"], user: "root", columns: 200)
        XCTAssertTrue(queue.stdout.contains("exited with status 75: mail system down"), queue.stdout)
        XCTAssertTrue(queue.lines[1].contains("queued"), queue.stdout)
        // Not due again before its back-off.
        assertSucceeded(desk.run(["mail", "deliver", "--once"]), "Delivered 0 mails\n")
        try FileManager.default.removeItem(at: desk.file("down"))
        let later = ISO8601DateFormatter().string(from: Date().addingTimeInterval(120))
        assertSucceeded(desk.run(["maintain", "--now", later]), "No idle pending tickets\nDelivered 1 mail\n")
        assertSucceeded(desk.run(["mail", "deliver", "--once"]), "Delivered 0 mails\n")
        XCTAssertEqual(try delivered().count, 1)
    }

    func testTheQueueIsForStaffAndEachUserChoosesTheirMail() throws {
        assertRefused(desk.run(["mail", "queue"], user: "ann"), "Not allowed: only agents and admins see the outbox")
        assertSucceeded(desk.run(["mail", "notify", "reply", "off"], user: "ann"), """
            created: as the ticket prefers (default)
            reply: off
            actionRequired: as the ticket prefers (default)
            solutionProposed: as the ticket prefers (default)
            closed: as the ticket prefers (default)

            """)
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--contact", "email"], user: "ann", stdin: "It jams"), "Created ticket #1\n")
        XCTAssertEqual(desk.run(["reply", "1"], user: "bob", stdin: "Which model?").status, 0)
        assertSucceeded(desk.run(["mail", "deliver", "--once"]), "Delivered 1 mail\n")
        XCTAssertTrue(try delivered()[0].contains("We have received your request."))
    }

    /// Two deliverers at once (a `mail deliver` loop and `maintain`) hand each mail over once.
    func testTwoDeliverersAtOnceSendEachMailOnce() throws {
        try setDesk(MailOutSettingKey.acknowledgementInterval, "0")
        let store = try desk.store()
        let ann = try store.viewer(handle: "ann")
        for index in 1...60 {
            _ = try store.createTicket(
                NewTicket(subject: "Question \(index)", description: "Body", kind: .question, contact: .email), by: ann, allowDuplicate: true)
        }
        let group = DispatchGroup()
        let results = ResultBox()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) { [desk] in
                results.append(desk!.run(["mail", "deliver", "--once", "--limit", "1000"]))
            }
        }
        group.wait()
        XCTAssertEqual(results.all.map(\.status), [0, 0], "\(results.all)")
        XCTAssertEqual(try delivered().count, 60)
        assertSucceeded(desk.run(["mail", "queue"], user: "bob"), "No mail waiting\n")
    }

    /// Delivery throughput to the fake sendmail (a process per mail, as with the real one).
    func testDeliveryThroughput() throws {
        try setDesk(MailOutSettingKey.acknowledgementInterval, "0")
        let store = try desk.store()
        let ann = try store.viewer(handle: "ann")
        let count = 300
        for index in 1...count {
            _ = try store.createTicket(
                NewTicket(subject: "Question \(index)", description: "Body \(index)", kind: .question, contact: .email),
                by: ann, allowDuplicate: true)
        }
        let started = Date()
        assertSucceeded(desk.run(["mail", "deliver", "--once", "--limit", "1000"]), "Delivered \(count) mails\n")
        let seconds = Date().timeIntervalSince(started)
        print("mail deliver: \(count) mails in \(String(format: "%.2f", seconds)) s = \(String(format: "%.0f", Double(count) / seconds)) messages/s")
        XCTAssertEqual(try delivered().count, count)
        assertSucceeded(desk.run(["mail", "queue"], user: "bob"), "No mail waiting\n")
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [CLIResult] = []
    func append(_ result: CLIResult) { lock.withLock { results.append(result) } }
    var all: [CLIResult] { lock.withLock { results } }
}
