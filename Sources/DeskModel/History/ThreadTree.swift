import Foundation

/// One message of a ticket's history with the replies that answer it.
///
/// `children` lives in a class whose `deinit` takes the subtree apart with a loop:
/// plain nested arrays are released one level per stack frame, and dropping a reply
/// chain some thousands deep would overflow the stack (a secondary thread's small one
/// first). `==` is written by hand for the same reason.
public struct ThreadNode: Equatable, Sendable {
    public var message: Message
    fileprivate var storage: ChildStorage

    /// Replies to `message`, oldest first.
    public var children: [ThreadNode] {
        get { storage.nodes }
        set { storage = ChildStorage.holding(newValue) }
    }

    public init(message: Message, children: [ThreadNode] = []) {
        self.message = message
        self.storage = ChildStorage.holding(children)
    }

    public static func == (lhs: ThreadNode, rhs: ThreadNode) -> Bool {
        var pending: [(ThreadNode, ThreadNode)] = [(lhs, rhs)]
        while let (left, right) = pending.popLast() {
            if left.storage === right.storage {
                guard left.message == right.message else { return false }
                continue  // same subtree object: equal without walking it
            }
            let leftChildren = left.children, rightChildren = right.children
            guard left.message == right.message, leftChildren.count == rightChildren.count else {
                return false
            }
            pending.append(contentsOf: zip(leftChildren, rightChildren))
        }
        return true
    }
}

/// Never mutated once shared: `nodes` changes only while being built or torn down,
/// when this object is uniquely referenced; hence the unchecked `Sendable`.
private final class ChildStorage: @unchecked Sendable {
    var nodes: [ThreadNode]

    /// Shared by every leaf, so leaves cost no allocation.
    static let empty = ChildStorage([])

    static func holding(_ nodes: [ThreadNode]) -> ChildStorage {
        nodes.isEmpty ? empty : ChildStorage(nodes)
    }

    private init(_ nodes: [ThreadNode]) { self.nodes = nodes }

    deinit {
        // Move grandchildren out of every child we alone own, so each child's storage
        // dies empty and no release ever nests more than one level deep.
        var pending = nodes
        nodes = []
        while var node = pending.popLast() {
            if isKnownUniquelyReferenced(&node.storage) {
                pending.append(contentsOf: node.storage.nodes)
                node.storage.nodes = []
            }
        }
    }
}

/// One row of a thread view in display order. It holds only structural facts; the
/// TUI turns them into `├─ └─ │` prefixes, so no drawing decision lives in the model.
public struct ThreadLine: Equatable, Sendable {
    public var message: Message
    /// 0 for a top-level message, 1 for a reply to it, and so on.
    public var depth: Int
    /// True when no later message shares this one's parent (or, at depth 0, the top level).
    public var isLastSibling: Bool
    /// One entry per ancestor, for depths `0..<min(depth, ThreadLine.recordedAncestors)`:
    /// whether that ancestor has later siblings, i.e. whether a vertical line continues down
    /// its column past this row. A view that draws no glyphs for top-level messages skips
    /// entry 0.
    public var ancestorsContinue: [Bool]

    /// How many ancestors' rails a line records. Views cap their indent well below this;
    /// recording every ancestor would cost O(depth) per line, O(n²) for a reply chain.
    public static let recordedAncestors = 32

    public init(message: Message, depth: Int, isLastSibling: Bool, ancestorsContinue: [Bool]) {
        self.message = message
        self.depth = depth
        self.isLastSibling = isLastSibling
        self.ancestorsContinue = ancestorsContinue
    }
}

/// Builds the thread tree of one ticket's history (like mutt's thread view).
///
/// Everything here is iterative: histories come from storage and imports, so a reply
/// chain may be thousands deep and the data may be wrong (cycles, repeated ids).
public enum ThreadTree {
    /// Replies go under the message they answer, siblings oldest first (ties by id).
    ///
    /// - Internal notes are left out when `includeInternalNotes` is false (a customer's view).
    /// - A reply whose parent is missing or left out (say, an answer to a hidden internal
    ///   note) becomes a top-level message, ordered by time among the other top-level ones.
    /// - Of messages sharing an id, only the first in `messages` counts.
    /// - A cycle of replies is broken at its earliest message (by time, then id), which
    ///   becomes top-level; so every kept message appears exactly once.
    public static func build(_ messages: [Message], includeInternalNotes: Bool) -> [ThreadNode] {
        let (kept, children, topLevel) = structure(messages, includeInternalNotes: includeInternalNotes)

        // Pre-order with an explicit stack; building in reverse pre-order then finishes
        // every child before its parent, without recursion.
        var preOrder: [Int] = []
        preOrder.reserveCapacity(kept.count)
        var stack = Array(topLevel.reversed())
        while let index = stack.popLast() {
            preOrder.append(index)
            stack.append(contentsOf: children[index].reversed())
        }

        var finished = [ThreadNode?](repeating: nil, count: kept.count)
        for index in preOrder.reversed() {
            var replies: [ThreadNode] = []
            replies.reserveCapacity(children[index].count)
            for child in children[index] {
                replies.append(finished[child]!)
                finished[child] = nil  // the tree stays the only owner of each subtree
            }
            finished[index] = ThreadNode(message: kept[index], children: replies)
        }
        return topLevel.map { finished[$0]! }
    }

