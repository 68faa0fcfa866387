import DeskModel

/// The lengths of the bodies not read yet (`TicketDetail.unloadedBodies`), for estimating
/// 20,000 heights at once: when the ids lie close together (one ticket's messages do) they are
/// looked up in a table indexed by id, without searching for each one; otherwise by search.
struct UnreadBodyLengths {
    private let lengths: BodyLengths
    /// `dense[id - lowest]` is the length, or -1; empty when the ids are spread out.
    private let dense: [Int32]
    private let lowest: MessageID
    private let highest: MessageID

    /// A table at most this many entries per id.
    private static let densePerID = 4

    init(_ lengths: BodyLengths) {
        self.lengths = lengths
        var lowest = MessageID.max, highest = MessageID.min
        var fitsInTable = true
        lengths.forEach { id, length in
            lowest = min(lowest, id)
            highest = max(highest, id)
            fitsInTable = fitsInTable && length < Int(Int32.max)
        }
        let span = highest.subtractingReportingOverflow(lowest)
        var dense: [Int32] = []
        if !lengths.isEmpty, !span.overflow, span.partialValue < MessageID(Self.densePerID * lengths.count + 64), fitsInTable {
            dense = [Int32](repeating: -1, count: Int(span.partialValue) + 1)
            lengths.forEach { id, length in dense[Int(id - lowest)] = Int32(length) }
        }
        (self.lowest, self.highest, self.dense) = (lowest, highest, dense)
    }

    subscript(id: MessageID) -> Int? {
        guard !dense.isEmpty else { return lengths[id] }
        guard id >= lowest, id <= highest else { return nil }
        let length = dense[Int(id - lowest)]
        return length < 0 ? nil : Int(length)
    }
}
