import DeskModel

/// The words of tagging, bulk actions and unread counts (beside `UIStrings`, for the same
/// translators). Counts are whole-sentence plurals, so each language agrees its own words.
enum BulkStrings {
    static func count(_ count: Int) -> PhraseArgument { .quantity(Int64(count)) }

    /// "Assign 12 tickets to bob? (y/N)"
    static func question(_ operation: BulkOperation, count n: Int, _ language: Language) -> String {
        let phrase = switch operation {
        case .assign(let handle?):
            Phrase.client(one: "Assign {count} ticket to {handle}? (y/N)", other: "Assign {count} tickets to {handle}? (y/N)", count: n,
                          ["count": count(n), "handle": .text(handle)])
        case .assign(nil):
            Phrase.client(one: "Unassign {count} ticket? (y/N)", other: "Unassign {count} tickets? (y/N)", count: n, ["count": count(n)])
        case .changeStatus(.closed):
            Phrase.client(one: "Close {count} ticket for good? A follow-up will be needed to continue any of them (y/N)",
                          other: "Close {count} tickets for good? A follow-up will be needed to continue any of them (y/N)", count: n,
                          ["count": count(n)])
        case .changeStatus(let status):
            Phrase.client(one: "Set {count} ticket to {status}? (y/N)", other: "Set {count} tickets to {status}? (y/N)", count: n,
                          ["count": count(n), "status": .phrase(status.labelPhrase(for: .agent, inSentence: true))])
        case .watch:
            Phrase.client(one: "Watch {count} ticket? (y/N)", other: "Watch {count} tickets? (y/N)", count: n, ["count": count(n)])
        }
        return phrase.text(in: language)
    }

    static func yes(_ operation: BulkOperation, count n: Int, _ language: Language) -> String {
        let phrase = switch operation {
        case .assign(let handle?): Phrase.client("assign all {count} to {handle}", ["count": count(n), "handle": .text(handle)])
        case .assign(nil): Phrase.client("unassign all {count}", ["count": count(n)])
        case .changeStatus(.closed): Phrase.client("close all {count} for good", ["count": count(n)])
        case .changeStatus(let status): Phrase.client("set all {count} to {status}", ["count": count(n), "status": .phrase(status.labelPhrase(for: .agent, inSentence: true))])
        case .watch: Phrase.client("watch all {count}", ["count": count(n)])
        }
        return phrase.text(in: language)
    }

    /// "Assigning 340/1,000…" while the batches run.
    static func progress(_ run: BulkRun, _ language: Language) -> String {
        let numbers: [String: PhraseArgument] = ["done": count(run.done), "total": count(run.total)]
        let phrase = switch run.operation {
        case .assign(let handle?): Phrase.client("Assigning to {handle} {done}/{total}…", numbers.merging(["handle": .text(handle)]) { $1 })
        case .assign(nil): Phrase.client("Unassigning {done}/{total}…", numbers)
        case .changeStatus(.closed): Phrase.client("Closing {done}/{total}…", numbers)
        case .changeStatus: Phrase.client("Changing status {done}/{total}…", numbers)
        case .watch: Phrase.client("Watching {done}/{total}…", numbers)
        }
        return phrase.text(in: language)
    }

    /// "3 tagged" on the bottom line.
    static func taggedCount(_ n: Int, _ language: Language) -> String {
        Phrase.client(one: "{count} tagged", other: "{count} tagged", count: n, ["count": count(n)]).text(in: language)
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
