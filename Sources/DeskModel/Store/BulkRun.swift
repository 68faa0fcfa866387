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
    public static func tagged(_ count: Int, more: Bool, keys: NoticeKeys) -> Phrase {
        more ? .model("Tagged the first {count} tickets of this view ({key} tags {limit} at most)",
                      ["count": .quantity(Int64(count)), "key": .text(keys.tagAll), "limit": .quantity(Int64(BulkLimits.tagAllLimit))])
            : .model(one: "Tagged {count} ticket", other: "Tagged {count} tickets", count: count, ["count": .quantity(Int64(count))])
    }
    public static let tagsCleared = Phrase.model("Tags cleared")
    public static let nothingTagged = Phrase.model("No ticket to tag here")
    public static let bulkBusy = Phrase.model("A bulk action is running: wait for its summary")

    /// "Assigned 11 to bob, 1 refused: #204 closed".
    public static func summary(_ run: BulkRun, viewer: Viewer) -> Phrase {
        let refused = run.outcomes.filter { $0.refusal != nil }
        let succeeded = run.outcomes.count - refused.count
        let text = done(run.operation, succeeded, viewer: viewer)
        guard !refused.isEmpty else { return text }
        var shown = refused.prefix(3).map { outcome in
            Phrase.model("#{number} {reason}", context: "bulk refusal", ["number": .number(outcome.number), "reason": .phrase(reason(outcome.refusal!))])
        }
        if refused.count > 3 { shown.append(.verbatim("…")) }
        return .model("{done}, {count} refused: {tickets}",
                      ["done": .phrase(text), "count": .quantity(Int64(refused.count)), "tickets": .phrase(list(shown))])
    }

    /// Phrases one after the other, separated by commas.
    static func list(_ phrases: [Phrase]) -> Phrase {
        phrases.dropFirst().reduce(phrases[0]) { sofar, next in
            .model("{first}, {next}", context: "list", ["first": .phrase(sofar), "next": .phrase(next)])
        }
    }

    static func done(_ operation: BulkOperation, _ count: Int, viewer: Viewer) -> Phrase {
        let number = PhraseArgument.quantity(Int64(count))
        switch operation {
        case .assign(let handle?): return .model("Assigned {count} to {handle}", ["count": number, "handle": .text(handle)])
        case .assign(nil): return .model("Unassigned {count}", ["count": number])
        case .changeStatus(let status):
            let now = PhraseArgument.phrase(status.labelPhrase(for: viewer.role, inSentence: true))
            return status.isClosed ? .model("Closed {count} (now {status})", ["count": number, "status": now])
                : .model("Changed {count} (now {status})", ["count": number, "status": now])
        case .watch: return .model("Watching {count}", context: "bulk", ["count": number])
        }
    }

    /// A refusal in a few words: the summary names several.
    static func reason(_ error: DeskError) -> Phrase {
        switch error {
        case .ticketClosed: .model("closed", context: "bulk refusal")
        case .ticketNotFound: .model("not found", context: "bulk refusal")
        case .notAllowed, .forbidden: .model("not allowed", context: "bulk refusal")
        case .transitionRefused(_, _, let from): .model("is {status}", context: "bulk refusal", ["status": .phrase(from.labelPhrase(for: .agent, inSentence: true))])
        default: error.phrase
        }
    }
}
