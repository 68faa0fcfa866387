import Foundation

/// The desk calendar's working time as a running total over a span of desk seconds, so that
/// whether each of a year's million timings met its target takes two binary searches instead
/// of a walk over its days (`BusinessCalendar.adding`, which also builds its calendar anew
/// for each call). Answers only for moments inside the span.
struct WorkingTimeline {
    let from: Int64
    let to: Int64
    private let opens: [Int64]
    private let closes: [Int64]
    /// Working seconds of the intervals before each one.
    private let before: [Int64]
    private let total: Int64

    init(calendar: BusinessCalendar, from: Int64, to: Int64) {
        self.from = from
        self.to = to
        // The local days of `from` and `to` and those between: the day before closes before
        // `from` (closing is at the latest midnight) and the day after opens after `to`.
        let intervals = calendar.workingIntervals(from: Date(deskSeconds: from), to: Date(deskSeconds: to))
        opens = intervals.map(\.open)
        closes = intervals.map(\.close)
        var sum: Int64 = 0
        var before: [Int64] = []
        before.reserveCapacity(intervals.count)
        for interval in intervals {
            before.append(sum)
            sum += interval.close - interval.open
        }
        self.before = before
        total = sum
    }

    /// Working seconds from the span's start to `moment`, which is inside the span.
    func worked(at moment: Int64) -> Int64 {
        var low = 0, high = closes.count
        while low < high {
            let middle = (low + high) / 2
            if closes[middle] <= moment { low = middle + 1 } else { high = middle }
        }
        guard low < closes.count else { return total }
        return before[low] + max(0, moment - opens[low])
    }

    /// Whether the working-time target of `minutes` from `start` was met at `end` (`end` no later
    /// than the moment `minutes` working minutes after `start`); nil when only
    /// `BusinessCalendar.adding` can tell: outside the span, or ending exactly on the target's
    /// working second (a day off after it may lie between the two moments).
    func met(start: Int64, end: Int64, minutes: Int) -> Bool? {
        guard minutes > 0, from <= start, start <= end, end <= to else { return nil }
        let target = worked(at: start) + Int64(minutes) * 60
        let reached = worked(at: end)
        if reached < target { return true }
        if reached > target { return false }
        return nil
    }
}
