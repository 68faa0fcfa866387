/// Percentiles by the nearest-rank method: the smallest value with at least `percent`% of
/// the values at or below it (p50 of 1...10 is 5, p90 is 9); nil for no values.
public enum Percentile {
    public static func nearestRank(_ percent: Int, ofSorted values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let rank = max(1, (percent * values.count + 99) / 100)
        return values[min(rank, values.count) - 1]
    }
}
