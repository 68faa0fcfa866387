import Foundation

/// What a person asked for when listing or searching: words to find in the text, and
/// conditions on the ticket's fields. `TicketQuery.parse` reads it from the typed syntax
/// (`printer status:open assignee:me`); the store turns the filter into SQL inside the
/// viewer's visibility, so a filter can only ever narrow what the viewer sees.
public struct TicketQuery: Equatable, Sendable {
    /// Words for the full-text search, as typed (quotes removed).
    public var words: [String]
    public var filter: TicketFilter

    public init(words: [String] = [], filter: TicketFilter = TicketFilter()) {
        self.words = words
        self.filter = filter
    }

    /// The words as one search text.
    public var text: String { words.joined(separator: " ") }
}

/// Conditions that must all hold. Within one condition, a list of values means any of them.
public struct TicketFilter: Equatable, Sendable {
    public var clauses: [FilterClause]

    public init(_ clauses: [FilterClause] = []) { self.clauses = clauses }

    public var isEmpty: Bool { clauses.isEmpty }
}

public struct FilterClause: Equatable, Sendable {
    public var condition: FilterCondition
    /// Written with a leading `-`: the tickets for which the condition does not hold.
    public var negated: Bool

    public init(_ condition: FilterCondition, negated: Bool = false) {
        self.condition = condition
        self.negated = negated
    }
}

public enum FilterCondition: Equatable, Sendable {
    case status(Set<TicketStatus>)
    case urgency(Set<Urgency>)
    case kind(Set<TicketKind>)
    case assignee([PersonReference])
    case requester([PersonReference])
    case watcher([PersonReference])
    /// Organisation names as typed; matched without regard to case or accents.
    case organisation([String])
    case updated(TimeRange)
    case created(TimeRange)
    /// Tickets with a call-back request in one of these states (`callback:open`). A customer's
    /// filter sees only their own requests.
    case callback(Set<CallbackState>)
}

/// A person named in a filter.
public enum PersonReference: Hashable, Sendable {
    /// The viewer.
    case me
    /// No one (`assignee:none`: unassigned).
    case nobody
    case handle(String)
}

/// A span of time: `from` included, `until` excluded; either may be open.
public struct TimeRange: Equatable, Sendable {
    public var from: TimePoint?
    public var until: TimePoint?

    public init(from: TimePoint? = nil, until: TimePoint? = nil) {
        self.from = from
        self.until = until
    }
}

public enum TimePoint: Equatable, Sendable {
    /// This many seconds before the moment the filter is applied.
    case ago(seconds: Int64)
    case instant(Date)

    public func date(now: Date) -> Date {
        switch self {
        case .ago(let seconds): now.addingTimeInterval(-TimeInterval(seconds))
        case .instant(let date): date
        }
    }
}

extension FilterCondition {
    /// The statuses a filter selects for a viewer of this role. Customers see `new` and `open`
    /// alike ("Open"), so for them either word means both: a filter must not tell them
    /// whether an agent has looked at the case yet.
    static func statuses(_ wanted: Set<TicketStatus>, seenBy role: Role) -> Set<TicketStatus> {
        guard !role.isStaff, !wanted.isDisjoint(with: [.new, .open]) else { return wanted }
        return wanted.union([.new, .open])
    }
}
