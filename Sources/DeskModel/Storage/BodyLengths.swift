import Foundation

/// The length in characters of each body not read yet (`TicketDetail.unloadedBodies`), by
/// message id. A long history leaves tens of thousands unread: they are kept as two arrays in
/// id order, filled in one pass from the outline (which reads the ids rising), rather than
/// hashed one by one; a body read later is taken out.
public struct BodyLengths: Sendable, ExpressibleByDictionaryLiteral {
    /// Every id ever held, rising; `lengths[i]` is the length of `ids[i]`, or -1 once taken out.
    private var ids: [MessageID]
    private var lengths: [Int]
    /// The ids held now.
    public private(set) var count: Int

    public init() {
        (ids, lengths, count) = ([], [], 0)
    }

    /// Lengths by id, in the order given; ids not rising are sorted (the first of a repeated
    /// id counts).
    public init(ids: [MessageID], lengths: [Int]) {
        precondition(ids.count == lengths.count, "an id without a length")
        if zip(ids, ids.dropFirst()).allSatisfy({ $0 < $1 }) {
            self.init(rising: ids, lengths: lengths)
        } else {
            var kept: [MessageID: Int] = [:]
            for (id, length) in zip(ids, lengths) where kept[id] == nil { kept[id] = length }
            self.init(kept)
        }
    }

    public init(_ lengths: [MessageID: Int]) {
        let sorted = lengths.sorted { $0.key < $1.key }
        self.init(rising: sorted.map(\.key), lengths: sorted.map(\.value))
    }

    private init(rising ids: [MessageID], lengths: [Int]) {
        (self.ids, self.lengths, count) = (ids, lengths.map { max(0, $0) }, ids.count)
    }

    public init(dictionaryLiteral elements: (MessageID, Int)...) {
        self.init(Dictionary(elements) { first, _ in first })
    }

    public var isEmpty: Bool { count == 0 }

    /// The ids held, rising.
    public var keys: [MessageID] { indices.map { ids[$0] } }

    /// The lengths held, in the order of `keys`.
    public var values: [Int] { indices.map { lengths[$0] } }

    /// The positions of the ids held.
    private var indices: [Int] { ids.indices.filter { lengths[$0] >= 0 } }

    /// Calls `body` with every id held and its length, ids rising.
    public func forEach(_ body: (MessageID, Int) -> Void) {
        for index in ids.indices where lengths[index] >= 0 { body(ids[index], lengths[index]) }
    }

    /// Whether every id held here is held by `other` too (one walk over both, ids rising).
    public func isSubset(of other: BodyLengths) -> Bool {
        var theirs = 0
        for index in ids.indices where lengths[index] >= 0 {
            while theirs < other.ids.count, other.ids[theirs] < ids[index] { theirs += 1 }
            guard theirs < other.ids.count, other.ids[theirs] == ids[index], other.lengths[theirs] >= 0 else { return false }
        }
        return true
    }

    /// The id's length; setting nil takes it out.
    public subscript(id: MessageID) -> Int? {
        get {
            guard let index = position(of: id), lengths[index] >= 0 else { return nil }
            return lengths[index]
        }
        set {
            if let index = position(of: id) {
                let held = lengths[index] >= 0
                lengths[index] = newValue.map { max(0, $0) } ?? -1
                count += (newValue == nil ? 0 : 1) - (held ? 1 : 0)
            } else if let newValue {
                let index = ids.partitioningIndex(above: id)
                ids.insert(id, at: index)
                lengths.insert(max(0, newValue), at: index)
                count += 1
            }
        }
    }

    private func position(of id: MessageID) -> Int? {
        let index = ids.partitioningIndex(above: id)
        return index < ids.count && ids[index] == id ? index : nil
    }
}

extension BodyLengths: Equatable {
    /// The same ids held with the same lengths (whatever was taken out on the way).
    public static func == (lhs: BodyLengths, rhs: BodyLengths) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.ids == rhs.ids { return lhs.lengths == rhs.lengths }
        return lhs.keys == rhs.keys && lhs.values == rhs.values
    }
}

extension BodyLengths: CustomStringConvertible {
    public var description: String {
        var pairs: [String] = []
        forEach { id, length in pairs.append("\(id): \(length)") }
        return "[" + (pairs.isEmpty ? ":" : pairs.joined(separator: ", ")) + "]"
    }
}

private extension Array where Element == MessageID {
    /// The first index whose id is not below `id` (the array rising).
    func partitioningIndex(above id: MessageID) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
