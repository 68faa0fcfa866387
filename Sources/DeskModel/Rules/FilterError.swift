/// The keys of the filter syntax (`key:value`), with the other spellings people type.
public enum FilterKey: String, CaseIterable, Sendable {
    case status, urgency, kind, assignee, requester, org, watching, updated, created

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
        default: nil
        }
    }

    /// What the key accepts, for error messages.
    var accepted: String {
        switch self {
        case .status: "statuses: \(TicketStatus.spellings)"
        case .urgency: "urgencies: \(Urgency.spellings), or a bound like >=serious"
        case .kind: "kinds: \(TicketKind.spellings)"
        case .assignee: "a handle, me or none"
        case .requester, .watching: "a handle or me"
        case .org: "an organisation name, quoted when it has spaces"
        case .updated, .created: "an age like <7d, >2h, 30m, 2w, or a date like >=2026-11-01"
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

    public var message: String {
        switch self {
        case .unknownKey(let key, let token):
            return "unknown filter '\(key)' (filters: \(FilterKey.spellings)); to search for the text, quote it: \"\(token)\""
        case .missingValue(let key):
            return "\(key.rawValue): needs a value (\(key.accepted))"
        case .unknownValue(let key, let value):
            switch key {
            case .status, .urgency, .kind:
                return "unknown \(key.rawValue) '\(value)' (\(key.accepted))"
            case .assignee, .requester, .watching, .org:
                return "'\(value)' is not a handle (\(key.rawValue): takes \(key.accepted))"
            case .updated, .created:
                return "unknown time '\(value)' for \(key.rawValue): (\(key.accepted))"
            }
        case .comparisonNotAllowed(let key, let value):
            return "\(key.rawValue): takes no comparison in '\(value)' (\(key.accepted))"
        case .oneValueOnly(let key, let value):
            return "\(key.rawValue): takes one value, not a list: '\(value)' (\(key.accepted))"
        }
    }
}
