import DeskModel

/// The words of tagging, bulk actions and unread counts (beside `UIStrings`, for the same
/// translators).
enum BulkStrings {
    static func tickets(_ count: Int) -> String { "\(FieldLimits.grouped(count)) \(count == 1 ? "ticket" : "tickets")" }

    /// "Assign 12 tickets to bob? (y/N)"
    static func question(_ operation: BulkOperation, count: Int) -> String {
        switch operation {
        case .assign(let handle?): "Assign \(tickets(count)) to \(handle)? (y/N)"
        case .assign(nil): "Unassign \(tickets(count))? (y/N)"
        case .changeStatus(.closed): "Close \(tickets(count)) for good? A follow-up will be needed to continue any of them (y/N)"
        case .changeStatus(let status): "Set \(tickets(count)) to \(status.label(for: .agent).lowercased())? (y/N)"
        case .watch: "Watch \(tickets(count))? (y/N)"
        }
    }

    static func yes(_ operation: BulkOperation, count: Int) -> String {
        switch operation {
        case .assign(let handle?): "assign all \(FieldLimits.grouped(count)) to \(handle)"
        case .assign(nil): "unassign all \(FieldLimits.grouped(count))"
        case .changeStatus(.closed): "close all \(FieldLimits.grouped(count)) for good"
        case .changeStatus(let status): "set all \(FieldLimits.grouped(count)) to \(status.label(for: .agent).lowercased())"
        case .watch: "watch all \(FieldLimits.grouped(count))"
        }
    }

    /// "Assigning 340/1,000…" while the batches run.
    static func progress(_ run: BulkRun) -> String {
        let verb = switch run.operation {
        case .assign(let handle): handle == nil ? "Unassigning" : "Assigning to \(handle!)"
        case .changeStatus(.closed): "Closing"
        case .changeStatus: "Changing status"
        case .watch: "Watching"
        }
        return "\(verb) \(FieldLimits.grouped(run.done))/\(FieldLimits.grouped(run.total))…"
    }

    /// "3 tagged" on the bottom line.
    static func taggedCount(_ count: Int) -> String { "\(FieldLimits.grouped(count)) tagged" }

    /// The menu's object: the ticket, or the tagged tickets.
    static func menuTarget(_ number: Int64, _ state: DeskState) -> String {
        number == BulkLimits.taggedTickets ? "of \(tickets(state.tagged.count))" : "#\(number)"
    }

    /// A tab's unread count: `•3`, `•99+` past the cap; nothing when none.
    static func unread(_ count: Int?) -> String {
        guard let count, count > 0 else { return "" }
        return count >= UnreadCount.cap ? "•\(UnreadCount.cap - 1)+" : "•\(count)"
    }

    /// The mark column: `*` tagged, `•` unread.
    static let taggedMark = "*"
    static let unreadMark = "•"
}
