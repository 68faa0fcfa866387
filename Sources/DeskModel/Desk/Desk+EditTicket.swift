import Foundation

/// Editing a ticket's own fields: who may change which (`EditRules`), the same checks as
/// opening one (limits, the plan's kinds), the triage key following the urgency, and one
/// system event per changed field with its old and new value.
extension Desk {
    public func editTicket(number: Int64, _ edit: TicketEdit, by viewer: Viewer) throws(DeskError) -> Ticket {
        var edit = edit
        if let subject = edit.subject {
            edit.subject = subject.trimmingCharacters(in: .whitespacesAndNewlines)
            guard edit.subject?.isEmpty == false else { throw .invalidInput("A ticket needs a subject") }
        }
        if let description = edit.description, description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .invalidInput("A ticket needs a description")
        }
        for field in EditedField.allCases {
            if let text = field.textField, let value = edit.value(of: field) { try FieldLimits.check(value, as: text) }
        }
        let now = self.now
        return try write { rows in try Self.editTicket(rows, number: number, edit, by: viewer, at: now) }
    }

    static func editTicket(_ rows: any DeskRows, number: Int64, _ edit: TicketEdit, by viewer: Viewer, at now: Date) throws -> Ticket {
        let ticket = try Self.visibleTicket(rows, number: number, viewer: viewer)
        let given = EditedField.allCases.filter { edit.value(of: $0) != nil }
        if let refusal = EditRules.refusal(viewer, ticket: ticket, fields: given) {
            throw DeskError.editRefused(number: number, reason: refusal)
        }
        let changed = given.filter { edit.value(of: $0) != ticket.value(of: $0) }
        guard !changed.isEmpty else { throw DeskError.editRefused(number: number, reason: .nothingChanged) }
        var edited = ticket.applying(edit)
        let organisation = try ticket.organisationID.flatMap { id in try rows.organisation(id: id) }
        if changed.contains(.kind), !Permissions.kindAllowed(edited.kind, plan: organisation?.plan) {
            throw DeskError.incidentNotInPlan(organisation: organisation?.name ?? "This organisation")
        }
        let clock = try Self.retargetedServiceClock(rows, ticket: ticket, edited: edited, tier: organisation?.tier)
        edited.triageKey = clock.triageKey
        if let due = clock.due { try rows.updateTicketDue(ticketID: ticket.id, due, triageKey: clock.triageKey) }
        try rows.updateTicketFields(edited, touchingAt: now)
        for field in changed {
            try Self.addSystemEvent(
                rows, ticketID: ticket.id, actorID: viewer.id,
                .edited(field: field, from: ticket.value(of: field), to: edited.value(of: field), actor: viewer.user.handle), at: now)
        }
        edited.updatedAt = max(ticket.updatedAt, now.wholeSeconds)
        return edited
    }
}
