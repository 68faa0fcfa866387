/// Every refusal as a phrase: the client shows it in the reader's language, the command line
/// prints it in English (`message`). Names, paths and details from other programs stay as they are.
extension DeskError {
    public var phrase: Phrase {
        switch self {
        case .ticketNotFound(let number):
            .model("Ticket #{number} not found", ["number": .number(number)])
        case .messageNotFound(let id):
            .model("Message {id} not found on this ticket", ["id": .text("\(id)")])
        case .userNotFound(let handle):
            .model("No user with handle '{handle}'", ["handle": .text(handle)])
        case .organisationNotFound(let name):
            .model("No organisation named '{name}'", ["name": .text(name)])
        case .duplicateHandle(let handle):
            .model("A user with handle '{handle}' already exists", ["handle": .text(handle)])
        case .duplicateOrganisation(let name):
            .model("An organisation named '{name}' already exists", ["name": .text(name)])
        case .invalidHandle(let handle):
            .model("'{handle}' is not a valid handle: use lower-case letters, digits, '-' and '_', starting with a letter", ["handle": .text(handle)])
        case .ticketClosed(let number):
            .model("Ticket #{number} is closed; open a follow-up instead", ["number": .number(number)])
        case .transitionRefused(let number, let action, let from):
            Self.transitionRefused(number, action, from)
        case .notAllowed(let what):
            Self.notAllowedPhrase(.verbatim(what))
        case .incidentNotInPlan(let organisation):
            .model("{organisation} is on the free plan, which does not include incident tickets; open a question instead", ["organisation": .text(organisation)])
        case .invalidInput(let what):
            .verbatim(what)
        case .invalidFilter(let error):
            error.phrase
        case .savedViewNotFound(let name):
            .model("You have no saved view named '{name}'", ["name": .text(name)])
        case .attachmentTooLarge(let name, let size, let limit):
            .model("{name} is {size} bytes; the desk accepts attachments up to {limit} bytes",
                   ["name": .text(name), "size": .quantity(size), "limit": .quantity(limit)])
        case .attachmentQuotaExceeded(let name, let size, let used, let quota):
            .model("{name} is {size} bytes, and your attachments already take {used} of the {quota} bytes each customer may store; ask your support team to make room",
                   ["name": .text(name), "size": .quantity(size), "used": .quantity(used), "quota": .quantity(quota)])
        case .textTooLong(let field, let length, let limit):
            .model("The {field} is {length} characters long; the limit is {limit}",
                   ["field": .phrase(field.labelPhrase), "length": .quantity(Int64(length)), "limit": .quantity(Int64(limit))])
        case .followUpOfOpenTicket(let number):
            .model("Ticket #{number} is not closed; reply to it instead of opening a follow-up", ["number": .number(number)])
        case .possibleDuplicate(let number, let subject):
            .model("This looks like your active ticket #{number} \"{subject}\"; reply there, or create anyway with --force",
                   ["number": .number(number), "subject": .text(subject)])
        case .notADeskDatabase(let path):
            .model("{path} is not a deskterm desk", ["path": .text(path)])
        case .deskDamaged(let path):
            .model("The desk {path} is damaged (SQLite: database disk image is malformed); restore it from a backup and report how it happened", ["path": .text(path)])
        case .databaseBusy(let path):
            .model("The desk {path} is locked by another process; try again", ["path": .text(path)])
        case .databaseReadOnly(let path):
            .model("The desk {path} is read-only", ["path": .text(path)])
        case .storage(let detail):
            .model("Storage error: {detail}", ["detail": .text(detail)])
        case .postgresUnavailable(let address):
            .model("{address} is a PostgreSQL desk, and PostgreSQL desks are not supported by this build yet; give a desk file path instead", ["address": .text(address)])
        case .diskFull(let location):
            .model("The disk holding the desk {location} is full; free some space and try again", ["location": .text(location)])
        case .deskUnreachable(let location, let reason):
            .model("Storage error: cannot reach the desk at {location}: {reason}", ["location": .text(location), "reason": .text(reason)])
        case .writeOutcomeUnknown(let location):
            .model("The connection to the desk at {location} was lost while a change was being saved: it may or may not have been saved; look before trying again", ["location": .text(location)])
        case .textHasNul(let field):
            .model("The {field} contains a NUL character (U+0000), which a desk cannot store as text; remove it, or send the file as an attachment",
                   ["field": .phrase(field.labelPhrase)])
        case .refused(let phrase):
            phrase
        case .forbidden(let what):
            Self.notAllowedPhrase(what)
        case .deskBeingCopied(let location):
            .model("The desk at {location} is still being copied (or its copy was stopped midway) and is incomplete; wait for the copy to finish, or run deskterm copy into it again", ["location": .text(location)])
        case .editRefused(let number, let reason):
            Self.editRefusalPhrase(number, reason)
        case .articleNotFound(let slug):
            .model("No article '{slug}'", ["slug": .text(slug)])
        case .articleSlugTaken(let slug):
            .model("An article named '{slug}' already exists; edit it instead", ["slug": .text(slug)])
        }
    }

    /// A draft whose fields do not encode: the same refusal from every backend.
    public static let draftFieldsNotStorable = DeskError.refused(.model("The draft's fields cannot be stored"))

    /// "Not allowed: …", with what is refused as a phrase of its own.
    public static func notAllowedPhrase(_ what: Phrase) -> Phrase {
        .model("Not allowed: {what}", ["what": .phrase(what)])
    }

    /// A whole sentence per action: the verb's grammar differs between languages.
    static func transitionRefused(_ number: Int64, _ action: WorkflowAction, _ from: TicketStatus) -> Phrase {
        let arguments: [String: PhraseArgument] = ["number": .number(number), "status": .phrase(from.labelPhrase(for: .agent, inSentence: true))]
        return switch action {
        case .take: .model("Cannot take ticket #{number}: it is {status}", arguments)
        case .reply: .model("Cannot reply to ticket #{number}: it is {status}", arguments)
        case .askCustomer: .model("Cannot ask the customer on ticket #{number}: it is {status}", arguments)
        case .proposeSolution: .model("Cannot propose a solution on ticket #{number}: it is {status}", arguments)
        case .close: .model("Cannot close ticket #{number}: it is {status}", arguments)
        case .autoClose: .model("Cannot auto-close ticket #{number}: it is {status}", arguments)
        }
    }
}
