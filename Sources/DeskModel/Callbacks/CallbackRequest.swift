import Foundation

public typealias CallbackID = Int64

/// Where a call-back request stands. `requested` and `taken` are open: the customer waits for
/// the call; `done` is final (reached, or no answer). A rescheduled call stays taken with a new window.
public enum CallbackState: String, CaseIterable, Codable, Sendable {
    case requested, taken, done

    public var isOpen: Bool { self != .done }
    public static let open: Set<CallbackState> = [.requested, .taken]
}

/// What came of a call an agent made, or `closedWithTicket`: the ticket closed while the
/// request was open, which ends it (nobody calls about a closed ticket).
public enum CallbackOutcome: String, CaseIterable, Codable, Sendable {
    case reached
    case noAnswer = "no-answer"
    case rescheduled
    case closedWithTicket = "closed-with-ticket"

    /// The outcomes an agent records; the desk alone sets `closedWithTicket`.
    public static let recordable: [CallbackOutcome] = [.reached, .noAnswer, .rescheduled]

    /// The spellings `--outcome` accepts, in the order help lists them.
    public static let spellings = recordable.map(\.rawValue).joined(separator: ", ")

    /// `reached`, `no-answer` (also `noanswer`, `no_answer`), `rescheduled`.
    public init?(lenient text: String) {
        let folded = text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        guard let found = Self.recordable.first(where: { $0.rawValue.filter { $0 != "-" } == folded }) else { return nil }
        self = found
    }
}

/// When to call: a span of the day (`14:00-16:00`) in the customer's IANA time zone.
public struct CallbackWindow: Equatable, Codable, Sendable {
    /// Minutes after midnight, `start` before `end`.
    public var start: Int
    public var end: Int
    public var timeZone: String

    public init(start: Int, end: Int, timeZone: String) {
        self.start = start
        self.end = end
        self.timeZone = timeZone
    }

    /// `14:00-16:00`, as typed and stored.
    public var span: String { "\(Self.clock(start))-\(Self.clock(end))" }

    static func clock(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}

/// A call-back request as a reader sees it. `phone` and `note` are the requester's own words;
/// customers see only their own requests (`Desk.callbacks`).
public struct CallbackRequest: Equatable, Codable, Sendable {
    public var id: CallbackID
    public var ticketNumber: Int64
    public var ticketSubject: String
    public var requesterHandle: String
    public var phone: String
    public var window: CallbackWindow
    public var note: String
    public var state: CallbackState
    public var takerHandle: String?
    public var outcome: CallbackOutcome?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: CallbackID, ticketNumber: Int64, ticketSubject: String, requesterHandle: String, phone: String,
        window: CallbackWindow, note: String, state: CallbackState, takerHandle: String?, outcome: CallbackOutcome?,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.ticketNumber = ticketNumber
        self.ticketSubject = ticketSubject
        self.requesterHandle = requesterHandle
        self.phone = phone
        self.window = window
        self.note = note
        self.state = state
        self.takerHandle = takerHandle
        self.outcome = outcome
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What a customer asks for. A nil `phone` means the number they gave last time.
public struct CallbackAsk: Equatable, Sendable {
    public var phone: String?
    public var window: String
    public var timeZone: String
    public var note: String

    public init(phone: String?, window: String, timeZone: String, note: String = "") {
        self.phone = phone
        self.window = window
        self.timeZone = timeZone
        self.note = note
    }
}

/// What an agent records after calling: the outcome, for `rescheduled` the new window (its
/// zone defaults to the request's), and an optional internal note (never shown to customers).
public struct CallbackReport: Equatable, Sendable {
    public var outcome: CallbackOutcome
    public var window: String?
    public var timeZone: String?
    public var note: String

    public init(outcome: CallbackOutcome, window: String? = nil, timeZone: String? = nil, note: String = "") {
        self.outcome = outcome
        self.window = window
        self.timeZone = timeZone
        self.note = note
    }
}
