/// History events in the reader's words: customers read the statuses as their status field
/// names them, staff read the desk's own terms; both in the reader's language. The stored
/// `recordText` is the staff wording in English.
extension SystemEvent {
    public func phrase(for role: Role) -> Phrase {
        role.isStaff ? staffPhrase : customerPhrase
    }

    var staffPhrase: Phrase {
        switch self {
        case .statusChanged(let from, let to, let actor):
            .model("Status {from} → {to} by {actor}", context: "history",
                   ["from": .phrase(from.labelPhrase(for: .agent)), "to": .phrase(to.labelPhrase(for: .agent)), "actor": .text(actor)])
        case .assigned(let assignee?, let actor):
            .model("Assigned to {assignee} by {actor}", context: "history", ["assignee": .text(assignee), "actor": .text(actor)])
        case .assigned(nil, let actor):
            .model("Unassigned by {actor}", context: "history", ["actor": .text(actor)])
        case .autoClosed(let days):
            .model(one: "Closed automatically: solution proposed and no update for {count} day",
                   other: "Closed automatically: solution proposed and no update for {count} days", count: days, context: "history")
        case .mailBounced(let recipient):
            .mailBounced(recipient)
        case .edited(let field, let from, let to, let actor):
            Self.editPhrase(field, from: from, to: to, actor: actor)
        case .callbackRequested, .callbackTaken, .callbackOutcome, .callbackClosedWithTicket:
            callbackStaffPhrase
        }
    }

    var customerPhrase: Phrase {
        switch self {
        case .statusChanged(let from, let to, let actor):
            // New and open are both "Open" to a customer: what changed is that someone took it.
            from.labelPhrase(for: .customer) == to.labelPhrase(for: .customer)
                ? .model("Taken in hand by {actor}", context: "history", ["actor": .text(actor)])
                : Self.customerStatusChange(to, from: from, actor: actor)
        case .assigned(let assignee?, _):
            .model("{assignee} is handling this ticket", context: "history", ["assignee": .text(assignee)])
        case .assigned(nil, _):
            .model("Waiting for an agent", context: "history")
        case .autoClosed(let days):
            .model(one: "Closed automatically: the proposed solution had no answer for {count} day",
                   other: "Closed automatically: the proposed solution had no answer for {count} days", count: days, context: "history")
        case .mailBounced(let recipient):
            // Stored as a staff-only message: a customer never reads it.
            .mailBounced(recipient)
        case .edited(let field, let from, let to, let actor):
            Self.editPhrase(field, from: from, to: to, actor: actor)
        case .callbackRequested, .callbackTaken, .callbackOutcome, .callbackClosedWithTicket:
            callbackCustomerPhrase
        }
    }

    static func customerStatusChange(_ to: TicketStatus, from: TicketStatus, actor: String) -> Phrase {
        .model("Status {from} → {to} by {actor}", context: "history",
               ["from": .phrase(from.labelPhrase(for: .customer)), "to": .phrase(to.labelPhrase(for: .customer)), "actor": .text(actor)])
    }
}
