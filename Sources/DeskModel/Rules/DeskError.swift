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

    public var message: String {
        switch self {
        case .ticketNotFound(let number):
            return "Ticket #\(number) not found"
        case .messageNotFound(let id):
            return "Message \(id) not found on this ticket"
        case .userNotFound(let handle):
            return "No user with handle '\(handle)'"
        case .organisationNotFound(let name):
            return "No organisation named '\(name)'"
        case .duplicateHandle(let handle):
            return "A user with handle '\(handle)' already exists"
        case .duplicateOrganisation(let name):
            return "An organisation named '\(name)' already exists"
        case .invalidHandle(let handle):
            return "'\(handle)' is not a valid handle: use lower-case letters, digits, '-' and '_', starting with a letter"
        case .ticketClosed(let number):
            return "Ticket #\(number) is closed; open a follow-up instead"
        case .transitionRefused(let number, let action, let from):
            return "Cannot \(action.verb) ticket #\(number): it is \(from.label(for: .agent).lowercased())"
        case .notAllowed(let what):
            return "Not allowed: \(what)"
        case .incidentNotInPlan(let organisation):
            return "\(organisation) is on the free plan, which does not include incident tickets; open a question instead"
        case .invalidInput(let what):
            return what
        case .invalidFilter(let error):
            return error.message
        case .savedViewNotFound(let name):
            return "You have no saved view named '\(name)'"
        case .attachmentTooLarge(let name, let size, let limit):
            return "\(name) is \(size) bytes; the desk accepts attachments up to \(limit) bytes"
        case .attachmentQuotaExceeded(let name, let size, let used, let quota):
            return "\(name) is \(size) bytes, and your attachments already take \(used) of the \(quota) bytes each customer may store; ask your support team to make room"
        case .textTooLong(let field, let length, let limit):
            return "The \(field.label) is \(FieldLimits.grouped(length)) characters long; the limit is \(FieldLimits.grouped(limit))"
        case .followUpOfOpenTicket(let number):
            return "Ticket #\(number) is not closed; reply to it instead of opening a follow-up"
        case .possibleDuplicate(let number, let subject):
            return "This looks like your active ticket #\(number) \"\(subject)\"; reply there, or create anyway with --force"
        case .notADeskDatabase(let path):
            return "\(path) is not a deskterm desk"
        case .deskDamaged(let path):
            return "The desk \(path) is damaged (SQLite: database disk image is malformed); restore it from a backup and report how it happened"
        case .databaseBusy(let path):
            return "The desk \(path) is locked by another process; try again"
        case .databaseReadOnly(let path):
            return "The desk \(path) is read-only"
        case .storage(let detail):
            return "Storage error: \(detail)"
        case .postgresUnavailable(let address):
            return "\(address) is a PostgreSQL desk, and PostgreSQL desks are not supported by this build yet; give a desk file path instead"
        case .diskFull(let location):
            return "The disk holding the desk \(location) is full; free some space and try again"
        case .deskUnreachable(let location, let reason):
            return "Storage error: cannot reach the desk at \(location): \(reason)"
        case .writeOutcomeUnknown(let location):
            return "The connection to the desk at \(location) was lost while a change was being saved: it may or may not have been saved; look before trying again"
        case .deskBeingCopied(let location):
            return "The desk at \(location) is still being copied (or its copy was stopped midway) and is incomplete; wait for the copy to finish, or run deskterm copy into it again"
        }
    }

    public var description: String { message }
}
