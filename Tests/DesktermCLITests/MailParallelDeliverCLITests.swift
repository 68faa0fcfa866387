import DeskModel
import Foundation
import XCTest

/// `deskterm mail deliver --parallel` through the real binary and a fake sendmail that fails
/// some mails, hangs on one and takes the others: each outcome lands in the outbox, nothing is
/// lost or handed over twice. Both backends.
final class MailParallelDeliverCLITests: XCTestCase {
    var desk: TempDesk!
    var kept: URL { desk.file("kept") }

    override func setUpWithError() throws {
        desk = try makeWorld()
        try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
        let store = try desk.store()
        try store.storage.writeRows(.standard) { rows in
            try rows.setDeskSettingValue(key: "mail.address", value: "support@desk.test")
            try rows.setDeskSettingValue(key: MailOutSettingKey.acknowledgementInterval, value: "0")
        }
        let fake = try desk.write("fake-sendmail", """
            #!/bin/sh
            # Subjects with Fail exit 75 and Hang never end, until the file healed exists.
            dir='\(desk.file("").path)'
            message=$(cat)
            if [ ! -f "$dir/healed" ]; then
              case "$message" in
                *"] Fail "*) echo 'queue full' >&2; exit 75 ;;
                *"] Hang "*) sleep 30 ;;
              esac
            fi
            printf '%s\\n' "$message" >"$dir/kept/$$.$(date +%s%N).eml"
            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
        try store.storage.writeRows(.standard) { rows in try rows.setDeskSettingValue(key: "mail.sendmail", value: fake + " -t -oi") }
    }

    override func tearDown() { desk = nil }

    /// The Message-ID of each mail the fake sendmail kept, with repeats.
    func keptMessageIDs() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: kept.path).map { name in
            let text = try String(contentsOf: kept.appendingPathComponent(name), encoding: .utf8)
            return String(text.split(separator: "\n").first { $0.lowercased().hasPrefix("message-id:") } ?? "")
        }
    }

    func testEachMailGetsItsOwnOutcomeAndGoesOutOnce() throws {
        let store = try desk.store()
        let ann = try store.viewer(handle: "ann")
        for subject in (1...8).map({ "Good \($0)" }) + ["Fail 1", "Fail 2", "Hang 1"] {
            _ = try store.createTicket(NewTicket(subject: subject, description: "Body", kind: .question, contact: .email), by: ann, allowDuplicate: true)
        }
        let queued = try store.mailQueue(viewer: try store.viewer(handle: "root"), limit: 100, unsentOnly: true)
        // Tickets #9 and #10 fail, #11 hangs; their mails (to ann and to any staff) with them.
        let failing = queued.filter { [9, 10, 11].contains($0.ticketNumber ?? 0) }.count
        XCTAssertGreaterThanOrEqual(queued.count, 11)

        let first = desk.run(["mail", "deliver", "--once", "--parallel", "4", "--timeout", "2"])
        assertSucceeded(first, "Delivered \(queued.count - failing) mails, \(failing) failed (kept for a later attempt)\n")
        XCTAssertEqual(try keptMessageIDs().count, queued.count - failing)
        XCTAssertEqual(Set(try keptMessageIDs()).count, queued.count - failing)
        let queue = desk.run(["mail", "queue"], user: "root", columns: 250)
        XCTAssertEqual(queue.lines.count, 1 + failing, queue.stdout)
        XCTAssertEqual(queue.lines.filter { $0.contains("exited with status 75: queue full") }.count,
                       queued.filter { [9, 10].contains($0.ticketNumber ?? 0) }.count, queue.stdout)
        XCTAssertEqual(queue.lines.filter { $0.contains("did not finish within 2 s and was stopped") }.count,
                       queued.filter { $0.ticketNumber == 11 }.count, queue.stdout)

        // Mended, and past the back-off: `maintain` (as cron runs it) sends the rest, once.
        try Data().write(to: desk.file("healed"))
        let later = ISO8601DateFormatter().string(from: Date().addingTimeInterval(120))
        assertSucceeded(desk.run(["maintain", "--now", later]), "No idle pending tickets\nDelivered \(failing) mails\n")
        assertSucceeded(desk.run(["mail", "deliver", "--once", "--parallel", "8"]), "Delivered 0 mails\n")
        XCTAssertEqual(try keptMessageIDs().count, queued.count)
        XCTAssertEqual(Set(try keptMessageIDs()).count, queued.count)
        assertSucceeded(desk.run(["mail", "queue"], user: "bob"), "No mail waiting\n")
    }

    func testParallelAndTimeoutAreChecked() throws {
        for value in ["0", "33"] {
            let result = desk.run(["mail", "deliver", "--once", "--parallel", value])
            XCTAssertEqual(result.status, 64, "\(result)")
            XCTAssertTrue(result.stderr.contains("--parallel must be between 1 and 32"), result.stderr)
        }
        let result = desk.run(["mail", "deliver", "--once", "--timeout", "0"])
        XCTAssertEqual(result.status, 64, "\(result)")
        XCTAssertTrue(result.stderr.contains("--timeout must be positive"), result.stderr)
        // A command outliving its mail's claim would let another deliverer send the mail too.
        for value in ["300", "1000"] {
            let result = desk.run(["mail", "deliver", "--once", "--timeout", value])
            XCTAssertEqual(result.status, 64, "\(result)")
            XCTAssertTrue(result.stderr.contains("--timeout must be less than 300 seconds, the time a mail stays claimed by its deliverer"), result.stderr)
        }
        let accepted = desk.run(["mail", "deliver", "--once", "--timeout", "299"])
        XCTAssertEqual(accepted.status, 0, "\(accepted)")
    }

    func testTheDefaultCommandGivesTheDesksAddressAsEnvelopeSender() throws {
        // Empty reads as unset, as before any admin set it.
        try desk.store().storage.writeRows(.standard) { rows in try rows.setDeskSettingValue(key: "mail.sendmail", value: "") }
        let shown = desk.run(["mail", "settings"], user: "root", columns: 200)
        XCTAssertEqual(shown.status, 0, "\(shown)")
        XCTAssertTrue(shown.lines.contains { $0.hasPrefix("mail.sendmail") && $0.contains(" sendmail -t -oi -f support@desk.test") }, shown.stdout)
    }
}
