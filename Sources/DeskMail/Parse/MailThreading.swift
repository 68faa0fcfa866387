import Foundation

/// Groups messages into threads, one ticket each (in the spirit of jwz's threading
/// algorithm, which mutt and most mail clients follow).
///
/// 1. Messages are linked by `Message-ID`, `In-Reply-To` and `References`: two messages are
///    in the same thread when a chain of those ids connects them, even through ancestors
///    missing from the input (replies to a message that was never archived stay together).
/// 2. A thread's root is its earliest message whose parent is not in the thread.
/// 3. Subject fallback: a thread whose root still looks like a reply (it names a parent that
///    is missing, or its subject starts with a reply prefix) joins the most recent earlier
///    thread with the same normalised subject, when that thread was active within
///    `subjectWindow` before it. Forwarded messages (`Fwd:`) without references start threads.
public enum MailThreading {
    public struct Item: Equatable, Sendable {
        public var id: String
        /// Parent candidates, nearest first: In-Reply-To, then References from the end.
        public var parentCandidates: [String]
        public var subjectKey: String
        public var isReply: Bool
        public var date: Date

        public init(id: String, parentCandidates: [String], subjectKey: String, isReply: Bool, date: Date) {
            self.id = id
            self.parentCandidates = parentCandidates
            self.subjectKey = subjectKey
            self.isReply = isReply
            self.date = date
        }
    }

    public struct Thread: Equatable, Sendable {
        /// Indices into the input: the root first, then the others by time (ties by input order).
        public var members: [Int]
        /// The root looks like a reply to something not in the input (the store may find its
        /// thread among earlier imports).
        public var isOrphan: Bool
        /// Ids the members refer to that are not members (earlier imports may hold them).
        public var externalReferences: [String]
    }

    public static func threads(_ items: [Item], subjectWindow: TimeInterval = 90 * 86_400) -> [Thread] {
        // Union-find over every id seen.
        var slot: [String: Int] = [:]
        var parent: [Int] = []
        func index(_ id: String) -> Int {
            if let existing = slot[id] { return existing }
            let new = parent.count
            slot[id] = new
            parent.append(new)
            return new
        }
        func find(_ start: Int) -> Int {
            var node = start
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        for item in items {
            let own = index(item.id)
            for reference in item.parentCandidates where reference != item.id {
                let other = find(index(reference))
                let mine = find(own)
                if other != mine { parent[max(other, mine)] = min(other, mine) }
            }
        }
        var groupOf: [Int: Int] = [:] // union root -> group number
        var groups: [[Int]] = []
        for (position, item) in items.enumerated() {
            let root = find(slot[item.id]!)
            if let group = groupOf[root] {
                groups[group].append(position)
            } else {
                groupOf[root] = groups.count
                groups.append([position])
            }
        }

        struct Group {
            var members: [Int]
            var root: Int
            var isOrphan: Bool
            var firstDate: Date
            var lastDate: Date
        }
        func earlier(_ a: Int, _ b: Int) -> Bool {
            (items[a].date, a) < (items[b].date, b)
        }
        var built: [Group] = groups.map { members in
            let ids = Set(members.map { items[$0].id })
            let parentless = members.filter { member in
                !items[member].parentCandidates.contains { $0 != items[member].id && ids.contains($0) }
            }
            let root = (parentless.isEmpty ? members : parentless).min(by: earlier)!
            let dates = members.map { items[$0].date }
            return Group(
                members: members, root: root,
                isOrphan: !items[root].parentCandidates.isEmpty || items[root].isReply,
                firstDate: items[root].date, lastDate: dates.max()!)
        }

        // Subject fallback, in order of arrival.
        let order = built.indices.sorted { earlier(built[$0].root, built[$1].root) }
        var latestBySubject: [String: Int] = [:]
        var mergedInto = [Int?](repeating: nil, count: built.count)
        for groupIndex in order {
            let group = built[groupIndex]
            let key = items[group.root].subjectKey
            guard !key.isEmpty else { continue }
            if group.isOrphan, let target = latestBySubject[key],
               built[target].lastDate >= group.firstDate.addingTimeInterval(-subjectWindow) {
                built[target].members += group.members
                built[target].lastDate = max(built[target].lastDate, group.lastDate)
                mergedInto[groupIndex] = target
                continue
            }
            latestBySubject[key] = groupIndex
        }

        var result: [Thread] = []
        for groupIndex in order where mergedInto[groupIndex] == nil {
            let group = built[groupIndex]
            let others = group.members.filter { $0 != group.root }.sorted(by: earlier)
            let members = [group.root] + others
            let ids = Set(members.map { items[$0].id })
            var seen = Set<String>()
            var external: [String] = []
            for member in members {
                for reference in items[member].parentCandidates where !ids.contains(reference) && seen.insert(reference).inserted {
                    external.append(reference)
                }
            }
            result.append(Thread(members: members, isOrphan: group.isOrphan, externalReferences: external))
        }
        return result
    }
}
