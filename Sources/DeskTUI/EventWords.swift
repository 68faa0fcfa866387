import DeskModel

/// History events in the reader's words: customers read the statuses as their status field
/// names them, staff read the desk's own terms. Events stored before they were typed keep
/// their stored text.
extension UIStrings {
    public static func eventText(_ message: Message, for role: Role) -> String {
        guard let event = message.event else { return message.body }
        return role.isStaff ? staffWords(event) : customerWords(event)
    }

    /// Staff read what the desk records beside the event.
    static func staffWords(_ event: SystemEvent) -> String {
        event.recordText
    }

    static func customerWords(_ event: SystemEvent) -> String {
        switch event {
        case .statusChanged(let from, let to, let actor):
            // New and open are both "Open" to a customer: what changed is that someone took it.
            from.label(for: .customer) == to.label(for: .customer)
                ? "Taken in hand by \(actor)"
                : "Status \(from.label(for: .customer)) → \(to.label(for: .customer)) by \(actor)"
        case .assigned(let assignee, _):
            assignee.map { "\($0) is handling this ticket" } ?? "Waiting for an agent"
        case .autoClosed(let days):
            "Closed automatically: the proposed solution had no answer for \(days) days"
        }
    }
}
