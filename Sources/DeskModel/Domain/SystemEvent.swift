import Foundation

/// What a system event in a ticket's history records, as values. The words are chosen by
/// whoever shows it, for the person reading (a customer reads "Action required from you"
/// where an agent reads "Awaiting customer").
public enum SystemEvent: Equatable, Sendable {
    case statusChanged(from: TicketStatus, to: TicketStatus, actor: String)
    /// `assignee` nil: unassigned.
    case assigned(assignee: String?, actor: String)
    case autoClosed(afterDays: Int)
    /// A notification mail came back from the mail system (a bounce). Stored as a staff-only
    /// message (`Desk.recordBounce`): customers never see it.
    case mailBounced(recipient: String)
    /// One field of a ticket edited: `from` and `to` in stored form (raw values for the choices).
    case edited(field: EditedField, from: String, to: String, actor: String)
    /// A customer asked to be called in `window` (`14:00-16:00`) of time zone `zone`.
    case callbackRequested(window: String, zone: String, actor: String)
    case callbackTaken(actor: String)
    /// `window` and `zone`: the new window of a rescheduled call, nil otherwise.
    case callbackOutcome(outcome: CallbackOutcome, window: String?, zone: String?, actor: String)
    /// The ticket closed while its call-back request was open, which ended the request.
    case callbackClosedWithTicket
}

extension SystemEvent {
    /// The text stored beside the payload: what full-text search indexes, and what a reader
    /// from before typed events shows. Call-back events store none: their window and zone are
    /// their requester's, and a colleague whose search found the ticket by them would learn
    /// that a request exists (`CallbackPrivacy`). They came after typed events, so every
    /// reader words them from the payload.
    public var recordText: String { isCallbackEvent ? "" : phrase(for: .agent).englishText }

    public var isCallbackEvent: Bool {
        switch self {
        case .callbackRequested, .callbackTaken, .callbackOutcome, .callbackClosedWithTicket: true
        default: false
        }
    }

    /// An SQL condition on a message's stored `event` payload, true for call-back events. Inside
    /// a JSON string every quote is escaped, so the pattern only matches the `event` field.
    public static let callbackPayloadPattern = #"%"event":"callback%"#

    /// The stored form: a small JSON object with stable field names (`event`, `from`, `to`,
    /// `actor`, `assignee`, `days`), so the desk file stays readable by other tools.
    public var payload: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(fields)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    /// Nil for a payload this version does not know (a newer desk, bad data): the stored
    /// text is shown instead.
    public init?(payload: String) {
        guard let fields = try? JSONDecoder().decode(Payload.self, from: Data(payload.utf8)) else { return nil }
        self.init(fields)
    }

    private var fields: Payload {
        switch self {
        case .statusChanged(let from, let to, let actor):
            Payload(event: "statusChanged", from: from.rawValue, to: to.rawValue, actor: actor)
        case .assigned(let assignee, let actor):
            Payload(event: "assigned", actor: actor, assignee: assignee)
        case .autoClosed(let days):
            Payload(event: "autoClosed", days: days)
        case .mailBounced(let recipient):
            Payload(event: "mailBounced", recipient: recipient)
        case .edited(let field, let from, let to, let actor):
            Payload(event: "edited", from: from, to: to, actor: actor, field: field.rawValue)
        case .callbackRequested(let window, let zone, let actor):
            Payload(event: "callbackRequested", actor: actor, window: window, zone: zone)
        case .callbackTaken(let actor):
            Payload(event: "callbackTaken", actor: actor)
        case .callbackOutcome(let outcome, let window, let zone, let actor):
            Payload(event: "callbackOutcome", actor: actor, window: window, zone: zone, outcome: outcome.rawValue)
        case .callbackClosedWithTicket:
            Payload(event: "callbackClosedWithTicket")
        }
    }

    private init?(_ fields: Payload) {
        switch fields.event {
        case "statusChanged":
            guard let from = fields.from.flatMap(TicketStatus.init(rawValue:)),
                  let to = fields.to.flatMap(TicketStatus.init(rawValue:)), let actor = fields.actor else { return nil }
            self = .statusChanged(from: from, to: to, actor: actor)
        case "assigned":
            guard let actor = fields.actor else { return nil }
            self = .assigned(assignee: fields.assignee, actor: actor)
        case "autoClosed":
            guard let days = fields.days else { return nil }
            self = .autoClosed(afterDays: days)
        case "mailBounced":
            guard let recipient = fields.recipient else { return nil }
            self = .mailBounced(recipient: recipient)
        case "edited":
            guard let field = fields.field.flatMap(EditedField.init(rawValue:)), let from = fields.from, let to = fields.to,
                  let actor = fields.actor else { return nil }
            self = .edited(field: field, from: from, to: to, actor: actor)
        case "callbackRequested":
            guard let window = fields.window, let zone = fields.zone, let actor = fields.actor else { return nil }
            self = .callbackRequested(window: window, zone: zone, actor: actor)
        case "callbackTaken":
            guard let actor = fields.actor else { return nil }
            self = .callbackTaken(actor: actor)
        case "callbackOutcome":
            guard let outcome = fields.outcome.flatMap(CallbackOutcome.init(rawValue:)), let actor = fields.actor else { return nil }
            self = .callbackOutcome(outcome: outcome, window: fields.window, zone: fields.zone, actor: actor)
        case "callbackClosedWithTicket":
            self = .callbackClosedWithTicket
        default:
            return nil
        }
    }

    private struct Payload: Codable {
        var event: String
        var from: String?
        var to: String?
        var actor: String?
        var assignee: String?
        var days: Int?
        var recipient: String?
        var field: String?
        var window: String?
        var zone: String?
        var outcome: String?
    }
}

/// Encoded as its payload object, wherever a `Message` is encoded.
extension SystemEvent: Codable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fields)
    }

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.singleValueContainer().decode(Payload.self)
        guard let event = SystemEvent(fields) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown system event \(fields.event)"))
        }
        self = event
    }
}
