/// The keys of the filter syntax (`key:value`), with the other spellings people type.
public enum FilterKey: String, CaseIterable, Sendable {
    case status, urgency, kind, assignee, requester, org, watching, updated, created, callback

    static func named(_ text: String) -> FilterKey? {
        switch text.lowercased() {
        case "status", "state": .status
        case "urgency", "priority": .urgency
        case "kind", "type": .kind
        case "assignee", "assigned": .assignee
        case "requester", "author": .requester
        case "org", "organisation", "organization": .org
        case "watching", "watcher": .watching
        case "updated": .updated
        case "created": .created
        case "callback", "callbacks", "call-back": .callback
        default: nil
        }
    }

    /// What the key accepts, for error messages.
    var accepted: Phrase {
        switch self {
        case .status: .model("statuses: {values}", context: "filter", ["values": .text(TicketStatus.spellings)])
        case .urgency: .model("urgencies: {values}, or a bound like >=serious", context: "filter", ["values": .text(Urgency.spellings)])
        case .kind: .model("kinds: {values}", context: "filter", ["values": .text(TicketKind.spellings)])
        case .assignee: .model("a handle, me or none", context: "command argument")
        case .requester, .watching: .model("a handle or me", context: "filter")
        case .org: .model("an organisation name, quoted when it has spaces", context: "filter")
        case .updated, .created: .model("an age like <7d, >2h, 30m, 2w, or a date like >=2026-11-01", context: "filter")
        case .callback: .model("call-back states: open, requested, taken, done, any", context: "filter")
        }
    }

    static var spellings: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Why a filter could not be read. Each message names the part typed and what is accepted.
public enum FilterError: Error, Equatable, Sendable {
    case unknownKey(String, token: String)
    case missingValue(FilterKey)
    case unknownValue(FilterKey, String)
    /// Comparisons (`>=`) apply to urgency and times only.
    case comparisonNotAllowed(FilterKey, String)
    /// Times take one value, not a list.
    case oneValueOnly(FilterKey, String)

    /// In English, as the command line prints it.
    public var message: String { phrase.englishText }

    /// The words people type (keys, values) stay as typed in every language.
    public var phrase: Phrase {
        switch self {
        case .unknownKey(let key, let token):
            return .model("unknown filter '{key}' (filters: {keys}); to search for the text, quote it: \"{token}\"",
                          ["key": .text(key), "keys": .text(FilterKey.spellings), "token": .text(token)])
        case .missingValue(let key):
            return .model("{key}: needs a value ({accepted})", ["key": .text(key.rawValue), "accepted": .phrase(key.accepted)])
        case .unknownValue(let key, let value):
            let arguments: [String: PhraseArgument] = ["key": .text(key.rawValue), "value": .text(value), "accepted": .phrase(key.accepted)]
            switch key {
            case .status, .urgency, .kind, .callback:
                return .model("unknown {key} '{value}' ({accepted})", arguments)
            case .assignee, .requester, .watching, .org:
                return .model("'{value}' is not a handle ({key}: takes {accepted})", arguments)
            case .updated, .created:
                return .model("unknown time '{value}' for {key}: ({accepted})", arguments)
            }
        case .comparisonNotAllowed(let key, let value):
            return .model("{key}: takes no comparison in '{value}' ({accepted})",
                          ["key": .text(key.rawValue), "value": .text(value), "accepted": .phrase(key.accepted)])
        case .oneValueOnly(let key, let value):
            return .model("{key}: takes one value, not a list: '{value}' ({accepted})",
                          ["key": .text(key.rawValue), "value": .text(value), "accepted": .phrase(key.accepted)])
        }
    }
}
