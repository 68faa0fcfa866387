import Foundation

/// The mail channel's rows: the desk's `mail.*` settings, organisations' mail domains, users
/// by address, and the received mail (`mail_received`).
public protocol MailRows {
    /// Every stored setting whose key starts with `prefix`.
    func deskSettingValues(prefix: String) throws -> [String: String]
    func setDeskSettingValue(key: String, value: String) throws
    /// `domain` nil removes it; stored lower-case.
    func setOrganisationMailDomain(_ id: OrganisationID, domain: String?) throws
    /// Every organisation's mail domain, for those that have one.
    func organisationMailDomains() throws -> [OrganisationID: String]
    /// The organisation with this mail domain (ignoring ASCII case), the oldest if several.
    func organisation(mailDomain: String) throws -> Organisation?
    /// The user with this address (ignoring ASCII case), the oldest if several.
    func user(email: String) throws -> User?
    /// Whether a mail with this Message-ID from this sender was received before.
    func receivedMailExists(headerMessageID: String, sender: String) throws -> Bool
    func insertMailReceived(_ mail: MailReceived) throws -> Int64
    /// The ticket of the first of these Message-IDs (angle brackets included) that a received
    /// mail stored on a ticket had.
    func ticketNumber(receivedMessageIDs: [String]) throws -> Int64?
    /// The quoted history kept for each message of the ticket that came by mail with one.
    func quotedHistory(ticketID: TicketID) throws -> [MessageID: String]
    /// The latest received mail, newest first.
    func mailReceived(limit: Int) throws -> [MailReceived]
}
