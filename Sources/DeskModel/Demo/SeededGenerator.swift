/// A small deterministic random number generator (SplitMix64) for demo data and tests.
///
/// The same seed gives the same sequence on every platform and Swift version: the helpers
/// below only ever derive values from `next()` with fixed arithmetic, never through the
/// standard library's `randomElement()`/`shuffled()`/`Int.random(in:)`, whose algorithms
/// are not guaranteed to stay the same.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SeededGenerator {
    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T {
        precondition(!items.isEmpty, "SeededGenerator.pick needs a non-empty array")
        return items[index(below: items.count)]
    }

    /// True with probability `p` (clamped to 0...1).
    public mutating func chance(_ p: Double) -> Bool {
        if p <= 0 { return false }
        if p >= 1 { return true }
        return unit() < p
    }

    /// An integer in the closed range.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        // Width of the range minus one, computed without overflow.
        let span = UInt64(bitPattern: Int64(range.upperBound) &- Int64(range.lowerBound))
        if span == UInt64.max { return Int(truncatingIfNeeded: next()) }
        let offset = next() % (span + 1)
        return Int(truncatingIfNeeded: Int64(range.lowerBound) &+ Int64(bitPattern: offset))
    }

    /// A double in 0..<1 built from the top 53 bits of `next()`.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A deterministic Fisher–Yates shuffle of `items`.
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        var i = result.count - 1
        while i > 0 {
            let j = index(below: i + 1)
            if i != j { result.swapAt(i, j) }
            i -= 1
        }
        return result
    }

    /// An index in 0..<count (count > 0).
    private mutating func index(below count: Int) -> Int {
        Int(next() % UInt64(count))
    }
}
