import Foundation
import XCTest

@testable import DeskModel

/// A slow mail system and a second deliverer: a pass claims mail only as it hands it out, so
/// the mails still waiting never outlive their lease and go out twice; a pass that outlived
/// its claim does not overwrite what the next deliverer recorded. Every backend.
final class MailClaimLeaseTests: MailTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try setDesk(MailOutSettingKey.acknowledgementInterval, "0")  // a mail for each ticket
    }

    /// Each send of the first deliverer takes 200 s (under the 300 s lease) and, meanwhile,
    /// a second deliverer makes a pass of its own.
    func assertSlowDeliveryWithASecondDelivererSendsEachMailOnce(
        firstPass: (@escaping @Sendable (OutboxDelivery) -> String?) throws -> MailDeliveryReport
    ) throws {
        for index in 1...3 { try ticket("Printer jams \(index)", by: f.peter) }
        let total = try outbox().count
        XCTAssertGreaterThanOrEqual(total, 3)
        let other = try f.reopen()
        let counter = LeaseSendCounter()
        let clock = f.clock
        let report = try firstPass { mail in
            counter.add(mail.id)
            clock.advance(by: 200)
            counter.addReport(try? other.deliverDueMail(limit: 100, parallel: 2) { mail in counter.add(mail.id); return nil })
            return nil
        }
        XCTAssertEqual(counter.ids.count, total, "every mail handed over")
        XCTAssertEqual(Set(counter.ids).count, total, "no mail handed over twice")
        XCTAssertEqual(report.sent + counter.otherSent, total)
        XCTAssertEqual(report.failed, 0)
        XCTAssertEqual(try store.mailQueue(viewer: f.root, limit: 100, unsentOnly: true).count, 0)
    }

    func testAParallelPassClaimsOnlyWhatItHandsOut() throws {
        try assertSlowDeliveryWithASecondDelivererSendsEachMailOnce { send in
            try store.deliverDueMail(limit: 100, parallel: 1, send: send)
        }
    }

    func testAOneByOnePassClaimsOnlyWhatItHandsOut() throws {
        try assertSlowDeliveryWithASecondDelivererSendsEachMailOnce { send in
            try store.deliverDueMail(limit: 100, send: send)
        }
    }

    func testAParallelPassClaimsNoMoreThanItsCommandsAtOnce() throws {
        for index in 1...4 { try ticket("Printer jams \(index)", by: f.peter) }
        let total = try outbox().count
        let other = try f.reopen()
        let seen = LeaseSendCounter()
        let report = try store.deliverDueMail(limit: 100, parallel: 2) { mail in
            // While this command runs, the mails not yet handed out are still due.
            let due = (try? other.storage.readRows { rows in try rows.dueOutboxMail(at: other.now, limit: 100) }) ?? []
            seen.add(Int64(due.count))
            return nil
        }
        XCTAssertEqual(report.sent, total)
        // The first look, before any outcome, saw all but the two handed out still due.
        XCTAssertEqual(seen.ids.max(), Int64(total - 2), "\(seen.ids)")
    }

    func testAPassThatOutlivedItsClaimLeavesTheNextDeliverersRecordAlone() throws {
        try ticket("Printer jams", by: f.peter)
        let mine = try store.claimDueMail(limit: 100)
        XCTAssertFalse(mine.isEmpty)
        f.clock.advance(by: Desk.mailClaimLease + 1)
        let other = try f.reopen()
        let theirs = try other.claimDueMail(limit: 100)
        XCTAssertEqual(theirs.map(\.id), mine.map(\.id))
        let theirLeaseEnd = f.clock.now.addingTimeInterval(Desk.mailClaimLease)
        let ids = Set(mine.map(\.id))
        let entries = { () throws -> [OutboxEntry] in
            try self.store.mailQueue(viewer: self.f.root, limit: 100, unsentOnly: false).filter { ids.contains($0.id) }
        }

        // The late pass's failure neither backs the mail off nor counts a try: the claim is the other's.
        _ = try store.recordMailOutcomes(mine.map { (mail: $0, error: "queue full") })
        let afterLateFailure = try entries()
        XCTAssertTrue(afterLateFailure.allSatisfy { $0.attempts == 0 && $0.lastError == nil && $0.nextAttemptAt == theirLeaseEnd && $0.sentAt == nil },
                      "\(afterLateFailure)")
        try store.recordMailFailed(mine[0], error: "queue full")
        XCTAssertEqual(try entries().first { $0.id == mine[0].id }?.attempts, 0)

        // The other deliverer's outcome is recorded; a late success keeps its time.
        let sentAt = f.clock.now
        _ = try other.recordMailOutcomes(theirs.map { (mail: $0, error: nil) })
        f.clock.advance(by: 10)
        _ = try store.recordMailOutcomes(mine.map { (mail: $0, error: nil) })
        let afterLateSuccess = try entries()
        XCTAssertTrue(afterLateSuccess.allSatisfy { $0.sentAt == sentAt && $0.attempts == 0 }, "\(afterLateSuccess)")
    }

    /// A mail the mail system took is sent, whoever's claim it was under: a later failure of
    /// the deliverer holding the claim does not bring it back.
    func testASuccessAfterTheLeaseStillMarksTheMailSent() throws {
        try ticket("Printer jams", by: f.peter)
        let mine = try store.claimDueMail(limit: 100)
        f.clock.advance(by: Desk.mailClaimLease + 1)
        let other = try f.reopen()
        let theirs = try other.claimDueMail(limit: 100)
        _ = try store.recordMailOutcomes(mine.map { (mail: $0, error: nil) })
        _ = try other.recordMailOutcomes(theirs.map { (mail: $0, error: "queue full") })
        let entries = try store.mailQueue(viewer: f.root, limit: 100, unsentOnly: false).filter { Set(mine.map(\.id)).contains($0.id) }
        XCTAssertTrue(entries.allSatisfy { $0.sentAt == f.clock.now && $0.attempts == 0 && $0.lastError == nil }, "\(entries)")
        f.clock.advance(by: 86_400)
        XCTAssertEqual(try store.claimDueMail(limit: 100).count, 0)
    }
}

private final class LeaseSendCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [Int64] = []
    private var others = 0
    func add(_ id: Int64) { lock.withLock { sent.append(id) } }
    func addReport(_ report: MailDeliveryReport?) { lock.withLock { others += report?.sent ?? 0 } }
    var ids: [Int64] { lock.withLock { sent } }
    var otherSent: Int { lock.withLock { others } }
}
