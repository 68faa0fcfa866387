import DeskMail
import Foundation
import XCTest

@testable import DeskModel

/// Delivery with several sendmail processes at once, through a fake sendmail that fails some
/// mails, hangs on one and takes the others: each mail's outcome is recorded right, none is
/// lost or handed over twice, and never more commands run at once than asked. Every backend.
final class MailParallelDeliveryTests: MailTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        try setDesk(MailOutSettingKey.acknowledgementInterval, "0")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-parallel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sent"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("running"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
        try super.tearDownWithError()
    }

    /// Subjects with `Fail` exit 75, `Hang` never ends, the rest are kept in `sent/`; once
    /// `healed` exists every mail is taken. Each run notes how many runs were going on.
    func fakeSendmail() throws -> String {
        let path = folder.appendingPathComponent("fake-sendmail").path
        try """
            #!/bin/sh
            dir='\(folder.path)'
            message=$(cat)
            touch "$dir/running/$$"
            ls "$dir/running" | wc -l >>"$dir/concurrency"
            sleep 0.3
            rm -f "$dir/running/$$"
            if [ ! -f "$dir/healed" ]; then
              case "$message" in
                *"] Fail "*) echo 'queue full' >&2; exit 75 ;;
                *"] Hang "*) sleep 30 ;;
              esac
            fi
            printf '%s\\n' "$message" >"$dir/sent/$$.$(date +%s%N).eml"
            """.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    /// The Message-IDs the fake sendmail kept, with repeats.
    func sentMessageIDs() throws -> [String] {
        let sent = folder.appendingPathComponent("sent")
        return try FileManager.default.contentsOfDirectory(atPath: sent.path).map { name in
            let text = try String(contentsOf: sent.appendingPathComponent(name), encoding: .utf8)
            let line = text.split(separator: "\n").first { $0.lowercased().hasPrefix("message-id:") } ?? ""
            return line.dropFirst("message-id:".count).trimmingCharacters(in: .whitespaces)
        }
    }

    func testEachMailsOutcomeIsRecordedAndNoneIsLostOrSentTwice() throws {
        for index in 1...6 { try ticket("Good \(index)", by: f.peter) }
        for index in 1...2 { try ticket("Fail \(index)", by: f.peter) }
        try ticket("Hang 1", by: f.peter)
        let queued = try outbox()
        let subject = { (mail: MailMessage) in mail.envelope.subjectText }
        let good = Set(queued.filter { subject($0.mail).contains("] Good ") }.map { $0.mail.envelope.externalID })
        let failing = queued.filter { subject($0.mail).contains("] Fail ") }.count
        let hanging = queued.filter { subject($0.mail).contains("] Hang ") }.count
        XCTAssertEqual(good.count + failing + hanging, queued.count)
        XCTAssertGreaterThanOrEqual(good.count, 6)

        let pipe = SendmailPipe(command: try fakeSendmail(), timeout: 2)
        let report = try store.deliverDueMail(limit: 100, parallel: 3) { mail in pipe.send(mail.data) }

        XCTAssertEqual(report, MailDeliveryReport(sent: good.count, failed: failing + hanging))
        let sent = try sentMessageIDs()
        XCTAssertEqual(sent.count, good.count, "each good mail handed over once")
        XCTAssertEqual(Set(sent), good)
        let waiting = try store.mailQueue(viewer: f.root, limit: 100, unsentOnly: true)
        XCTAssertEqual(waiting.count, failing + hanging)
        XCTAssertTrue(waiting.allSatisfy { $0.attempts == 1 && $0.nextAttemptAt == f.clock.now.addingTimeInterval(60) })
        XCTAssertEqual(waiting.filter { $0.lastError?.hasSuffix("exited with status 75: queue full") == true }.count, failing)
        XCTAssertEqual(waiting.filter { $0.lastError?.hasSuffix("did not finish within 2 s and was stopped") == true }.count, hanging)
        let concurrency = try String(contentsOf: folder.appendingPathComponent("concurrency"), encoding: .utf8)
            .split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        XCTAssertEqual(concurrency.count, queued.count)
        XCTAssertLessThanOrEqual(concurrency.max() ?? 0, 3, "never more commands at once than asked")
        XCTAssertGreaterThanOrEqual(concurrency.max() ?? 0, 2, "several commands ran at once")

        // The mail system mended, the back-off over: the rest goes out, each mail once in all.
        try Data().write(to: folder.appendingPathComponent("healed"))
        f.clock.advance(by: 60)
        XCTAssertEqual(try store.deliverDueMail(limit: 100, parallel: 3) { mail in pipe.send(mail.data) },
                       MailDeliveryReport(sent: failing + hanging, failed: 0))
        let all = try sentMessageIDs()
        XCTAssertEqual(all.count, queued.count)
        XCTAssertEqual(Set(all), Set(queued.map { $0.mail.envelope.externalID }))
        XCTAssertEqual(try store.mailQueue(viewer: f.root, limit: 100, unsentOnly: true).count, 0)
        f.clock.advance(by: 86_400)
        XCTAssertEqual(try store.deliverDueMail(limit: 100, parallel: 3) { mail in pipe.send(mail.data) }, MailDeliveryReport())
    }

    func testOnePassTakesAtMostItsLimitAndLeavesOtherDeliverersClaimsAlone() throws {
        for index in 1...5 { try ticket("Good \(index)", by: f.peter) }
        let total = try outbox().count
        let claimed = try store.claimDueMail(limit: 2)
        let counter = SendCounter()
        let report = try store.deliverDueMail(limit: 2, parallel: 4) { mail in counter.add(mail.id); return nil }
        XCTAssertEqual(report, MailDeliveryReport(sent: 2, failed: 0))
        XCTAssertTrue(Set(counter.ids).isDisjoint(with: claimed.map(\.id)), "another deliverer's claim is left to it")
        let rest = try store.deliverDueMail(limit: 100, parallel: 4) { mail in counter.add(mail.id); return nil }
        XCTAssertEqual(rest.sent, total - 4)
        XCTAssertEqual(counter.ids.count, Set(counter.ids).count, "no mail handed over twice")
        XCTAssertEqual(try store.mailQueue(viewer: f.root, limit: 100, unsentOnly: true).map(\.id).sorted(), claimed.map(\.id).sorted())
    }
}

private final class SendCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [Int64] = []
    func add(_ id: Int64) { lock.withLock { sent.append(id) } }
    var ids: [Int64] { lock.withLock { sent } }
}
