/// The closed vocabularies of the help-desk model (DESIGN.md section 2).
/// Raw values are what the database and the JSON output hold: never rename them.

public enum Plan: String, CaseIterable, Codable, Sendable {
    case free, trial, pro, business, enterprise
}

public enum SupportTier: String, CaseIterable, Codable, Sendable {
    case standard, priority, premium
}

public enum Role: String, CaseIterable, Codable, Sendable {
    case customer, agent, admin

    /// Agents and admins work the desk; customers are the requester side.
    public var isStaff: Bool { self != .customer }
}

/// Which cases a customer may see beyond the ones they requested or watch.
public enum CaseAccess: String, CaseIterable, Codable, Sendable {
    /// Only tickets they requested or watch.
    case own
    /// Every ticket of their organisation (the organisation's support contact).
    case organisation
}

public enum TicketKind: String, CaseIterable, Codable, Sendable {
    /// Something broke.
    case incident
    /// A change, a setting, advice.
    case serviceRequest
    /// Billing or account.
    case question
}

public enum Urgency: String, CaseIterable, Codable, Sendable, Comparable {
    case none, low, serious, critical

    public var level: Int {
        switch self {
        case .none: 0
        case .low: 1
        case .serious: 2
        case .critical: 3
        }
    }

    public static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.level < rhs.level }
}

public enum TicketStatus: String, CaseIterable, Codable, Sendable {
    case new, open, awaitingCustomer, pending, closed

    public var isClosed: Bool { self == .closed }

    /// The label a viewer of the given role sees for this status.
    /// In English, as the command line and JSON's `statusLabel` give it (`labelPhrase`).
    public func label(for role: Role) -> String { labelPhrase(for: role).englishText }
}

public enum ContactPreference: String, CaseIterable, Codable, Sendable {
    case portal, email
}

public enum MessageKind: String, CaseIterable, Codable, Sendable {
    /// Seen by everyone who may see the ticket.
    case reply
    /// Agents only; never shown to customers.
    case internalNote
    /// Status change, assignment, auto-close: written by the desk itself.
    case systemEvent
}

/// Parses a raw value case-insensitively and with the spellings people type on a command line
/// (`awaiting-customer`, `service_request`).
public protocol LenientlyParsable: RawRepresentable, CaseIterable where RawValue == String {}

extension LenientlyParsable {
    public init?(lenient text: String) {
        let wanted = Self.fold(text)
        guard let match = Self.allCases.first(where: { Self.fold($0.rawValue) == wanted }) else { return nil }
        self = match
    }

    public static var spellings: String { allCases.map(\.rawValue).joined(separator: ", ") }

    private static func fold(_ text: String) -> String {
        text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
    }
}

extension Plan: LenientlyParsable {}
extension SupportTier: LenientlyParsable {}
extension Role: LenientlyParsable {}
extension CaseAccess: LenientlyParsable {}
extension TicketKind: LenientlyParsable {}
extension Urgency: LenientlyParsable {}
extension TicketStatus: LenientlyParsable {}
extension ContactPreference: LenientlyParsable {}
extension MessageKind: LenientlyParsable {}
