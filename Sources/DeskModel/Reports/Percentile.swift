/// Percentiles by the nearest-rank method: the smallest value with at least `percent`% of
/// the values at or below it (p50 of 1...10 is 5, p90 is 9); nil for no values.
public enum Percentile {
    public static func nearestRank(_ percent: Int, ofSorted values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let rank = max(1, (percent * values.count + 99) / 100)
        return values[min(rank, values.count) - 1]
    }
}

extension Percentile {
    /// The same nearest ranks from values in any order, found by selection in linear time
    /// (a year of a large desk has a million timings; sorting them cost more than reading
    /// them). `percents` ascending; the values are reordered.
    static func nearestRanks(_ percents: [Int], ofUnsorted values: inout [Int]) -> [Int?] {
        guard !values.isEmpty else { return percents.map { _ in nil } }
        var answers: [Int?] = []
        var low = 0
        for percent in percents {
            let rank = min(max(1, (percent * values.count + 99) / 100), values.count) - 1
            // Selections in ascending rank order: everything before `low` is already no larger.
            select(rank, in: &values, from: min(low, rank))
            answers.append(values[rank])
            low = rank
        }
        return answers
    }

    /// Puts the value of sorted position `position` there, smaller or equal values before it
    /// and larger or equal after it, within `from..<values.count` (Hoare partitions around
    /// the median of three).
    private static func select(_ position: Int, in values: inout [Int], from: Int) {
        var low = from, high = values.count - 1
        while low < high {
            let middle = low + (high - low) / 2
            if values[middle] < values[low] { values.swapAt(middle, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[middle] { values.swapAt(high, middle) }
            let pivot = values[middle]
            var left = low, right = high
            while left <= right {
                while values[left] < pivot { left += 1 }
                while values[right] > pivot { right -= 1 }
                if left <= right {
                    values.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
            if position <= right { high = right } else if position >= left { low = left } else { return }
        }
    }
}
