import Foundation

/// Delivering the outbox with several mail system commands at once: a local sendmail spends
/// most of its ~10 ms per mail starting up and writing its queue file, so one at a time caps
/// delivery near 70 mails a second. The guarantees stay those of `deliverDueMail(limit:send:)`:
/// the pass claims its mail (a lease another deliverer respects) only as commands free up, so
/// no claimed mail waits behind a slow mail system until its lease ends; only this thread
/// writes the desk, and outcomes are recorded as soon as their commands end (sent only on
/// success, else back-off under this pass's own claim), those that ended together in one
/// transaction with the next claim: one commit per mail would make the desk's disk the limit.
/// A mail whose outcome was never recorded stays claimed until its lease ends and is then
/// tried again: at least once, never lost.
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
        let workers = min(max(1, parallel), max(1, limit))
        let pool = DeliveryPool()
        defer { pool.close() }
        var report = MailDeliveryReport()
        var failure: DeskError?
        var claimed = 0
        var started = 0
        var outcomes: [(mail: OutboxDelivery, error: String?)] = []
        var moreDue = true
        while true {
            // Every started command is waited for, even after the desk failed: its outcome is
            // then unknown to the desk and the lease brings the mail back (never lost).
            if failure == nil {
                let wanted = moreDue ? min(pool.idle(of: workers), limit - claimed) : 0
                do throws(DeskError) {
                    let step = try recordMailOutcomes(outcomes, thenClaim: wanted)
                    report.sent += step.report.sent
                    report.failed += step.report.failed
                    claimed += step.claimed.count
                    if step.claimed.count < wanted || claimed >= limit { moreDue = false }
                    pool.add(step.claimed)
                    while started < min(workers, claimed) {
                        started += 1
                        Thread.detachNewThread {
                            while let mail = pool.take() { pool.finish(mail, error: send(mail)) }
                        }
                    }
                } catch {
                    failure = error
                    moreDue = false
                    pool.stopHandingOut()
                }
                if !moreDue { pool.close() }
            }
            guard let next = pool.nextOutcomes() else { break }
            outcomes = next
        }
        if let failure { throw failure }
        return report
    }

    /// Marks each mail sent (no error) or keeps it queued with its error and back-off, then
    /// claims up to `count` more due mails, all in one transaction of few statements.
    func recordMailOutcomes(
        _ outcomes: [(mail: OutboxDelivery, error: String?)], thenClaim count: Int = 0
    ) throws(DeskError) -> (report: MailDeliveryReport, claimed: [OutboxDelivery]) {
        guard !outcomes.isEmpty || count > 0 else { return (MailDeliveryReport(), []) }
        let now = self.now
        return try write(StorageWrite(announcesChange: false)) { rows in
            // The mails sent in one statement: on PostgreSQL each statement is a round trip.
            let sent = outcomes.filter { $0.error == nil }.map(\.mail.id)
            try rows.markOutboxMailSent(ids: sent, at: now)
            for (mail, error) in outcomes where error != nil {
                try Self.recordMailOutcome(rows, mail, error: error, at: now)
            }
            let report = MailDeliveryReport(sent: sent.count, failed: outcomes.count - sent.count)
            return (report, try Self.claimDueMail(rows, limit: count, at: now))
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
    /// No mail will be added any more.
    private var closed = false

    init() {
        waiting = []
    }

    /// Newly claimed mails, oldest first.
    func add(_ mails: [OutboxDelivery]) {
        guard !mails.isEmpty else { return }
        condition.lock()
        waiting.insert(contentsOf: mails.reversed(), at: 0)  // taken from the end: oldest first
        condition.broadcast()
        condition.unlock()
    }

    /// How many of `workers` delivering threads have no mail to run or waiting for them.
    func idle(of workers: Int) -> Int {
        condition.lock()
        defer { condition.unlock() }
        return max(0, workers - running - waiting.count)
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next mail to hand to the mail system, waiting for the next claim; nil once the
    /// pool is closed and empty.
    func take() -> OutboxDelivery? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !closed { condition.wait() }
        guard let mail = waiting.popLast() else { return nil }
        running += 1
        return mail
    }

    func finish(_ mail: OutboxDelivery, error: String?) {
        condition.lock()
        finished.append((mail, error))
        running -= 1
        condition.broadcast()
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
