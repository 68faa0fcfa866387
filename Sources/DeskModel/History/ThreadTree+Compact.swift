import Foundation

/// Threading a history over integer indices: what opening a 20,000-message ticket spends its
/// time on, so it avoids hashing where the data allows, and allocates a handful of flat arrays
/// rather than a child list per message. `build` keeps the straightforward structure; the
/// property tests hold `lines` equal to `flatten(build(...))`.
extension ThreadTree {
    /// The positions in `messages` of the kept messages in chronological order and, for each,
    /// the index (into that order) of its parent, or -1: the facts `structure` finds, by the
    /// same rules, without copying a message.
    static func compactStructure(_ messages: [Message], includeInternalNotes: Bool) -> (kept: [Int], parent: [Int]) {
        var kept = keptPositions(messages, includeInternalNotes: includeInternalNotes)
        // Storage already reads in chronological order: checking is linear, sorting is not.
        let isEarlier = { (a: Int, b: Int) in
            (messages[a].createdAt, messages[a].id) < (messages[b].createdAt, messages[b].id)
        }
        for index in kept.indices.dropFirst() where isEarlier(kept[index], kept[index - 1]) {
            kept.sort(by: isEarlier)
            break
        }
        let find = IndexByID(kept.map { messages[$0].id })
        var parent = [Int](repeating: -1, count: kept.count)
        var pointsForward = false
        for (index, position) in kept.enumerated() {
            guard let target = messages[position].inReplyToID, target != messages[position].id,
                  let up = find.index(of: target) else { continue }
            parent[index] = up
            pointsForward = pointsForward || up > index
        }
        // Every cycle holds a reply to a later message; without one there is nothing to break.
        if pointsForward {
            var optional = parent.map { $0 < 0 ? nil : $0 }
            breakCycles(&optional)
            parent = optional.map { $0 ?? -1 }
        }
        return (kept, parent)
    }

    /// Drops repeated ids (the first copy counts, hidden or not) and, for a customer, notes.
    private static func keptPositions(_ messages: [Message], includeInternalNotes: Bool) -> [Int] {
        // Ids rising through the input (storage's usual order) cannot repeat: no set needed.
        // Fields are read by position: a loop over the messages themselves copies each one
        // (and retains its strings), which a 20,000-message history notices.
        let unique = messages.indices.dropFirst().allSatisfy { messages[$0 - 1].id < messages[$0].id }
        var seenIDs = Set<MessageID>()
        if !unique { seenIDs.reserveCapacity(messages.count) }
        var kept: [Int] = []
        kept.reserveCapacity(messages.count)
        for position in messages.indices {
            // Deduplicate before hiding notes, so a second copy of a hidden note's id
            // cannot show a customer something staff would not see.
            if !unique && !seenIDs.insert(messages[position].id).inserted { continue }
            if messages[position].kind == .internalNote && !includeInternalNotes { continue }
            kept.append(position)
        }
        return kept
    }

    /// The display lines of `compactStructure`, in pre-order: children are found through one
    /// array sorted by parent (a stable counting sort, so each sibling list stays
    /// chronological), and the walk keeps two integers per open level.
    static func compactLines(_ messages: [Message], includeInternalNotes: Bool) -> [ThreadLine] {
        let (kept, parent) = compactStructure(messages, includeInternalNotes: includeInternalNotes)
        // Slot `root` stands for the top level; the children of slot s are
        // byParent[start[s]..<start[s + 1]].
        let root = kept.count
        let slot = { (index: Int) in parent[index] < 0 ? root : parent[index] }
        var start = [Int](repeating: 0, count: kept.count + 2)
        for index in kept.indices { start[slot(index) + 1] += 1 }
        for index in 0...root { start[index + 1] += start[index] }
        var next = start
        var byParent = [Int](repeating: 0, count: kept.count)
        for index in kept.indices {
            byParent[next[slot(index)]] = index
            next[slot(index)] += 1
        }

        var lines: [ThreadLine] = []
        lines.reserveCapacity(kept.count)
        // One level per open sibling list: the next sibling's place in `byParent` and the end.
        var levels: [(next: Int, end: Int)] = [(start[root], start[root + 1])]
        // `continues[d]` belongs to the ancestor at depth d.
        var continues: [Bool] = []
        var rails = RecordedRails()
        // Whether `continues` changed within its recorded depths since the last line: deep in
        // a reply chain only its far end moves, and the recorded rails stay as they were.
        var railsMoved = true
        while let level = levels.last {
            guard level.next < level.end else {
                levels.removeLast()
                if !levels.isEmpty {
                    continues.removeLast()
                    railsMoved = railsMoved || continues.count < ThreadLine.recordedAncestors
                }
                continue
            }
            let index = byParent[level.next]
            levels[levels.count - 1].next += 1
            let isLast = level.next == level.end - 1
            lines.append(ThreadLine(
                message: messages[kept[index]], depth: levels.count - 1, isLastSibling: isLast,
                ancestorsContinue: railsMoved ? rails.recording(continues) : rails.recorded))
            railsMoved = false
            if start[index] < start[index + 1] {
                railsMoved = continues.count < ThreadLine.recordedAncestors
                continues.append(!isLast)
                levels.append((start[index], start[index + 1]))
            }
        }
        return lines
    }
}

/// Finds a message's position by id: through a table indexed by id when the ids rise with
/// the positions and lie close together (one ticket's messages read from storage: its ids are
/// increasing and mostly consecutive), by bisection when they rise but are spread out, through
/// a dictionary otherwise.
struct IndexByID {
    private let ids: [MessageID]
    private let rising: Bool
    private let table: [MessageID: Int]
    /// `dense[id - lowest]` is the position of `id`, or -1; empty when the ids are spread out.
    private let dense: [Int32]
    private let lowest: MessageID, highest: MessageID

    /// A dense table at most this many times as long as the ids: a few bytes per id.
    private static let densePerID = 4

    init(_ ids: [MessageID]) {
        self.ids = ids
        rising = zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 }
        var table: [MessageID: Int] = [:]
        var dense: [Int32] = []
        (lowest, highest) = (ids.first ?? 0, ids.last ?? 0)
        let span = highest.subtractingReportingOverflow(lowest)
        if !rising {
            table.reserveCapacity(ids.count)
            for (index, id) in ids.enumerated() { table[id] = index }
        } else if !ids.isEmpty, ids.count < Int32.max, !span.overflow,
                  span.partialValue < MessageID(Self.densePerID * ids.count + 64) {
            dense = [Int32](repeating: -1, count: Int(span.partialValue) + 1)
            for (index, id) in ids.enumerated() { dense[Int(id - lowest)] = Int32(index) }
        }
        self.table = table
        self.dense = dense
    }

    func index(of id: MessageID) -> Int? {
        guard rising else { return table[id] }
        if !dense.isEmpty {
            guard id >= lowest, id <= highest else { return nil }
            let index = dense[Int(id - lowest)]
            return index < 0 ? nil : Int(index)
        }
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id ? low : nil
    }
}
