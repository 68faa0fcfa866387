import Foundation

/// Every refusal the desk gives, with a sentence a person understands.
/// The CLI prints `message` on one line; the client shows it on the bottom line.
public enum DeskError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Also the answer for a ticket the viewer may not see, so that existence does not leak.
    case ticketNotFound(number: Int64)
    case messageNotFound(id: MessageID)
    case userNotFound(handle: String)
    case organisationNotFound(name: String)
    case duplicateHandle(String)
    case duplicateOrganisation(String)
    case invalidHandle(String)
    case ticketClosed(number: Int64)
    case transitionRefused(number: Int64, action: WorkflowAction, from: TicketStatus)
    case notAllowed(String)
    case incidentNotInPlan(organisation: String)
    case invalidInput(String)
    case invalidFilter(FilterError)
    case savedViewNotFound(name: String)
    case attachmentTooLarge(name: String, size: Int64, limit: Int64)
    case attachmentQuotaExceeded(name: String, size: Int64, used: Int64, quota: Int64)
    case textTooLong(field: TextField, length: Int, limit: Int)
    case followUpOfOpenTicket(number: Int64)
    case possibleDuplicate(ofNumber: Int64, subject: String)
    case notADeskDatabase(path: String)
    /// SQLite found the desk's pages inconsistent: a desk, but damaged.
    case deskDamaged(path: String)
    case databaseBusy(path: String)
    case databaseReadOnly(path: String)
    case storage(String)
    /// A PostgreSQL desk address (shown without its password) where this build has no
    /// PostgreSQL backend yet.
    case postgresUnavailable(address: String)
    /// The disk (or the server's storage) holding the desk has no room left.
    case diskFull(location: String)
    /// No desk server answers at the address, or the connection to it was lost (a restart, a
    /// fail-over, the network): nothing was changed, and the same request may be made again.
    case deskUnreachable(location: String, reason: String)
    /// The connection was lost while a change was being committed: the server may have saved
    /// it or not, so it is not sent again blindly.
    case writeOutcomeUnknown(location: String)
    /// `deskterm copy` is filling the desk, or a copy into it was stopped midway: it is
    /// incomplete until a copy into it finishes.
    case deskBeingCopied(location: String)
    /// U+0000 in typed text: SQLite's text functions and PostgreSQL's text type end or refuse
    /// the value there, so a reply would be stored cut short.
    case textHasNul(field: TextField)
    /// What was typed or asked cannot be done, said as a phrase so that a screen shows it in
    /// its reader's language (`invalidInput` is for the command line's English-only refusals).
    case refused(Phrase)
    /// "Not allowed: …" with the reason as a phrase, shown in the reader's language.
    case forbidden(Phrase)
    /// An edit of ticket `number` that the rules refuse (`EditRules`).
    case editRefused(number: Int64, reason: EditRefusal)
    /// Also the answer for an article the reader may not see, so that existence does not leak.
    case articleNotFound(slug: String)
    case articleSlugTaken(slug: String)

    /// The sentence in English, as the command line prints it.
    public var message: String { phrase.englishText }

    public var description: String { message }
}
