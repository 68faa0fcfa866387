/// Why an edit of a ticket is refused (`DeskError.editRefused`).
public enum EditRefusal: Equatable, Sendable {
    /// Closed is final: no edits, by anyone (DESIGN.md section 2).
    case closed
    /// A customer who sees the ticket without having opened it (a watcher, the organisation's
    /// support contact) may not rewrite what its requester wrote.
    case notRequester
    /// A field only the desk sets (the kind decides plan rules and triage).
    case deskOnlyField(EditedField)
    /// Every value given is the one the ticket already has.
    case nothingChanged
}

/// Who may edit what: pure, like `Permissions`.
public enum EditRules {
    /// Why `viewer` may not change `fields` of `ticket`, or nil when they may.
    public static func refusal(_ viewer: Viewer, ticket: Ticket, fields: [EditedField]) -> EditRefusal? {
        if ticket.status.isClosed { return .closed }
        if viewer.isStaff { return nil }
        if ticket.requesterID != viewer.id { return .notRequester }
        if let field = fields.first(where: { !$0.requesterMayEdit }) { return .deskOnlyField(field) }
        return nil
    }
}

extension DeskError {
    static func editRefusalPhrase(_ number: Int64, _ reason: EditRefusal) -> Phrase {
        switch reason {
        case .closed:
            .model("Ticket #{number} is closed and can no longer be edited; open a follow-up instead", ["number": .number(number)])
        case .notRequester:
            .model("Only the requester of ticket #{number} may edit it; reply to it instead", ["number": .number(number)])
        case .deskOnlyField(let field):
            .model("The {field} of ticket #{number} is set by the support team", ["field": .phrase(field.labelPhrase), "number": .number(number)])
        case .nothingChanged:
            .model("Nothing to change on ticket #{number}: it already has these values", ["number": .number(number)])
        }
    }
}
