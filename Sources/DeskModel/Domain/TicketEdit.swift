import Foundation

/// A ticket field an edit may change, as events and JSON name it. Raw values are stored in
/// the event payload: never rename them.
public enum EditedField: String, CaseIterable, Codable, Sendable {
    case subject, description, kind, product, category, subcategory, urgency, contact

    /// What the requester may change while the ticket is open (the Tableau pages' rule);
    /// the kind decides the plan rules and the triage, so it is the desk's to set.
    public var requesterMayEdit: Bool { self != .kind }

    /// The text field behind it, for the length limits; nil for the choices.
    var textField: TextField? {
        switch self {
        case .subject: .subject
        case .description: .description
        case .product: .product
        case .category: .category
        case .subcategory: .subcategory
        case .kind, .urgency, .contact: nil
        }
    }
}

/// An edit of a ticket's own fields: nil leaves a field as it is. Status and assignee have
/// their own commands (with their rules and events); requester and organisation decide who
/// may see the ticket, so no edit moves them.
public struct TicketEdit: Equatable, Sendable {
    public var subject: String?
    public var description: String?
    public var kind: TicketKind?
    public var product: String?
    public var category: String?
    public var subcategory: String?
    public var urgency: Urgency?
    public var contact: ContactPreference?

    public init(
        subject: String? = nil, description: String? = nil, kind: TicketKind? = nil, product: String? = nil,
        category: String? = nil, subcategory: String? = nil, urgency: Urgency? = nil, contact: ContactPreference? = nil
    ) {
        self.subject = subject
        self.description = description
        self.kind = kind
        self.product = product
        self.category = category
        self.subcategory = subcategory
        self.urgency = urgency
        self.contact = contact
    }

    public var isEmpty: Bool { self == TicketEdit() }

    /// The value given for `field` in its stored form, or nil when the edit leaves it.
    public func value(of field: EditedField) -> String? {
        switch field {
        case .subject: subject
        case .description: description
        case .kind: kind?.rawValue
        case .product: product
        case .category: category
        case .subcategory: subcategory
        case .urgency: urgency?.rawValue
        case .contact: contact?.rawValue
        }
    }
}

extension Ticket {
    /// The stored form of `field` (raw values for the choices).
    public func value(of field: EditedField) -> String {
        switch field {
        case .subject: subject
        case .description: description
        case .kind: kind.rawValue
        case .product: product
        case .category: category
        case .subcategory: subcategory
        case .urgency: urgency.rawValue
        case .contact: contact.rawValue
        }
    }

    /// The ticket with `edit` applied.
    func applying(_ edit: TicketEdit) -> Ticket {
        var ticket = self
        if let subject = edit.subject { ticket.subject = subject }
        if let description = edit.description { ticket.description = description }
        if let kind = edit.kind { ticket.kind = kind }
        if let product = edit.product { ticket.product = product }
        if let category = edit.category { ticket.category = category }
        if let subcategory = edit.subcategory { ticket.subcategory = subcategory }
        if let urgency = edit.urgency { ticket.urgency = urgency }
        if let contact = edit.contact { ticket.contact = contact }
        return ticket
    }
}
