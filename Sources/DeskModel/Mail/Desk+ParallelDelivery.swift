import Foundation

/// Delivering the outbox with several mail system commands at once: a local sendmail spends
/// most of its ~10 ms per mail starting up and writing its queue file, so one at a time caps
/// delivery near 70 mails a second. The guarantees stay those of `deliverDueMail(limit:send:)`:
/// the pass claims its mail first (a lease another deliverer respects), only this thread writes
/// the desk, and outcomes are recorded as soon as their commands end (sent only on success,
/// else back-off), those that ended together in one transaction: one commit per mail would
/// make the desk's disk the limit. A mail whose outcome was never recorded stays claimed until
/// its lease ends and is then tried again: at least once, never lost.
extension Desk {
    /// The number of commands run at once when nobody says otherwise.
    public static let defaultMailParallel = 4
    /// More would only queue processes behind each other on the mail system's own locks.
    public static let maximumMailParallel = 32

    /// One delivery pass with up to `parallel` calls of `send` running at once (each on a
    /// thread of its own: `send` blocks on a process). `send` returns nil when the mail system
    /// took the mail, else why not.
    public func deliverDueMail(
        limit: Int, parallel: Int, send: @escaping @Sendable (OutboxDelivery) -> String?
    ) throws(DeskError) -> MailDeliveryReport {
        let mails = try claimDueMail(limit: limit)
        let pool = DeliveryPool(mails)
        for _ in 0..<min(max(1, parallel), mails.count) {
            Thread.detachNewThread {
                while let mail = pool.take() { pool.finish(mail, error: send(mail)) }
            }
        }
        var report = MailDeliveryReport()
        var failure: DeskError?
        // Every started command is waited for, even after the desk failed: its outcome is
        // then unknown to the desk and the lease brings the mail back (never lost).
        while let outcomes = pool.nextOutcomes() {
            guard failure == nil else { continue }
            do throws(DeskError) {
                let recorded = try recordMailOutcomes(outcomes)
                report.sent += recorded.sent
                report.failed += recorded.failed
            } catch {
                failure = error
                pool.stopHandingOut()
            }
        }
        if let failure { throw failure }
        return report
    }

    /// Marks each mail sent (no error) or keeps it queued with its error and back-off, all in
    /// one transaction.
    func recordMailOutcomes(_ outcomes: [(mail: OutboxDelivery, error: String?)]) throws(DeskError) -> MailDeliveryReport {
        let now = self.now
        return try write(StorageWrite(announcesChange: false)) { rows in
            var report = MailDeliveryReport()
            for (mail, error) in outcomes {
                if let error {
                    let attempts = mail.attempts + 1
                    try rows.rescheduleOutboxMail(
                        id: mail.id, nextAttemptAt: now.addingTimeInterval(Self.mailBackOff(afterFailures: attempts)), attempts: attempts,
                        error: String(error.prefix(1000)))
                    report.failed += 1
                } else {
                    try rows.markOutboxMailSent(id: mail.id, at: now)
                    report.sent += 1
                }
            }
            return report
        }
    }
}

/// The claimed mails of one pass between the desk's thread and the delivering threads: each
/// mail is waiting, running, or finished with its outcome, never two of these.
final class DeliveryPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [OutboxDelivery]
    private var running = 0
    private var finished: [(mail: OutboxDelivery, error: String?)] = []

    init(_ mails: [OutboxDelivery]) {
        waiting = mails.reversed()  // taken from the end: oldest first
    }

    /// The next mail to hand to the mail system; nil when there is none left.
    func take() -> OutboxDelivery? {
        condition.lock()
        defer { condition.unlock() }
        guard let mail = waiting.popLast() else { return nil }
        running += 1
        return mail
    }

    func finish(_ mail: OutboxDelivery, error: String?) {
        condition.lock()
        finished.append((mail, error))
        running -= 1
        condition.signal()
        condition.unlock()
    }

    /// The mails not yet started stay claimed and unsent: the lease brings them back later.
    func stopHandingOut() {
        condition.lock()
        waiting.removeAll()
        condition.unlock()
    }

    /// Every outcome not yet taken (at least one, waiting for it), in the order the commands
    /// ended; nil once every mail taken has had its outcome taken.
    func nextOutcomes() -> [(mail: OutboxDelivery, error: String?)]? {
        condition.lock()
        defer { condition.unlock() }
        while finished.isEmpty && (running > 0 || !waiting.isEmpty) { condition.wait() }
        guard !finished.isEmpty else { return nil }
        defer { finished.removeAll() }
        return finished
    }
}
