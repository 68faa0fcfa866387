import Foundation

/// Delivering the outbox: due mail is claimed (its next attempt moved past the time a
/// delivery can take, so a second deliverer leaves it alone), handed to the mail system, and
/// marked sent only once the mail system took it; a failure keeps it queued with its error
/// and a back-off of 1 min, 2, 4 … up to an hour. No acknowledged mail is lost; none is sent
/// again after the mail system accepted it and the desk recorded that.
extension Desk {
    /// How long a claimed mail is left to its deliverer before another may try it.
    public static let mailClaimLease: TimeInterval = 300

    /// The wait before attempt `attempts + 1` after `attempts` failures.
    public static func mailBackOff(afterFailures attempts: Int) -> TimeInterval {
        min(3600, 60 * pow(2, Double(max(0, attempts - 1))))
    }

    /// Takes up to `limit` due mails for one delivery pass. Delivery writes announce nothing:
    /// no screen shows the outbox.
    public func claimDueMail(limit: Int) throws(DeskError) -> [OutboxDelivery] {
        let now = self.now
        return try write(StorageWrite(announcesChange: false)) { rows in try Self.claimDueMail(rows, limit: limit, at: now) }
    }

    /// The claim moves each mail's next attempt to the lease's end, which also tells this
    /// claim from any later one.
    static func claimDueMail(_ rows: any DeskRows, limit: Int, at now: Date) throws -> [OutboxDelivery] {
        guard limit > 0 else { return [] }
        let claimedUntil = now.addingTimeInterval(mailClaimLease)
        return try rows.claimDueOutboxMail(at: now, claimedUntil: claimedUntil, limit: limit).map { mail in
            var claimed = mail
            claimed.claimedUntil = claimedUntil
            return claimed
        }
    }

    /// Sent whoever holds the claim (the mail system has it: sending it again would repeat
    /// it); a failure backs off only under this deliverer's own claim.
    static func recordMailOutcome(_ rows: any DeskRows, _ mail: OutboxDelivery, error: String?, at now: Date) throws {
        guard let error else { return try rows.markOutboxMailSent(id: mail.id, at: now) }
        let attempts = mail.attempts + 1
        let nextAttemptAt = now.addingTimeInterval(mailBackOff(afterFailures: attempts))
        let kept = String(error.prefix(1000))
        if let claimedUntil = mail.claimedUntil {
            try rows.backOffClaimedOutboxMail(id: mail.id, claimedUntil: claimedUntil, nextAttemptAt: nextAttemptAt, attempts: attempts, error: kept)
        } else {
            try rows.rescheduleOutboxMail(id: mail.id, nextAttemptAt: nextAttemptAt, attempts: attempts, error: kept)
        }
    }

    public func recordMailSent(id: Int64) throws(DeskError) {
        let now = self.now
        try write(StorageWrite(announcesChange: false)) { rows in try rows.markOutboxMailSent(id: id, at: now) }
    }

    /// Keeps the mail queued for a later attempt, with what went wrong.
    public func recordMailFailed(_ mail: OutboxDelivery, error: String) throws(DeskError) {
        let now = self.now
        try write(StorageWrite(announcesChange: false)) { rows in try Self.recordMailOutcome(rows, mail, error: error, at: now) }
    }

    /// One delivery pass: every due mail (at most `limit`) through `send`, which returns nil
    /// when the mail system took the mail, else why not. Each mail is claimed just before it
    /// is sent, so a slow mail system cannot make the mails still waiting outlive their lease.
    public func deliverDueMail(limit: Int, send: (OutboxDelivery) -> String?) throws(DeskError) -> MailDeliveryReport {
        var report = MailDeliveryReport()
        while report.sent + report.failed < limit, let mail = try claimDueMail(limit: 1).first {
            if let error = send(mail) {
                try recordMailFailed(mail, error: error)
                report.failed += 1
            } else {
                try recordMailSent(id: mail.id)
                report.sent += 1
            }
        }
        return report
    }

    /// The outbox as staff see it (`deskterm mail queue`), newest first.
    public func mailQueue(viewer: Viewer, limit: Int, unsentOnly: Bool) throws(DeskError) -> [OutboxEntry] {
        guard viewer.isStaff else { throw .forbidden(.model("only agents and admins see the outbox", context: "not allowed")) }
        return try read { rows in try rows.outboxEntries(limit: limit, unsentOnly: unsentOnly) }
    }

    /// The command deliveries pipe each mail to (`mail.sendmail`, else `MailSettings.defaultSendmail`).
    public func sendmailCommand() throws(DeskError) -> String {
        try read { rows in MailSettings(values: try rows.deskSettingValues(prefix: "mail.")).sendmail }
    }

    /// What the user receives by mail: each event of their role, with their choice or the default.
    public func mailPreferences(viewer: Viewer) throws(DeskError) -> [(event: MailNotificationEvent, wanted: Bool?)] {
        let chosen = try read { rows in try rows.mailPreferences(userID: viewer.id) }
        return MailNotificationEvent.events(for: viewer.role).map { ($0, chosen[$0.rawValue]) }
    }

    /// Turns one event on or off for the user (a customer whose tickets prefer the portal
    /// opts in this way).
    public func setMailPreference(_ event: MailNotificationEvent, wanted: Bool, viewer: Viewer) throws(DeskError) {
        guard MailNotificationEvent.events(for: viewer.role).contains(event) else {
            throw .refused(viewer.isStaff
                ? .model("{event} is not mailed to staff", ["event": .text(event.rawValue)])
                : .model("{event} is not mailed to customers", ["event": .text(event.rawValue)]))
        }
        try write(StorageWrite(announcesChange: false)) { rows in
            try rows.setMailPreference(userID: viewer.id, event: event.rawValue, wanted: wanted)
        }
    }
}

public struct MailDeliveryReport: Equatable, Sendable {
    public var sent = 0
    public var failed = 0

    public init(sent: Int = 0, failed: Int = 0) {
        self.sent = sent
        self.failed = failed
    }
}
