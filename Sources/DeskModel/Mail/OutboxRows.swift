import Foundation

/// The outbox and the users' mail preferences, as rows (`Desk+MailOut` decides).
public protocol OutboxRows {
    func insertOutboxMail(_ mail: OutboxInsert) throws -> Int64
    /// The Message-IDs of the mail sent about a ticket and of the mail received on it, in time
    /// order, without angle brackets.
    func mailThreadIDs(ticketID: TicketID) throws -> [String]
    /// Whether mail of `event` went to `recipient` at `since` or later.
    func hasOutboxMail(recipient: String, event: String, since: Date) throws -> Bool
    /// Unsent mail due at `now`, oldest first, at most `limit`.
    func dueOutboxMail(at now: Date, limit: Int) throws -> [OutboxDelivery]
    /// Takes up to `limit` mails due at `now`, oldest first, for one deliverer: each one's next
    /// attempt moves to `claimedUntil`, which also tells this claim from any later one. Rows
    /// another deliverer is claiming at the same moment are skipped.
    func claimDueOutboxMail(at now: Date, claimedUntil: Date, limit: Int) throws -> [OutboxDelivery]
    /// Moves the next attempt (a claim, or a back-off after a failure) and records the try.
    func rescheduleOutboxMail(id: Int64, nextAttemptAt: Date, attempts: Int, error: String?) throws
    /// The back-off after a failed try, only while the claim that ends at `claimedUntil` still
    /// holds: a deliverer that outlived its lease leaves the next one's claim alone.
    func backOffClaimedOutboxMail(id: Int64, claimedUntil: Date, nextAttemptAt: Date, attempts: Int, error: String) throws
    /// Leaves a mail already marked sent as it is.
    func markOutboxMailSent(id: Int64, at time: Date) throws
    /// The same for several mails, in one statement.
    func markOutboxMailSent(ids: [Int64], at time: Date) throws
    /// The newest mail first; `unsentOnly` leaves out what was delivered.
    func outboxEntries(limit: Int, unsentOnly: Bool) throws -> [OutboxEntry]
    /// The events the user chose, `true` wanted; the others take their default.
    func mailPreferences(userID: UserID) throws -> [String: Bool]
    func setMailPreference(userID: UserID, event: String, wanted: Bool) throws
    /// The ticket and recipient of the mail sent with this Message-ID (a bounce names it).
    func outboxMail(headerID: String) throws -> (ticketID: TicketID?, recipient: String)?
}