    /// The kept messages in chronological order, each one's replies (indices into `kept`,
    /// oldest first) and the top-level messages: what `build` and `lines` both walk.
    private static func structure(_ messages: [Message], includeInternalNotes: Bool) -> (kept: [Message], children: [[Int]], topLevel: [Int]) {
        var seenIDs = Set<MessageID>()
        var kept: [Message] = []
        kept.reserveCapacity(messages.count)
        for message in messages where seenIDs.insert(message.id).inserted {
            // Deduplicate before hiding notes, so a second copy of a hidden note's id
            // cannot show a customer something staff would not see.
            if message.kind == .internalNote && !includeInternalNotes { continue }
            kept.append(message)
        }
        // From here on a message is known by its position in chronological order, so a
        // smaller index always means earlier; cycle breaking relies on that.
        // Storage already reads in this order: checking is linear, sorting is not.
        let isEarlier = { (a: Message, b: Message) in (a.createdAt, a.id) < (b.createdAt, b.id) }
        if zip(kept, kept.dropFirst()).contains(where: { isEarlier($1, $0) }) { kept.sort(by: isEarlier) }

        var indexByID: [MessageID: Int] = [:]
        indexByID.reserveCapacity(kept.count)
        for (index, message) in kept.enumerated() { indexByID[message.id] = index }

        var parent: [Int?] = kept.map { message in
            guard let target = message.inReplyToID, target != message.id else { return nil }
            return indexByID[target]
        }
        breakCycles(&parent)

        // Visiting in chronological order makes every child list and the top level sorted.
        var children = [[Int]](repeating: [], count: kept.count)
        var topLevel: [Int] = []
        for index in kept.indices {
            if let up = parent[index] { children[up].append(index) } else { topLevel.append(index) }
        }

        return (kept, children, topLevel)
    }

    /// Rows in display order (pre-order), computed with an explicit stack.
    public static func flatten(_ roots: [ThreadNode]) -> [ThreadLine] {
        preOrder(roots, children: \.children, message: \.message)
    }

    /// `flatten(build(...))`: what a history pane shows, threaded over integer arrays
    /// (`compactLines`: a node per message is work a long history need not do).
    public static func lines(_ messages: [Message], includeInternalNotes: Bool) -> [ThreadLine] {
        compactLines(messages, includeInternalNotes: includeInternalNotes)
    }

    /// The rows of a forest in pre-order, with an explicit stack; `Item` is a node or an index.
    private static func preOrder<Item>(_ roots: [Item], children: (Item) -> [Item], message: (Item) -> Message) -> [ThreadLine] {
        var lines: [ThreadLine] = []
        // One level per open sibling list; `continues[d]` belongs to the ancestor at depth d.
        var levels: [(siblings: [Item], next: Int)] = [(roots, 0)]
        var continues: [Bool] = []
        var rails = RecordedRails()
        lines.reserveCapacity(roots.count)
        while let level = levels.last {
            guard level.next < level.siblings.count else {
                levels.removeLast()
                if !levels.isEmpty { continues.removeLast() }
                continue
            }
            let item = level.siblings[level.next]
            levels[levels.count - 1].next += 1
            let isLast = level.next == level.siblings.count - 1
            lines.append(ThreadLine(
                message: message(item), depth: levels.count - 1, isLastSibling: isLast,
                ancestorsContinue: rails.recording(continues)))
            let replies = children(item)
            if !replies.isEmpty {
                continues.append(!isLast)
                levels.append((replies, 0))
            }
        }
        return lines
    }

    /// What `ThreadLine.ancestorsContinue` holds for a row, given the rails open above it.
    struct RecordedRails {
        private var previous: [Bool] = []

        /// What the last `recording` returned.
        var recorded: [Bool] { previous }

        /// Past the recorded depth, a fresh bounded copy: sharing `continues` itself would make
        /// its next append copy the whole (deep) stack. Consecutive rows mostly record the same
        /// rails (a reply chain always does past its first levels): they share one array
        /// instead of allocating one each.
        mutating func recording(_ continues: [Bool]) -> [Bool] {
            let count = min(continues.count, ThreadLine.recordedAncestors)
            if !previous.elementsEqual(continues[..<count]) { previous = Array(continues[..<count]) }
            return previous
        }
    }

    /// Each message has at most one parent, so each connected group holds at most one
    /// cycle; walking up from every message finds it. Its smallest index (the earliest
    /// message) loses its parent, which is deterministic whatever the input order.
    static func breakCycles(_ parent: inout [Int?]) {
        enum Mark { case unvisited, onPath, done }
        var marks = [Mark](repeating: .unvisited, count: parent.count)
        var path: [Int] = []
        for start in parent.indices where marks[start] == .unvisited {
            path.removeAll(keepingCapacity: true)
            var current: Int? = start
            while let index = current, marks[index] == .unvisited {
                marks[index] = .onPath
                path.append(index)
                current = parent[index]
            }
            if let index = current, marks[index] == .onPath {
                // `index` is on the path we just walked: the rest of the path is a cycle.
                let cycle = path[path.lastIndex(of: index)!...]
                parent[cycle.min()!] = nil
            }
            for index in path { marks[index] = .done }
        }
    }
}
