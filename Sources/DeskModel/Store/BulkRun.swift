import Foundation

/// What a bulk action does to each tagged ticket. Each ticket goes through the same rules and
/// permissions as the single action, in a savepoint of its own within its batch's transaction
/// (`DeskStore.bulk`): a refused ticket is reported and the others go on, and no ticket is ever
/// half changed.
public enum BulkOperation: Equatable, Sendable {
    case assign(handle: String?)
    case changeStatus(TicketStatus)
    case watch
}

/// One ticket's result in a bulk action: done, or the desk's refusal.
public struct BulkOutcome: Equatable, Sendable {
    public var number: Int64
    public var refusal: DeskError?

    public init(number: Int64, refusal: DeskError? = nil) {
        self.number = number
        self.refusal = refusal
    }
}

/// A bulk action under way: the client's loop asks for the next batch (`bulkContinued`)
/// between frames, so the bottom line shows progress and keys stay live.
public struct BulkRun: Equatable, Sendable {
    public var operation: BulkOperation
    /// Tickets not yet done, in the order they run.
    public var pending: [Int64]
    public var outcomes: [BulkOutcome] = []
    public var total: Int

    public init(operation: BulkOperation, numbers: [Int64]) {
        self.operation = operation
        self.pending = numbers
        self.total = numbers.count
    }

    public var done: Int { outcomes.count }
}

public enum BulkLimits {
    /// Tickets one `runBulk` effect changes (one transaction): a few milliseconds of writes, so
    /// the loop draws the progress and reads keys between batches.
    public static let batchSize = 50
    /// `T` tags at most this many tickets of a view, the first in its order.
    public static let tagAllLimit = 1_000
    /// The ticket number the status and assign menus carry when they act on the tagged
    /// tickets (numbers start at 1).
    public static let taggedTickets: Int64 = 0
}

/// The bottom-line sentences of tagging and bulk actions.
public enum BulkNotices {
    public static func tagged(_ count: Int, more: Bool) -> String {
        more ? "Tagged the first \(count.grouped) tickets of this view (T tags \(BulkLimits.tagAllLimit.grouped) at most)"
            : "Tagged \(count.grouped) \(count == 1 ? "ticket" : "tickets")"
    }
    public static let tagsCleared = "Tags cleared"
    public static let nothingTagged = "No ticket to tag here"
    public static let bulkBusy = "A bulk action is running: wait for its summary"

    /// "Assigned 11 to bob, 1 refused: #204 closed".
    public static func summary(_ run: BulkRun, viewer: Viewer) -> String {
        let refused = run.outcomes.filter { $0.refusal != nil }
        let succeeded = run.outcomes.count - refused.count
        var text = "\(done(run.operation, viewer: viewer)) \(succeeded.grouped)"
        switch run.operation {
        case .assign(let handle?): text += " to \(handle)"
        case .changeStatus(let status): text += " (now \(status.label(for: viewer.role).lowercased()))"
        default: break
        }
        guard !refused.isEmpty else { return text }
        let shown = refused.prefix(3).map { "#\($0.number) \(reason($0.refusal!))" }.joined(separator: ", ")
        return text + ", \(refused.count.grouped) refused: " + shown + (refused.count > 3 ? ", …" : "")
    }

    static func done(_ operation: BulkOperation, viewer: Viewer) -> String {
        switch operation {
        case .assign(let handle): handle == nil ? "Unassigned" : "Assigned"
        case .changeStatus(let status): status.isClosed ? "Closed" : "Changed"
        case .watch: "Watching"
        }
    }

    /// A refusal in a few words: the summary names several.
    static func reason(_ error: DeskError) -> String {
        switch error {
        case .ticketClosed: "closed"
        case .ticketNotFound: "not found"
        case .notAllowed: "not allowed"
        case .transitionRefused(_, _, let from): "is \(from.label(for: .agent).lowercased())"
        default: error.message
        }
    }
}

extension Int {
    /// 1,000 rather than 1000 (`FieldLimits.grouped`).
    var grouped: String { FieldLimits.grouped(self) }
}
