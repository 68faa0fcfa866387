import DeskModel
import Foundation

/// The lines of the open ticket the detail pane shows, where they sit in the whole, and how
/// tall the whole is as far as it is known.
public struct DetailWindow: Equatable, Sendable {
    /// At most a pane's height of lines, from `firstLine`.
    public var lines: [StyledLine]
    /// The line of the whole layout at the top of the pane.
    public var firstLine: Int
    /// Lines of the whole layout: exact for the messages laid out so far, estimated for the
    /// rest (a short thread is laid out whole, so its height is exact).
    public var contentHeight: Int
    /// Messages near the screen whose bodies are not read yet (`historyBodiesNeeded`); they
    /// stand as their header and blank lines of their estimated height meanwhile.
    public var missingBodies: [MessageID] = []
}

/// Lays out only what the detail pane shows, plus a screen above and below, so opening and
/// scrolling cost the same for a thread of ten messages or twenty thousand.
///
/// Each message's height is estimated from its length until the message comes near the
/// screen; then it is laid out, and its lines and exact height are kept. Two rules keep the
/// scroll position honest while estimates turn exact:
/// - at (or past) the end the pane is anchored to the bottom: the last screen is laid out from
///   the last message backwards, so End, `G` and paging down finish exactly at the end;
/// - elsewhere the top line stays put: messages above it that get laid out shift the first
///   line by the difference (`firstLine`), and the client stores that position back.
public enum DetailLayout {
    /// Threads this short are laid out whole at once: exact heights, cheaply.
    static let layOutWholeUpTo = 64
    /// Laid-out messages kept per ticket before the oldest are let go (heights stay known).
    static let keptMessages = 4_000

    public static func window(_ open: OpenTicketState, viewer: Viewer, width: Int, height: Int, now: Date, language: Language = .english) -> DetailWindow {
        cache.lock.lock()
        defer { cache.lock.unlock() }
        let height = max(1, height)
        let thread = cache.thread(for: open, viewer: viewer, width: width, language: language)
        let header = cache.header(for: open, viewer: viewer, width: width, now: now, language: language)
        return thread.window(header: header, scroll: open.scroll, height: height)
    }

    /// The lines of the whole layout (header, then history) that message `id` takes, laid out
    /// now if it was not; nil when the thread does not show it.
    public static func lines(ofMessage id: MessageID, in open: OpenTicketState, viewer: Viewer, width: Int, now: Date, language: Language = .english) -> Range<Int>? {
        cache.lock.lock()
        defer { cache.lock.unlock() }
        let thread = cache.thread(for: open, viewer: viewer, width: width, language: language)
        let header = cache.header(for: open, viewer: viewer, width: width, now: now, language: language)
        guard let index = thread.thread.firstIndex(where: { $0.message.id == id }) else { return nil }
        let height = thread.layOut(index).count
        let start = header.count + thread.heights[..<index].reduce(0, +)
        return start..<(start + height)
    }

    /// Forgets every kept layout (the benchmark measures opening a ticket from cold).
    public static func clearCache() {
        cache.lock.lock()
        cache.threadLayout = nil
        cache.headerKey = nil
        cache.lock.unlock()
    }

    /// Messages laid out since the start (tests check that work follows the screen).
    static var laidOutMessages: Int {
        cache.lock.lock()
        defer { cache.lock.unlock() }
        return cache.laidOutMessages
    }

    private static let cache = Cache()

    /// The kept layouts of the open ticket: its header for the current clock, and its thread.
    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var headerKey: HeaderKey?
        var headerLines: [StyledLine] = []
        var threadLayout: ThreadLayout?
        var laidOutMessages = 0

        func header(for open: OpenTicketState, viewer: Viewer, width: Int, now: Date, language: Language) -> [StyledLine] {
            let key = HeaderKey(open: open, viewer: viewer, width: width, now: now, language: language)
            if key != headerKey {
                headerLines = DetailLines.header(open, viewer: viewer, width: width, now: now, language: language)
                headerKey = key
            }
            return headerLines
        }

        func thread(for open: OpenTicketState, viewer: Viewer, width: Int, language: Language) -> ThreadLayout {
            let key = ThreadKey(open: open, viewer: viewer, width: width, language: language)
            if let threadLayout, threadLayout.key == key, DetailLayout.onlyBodiesArrived(from: threadLayout.detail, to: open.detail) {
                // Bodies read for messages near the screen: they stood as placeholders, never
                // kept, so taking the new thread is all it takes (no comparison of the whole).
                threadLayout.thread = open.thread
                threadLayout.detail = open.detail
                return threadLayout
            }
            if let threadLayout, threadLayout.key == key, threadLayout.thread == open.thread {
                // Equal but maybe another array (a reload): keep the state's, so the next
                // frame's comparison is one of identity, not of every message.
                threadLayout.thread = open.thread
                threadLayout.detail = open.detail
                return threadLayout
            }
            // A reloaded thread (a new message, say) keeps the heights already known, so the
            // reader's place does not move.
            let known = threadLayout.flatMap { $0.key.sameTicketAndWidth(as: key) ? $0.knownHeights() : nil } ?? [:]
            let layout = ThreadLayout(key: key, thread: open.thread, detail: open.detail, width: width, known: known) { [unowned self] in
                self.laidOutMessages += 1
            }
            threadLayout = layout
            return layout
        }
    }

    /// The same ticket with fewer bodies left to read, and no other bodies unread: what
    /// `historyBodiesLoaded` does (a reload reads the outline afresh, with more unread).
    private static func onlyBodiesArrived(from old: TicketDetail, to new: TicketDetail) -> Bool {
        old.ticket.id == new.ticket.id && new.unloadedBodies.count < old.unloadedBodies.count
            && new.unloadedBodies.isSubset(of: old.unloadedBodies)
    }

    /// What the header's lines depend on: everything but the history (compared field by
    /// field, so a long history is never compared).
    private struct HeaderKey: Equatable {
        var ticket: Ticket, requester: User, assignee: User?, organisation: Organisation?, followUpOf: Int64?
        var watchers: [User], attachments: [Attachment], threadCount: Int
        var viewer: Viewer, width: Int, now: Date, language: Language

        init(open: OpenTicketState, viewer: Viewer, width: Int, now: Date, language: Language) {
            let detail = open.detail
            (ticket, requester, assignee, organisation, followUpOf) = (detail.ticket, detail.requester, detail.assignee, detail.organisation, detail.followUpOfNumber)
            (watchers, attachments, threadCount) = (detail.watchers, detail.attachments, open.thread.count)
            (self.viewer, self.width, self.now, self.language) = (viewer, width, now, language)
        }
    }

    /// Which thread a layout belongs to; `==` on the thread itself settles the rest, and costs
    /// nothing while the state keeps the same array.
    fileprivate struct ThreadKey: Equatable {
        var ticketID: TicketID, count: Int, viewer: Viewer, width: Int, language: Language
        /// Mailed messages' quotes and which are unfolded: a fold or unfold lays out again.
        var quotes: QuoteFolds

        init(open: OpenTicketState, viewer: Viewer, width: Int, language: Language) {
            (ticketID, count, self.viewer, self.width, self.language) = (open.detail.ticket.id, open.thread.count, viewer, width, language)
            quotes = QuoteFolds(open)
        }

        func sameTicketAndWidth(as other: ThreadKey) -> Bool {
            ticketID == other.ticketID && viewer == other.viewer && width == other.width && language == other.language
        }
    }

    /// One thread at one width: the height of every message (estimated until laid out) and the
    /// lines of the messages laid out.
    private final class ThreadLayout {
        let key: ThreadKey
        var thread: [ThreadLine]
        /// Authors' names; replaced by each frame's detail (the same thread, maybe newer names
        /// are not worth a re-layout).
        var detail: TicketDetail
        let width: Int
        let didLayOut: () -> Void
        private(set) var heights: [Int]
        /// Whether `heights[i]` is exact (message `i` was laid out once).
        private var exact: [Bool]
        private(set) var total: Int
        private var lines: [Int: [StyledLine]] = [:]

        init(key: ThreadKey, thread: [ThreadLine], detail: TicketDetail, width: Int, known: [MessageID: Int], didLayOut: @escaping () -> Void) {
            self.key = key
            self.thread = thread
            self.detail = detail
            self.width = width
            self.didLayOut = didLayOut
            // A ticket just opened knows no heights, and only a message without its body can be
            // unread: the lookups are skipped where they cannot answer (20,000 of each, else).
            let unreadLengths = UnreadBodyLengths(detail.unloadedBodies)
            // By position: mapping the lines would copy each one (and retain what it holds).
            heights = thread.indices.map { index in
                let id = thread[index].message.id
                if !known.isEmpty, let height = known[id] { return height }
                let unread = thread[index].message.body.isEmpty && thread[index].message.kind != .systemEvent
                return Self.estimate(thread[index], width: width, unloadedLength: unread ? unreadLengths[id] : nil)
            }
            exact = known.isEmpty ? [Bool](repeating: false, count: thread.count) : thread.map { known[$0.message.id] != nil }
            total = heights.reduce(0, +)
            if thread.count <= DetailLayout.layOutWholeUpTo {
                for index in thread.indices { layOut(index) }
            }
        }

        /// A message's height without laying it out: a header line and its bytes spread over
        /// the body's width (exact for one short line, close for prose).
        static func estimate(_ line: ThreadLine, width: Int, unloadedLength: Int? = nil) -> Int {
            if line.message.kind == .systemEvent { return 1 }
            let indent = 2 * min(line.depth, ThreadPrefix.indentLimit) + 2
            let bodyWidth = max(4, max(10, width) - indent)
            let length = unloadedLength ?? line.message.body.utf8.count
            return 1 + max(1, (length + bodyWidth - 1) / bodyWidth)
        }

        /// Messages asked for by the last `window` whose bodies are not read yet.
        private(set) var missingBodies: [MessageID] = []

        /// A message whose body is not read yet: its header, then blank lines of its estimated
        /// height. Neither kept nor counted as laid out: the body replaces it.
        private func placeholder(_ index: Int) -> [StyledLine] {
            missingBodies.append(thread[index].message.id)
            let header = DetailLines.message(thread[index], detail: detail, role: key.viewer.role, width: width, language: key.language).prefix(1)
            return Array(header) + Array(repeating: StyledLine([]), count: max(0, heights[index] - header.count))
        }

        /// The lines of message `index`, laid out now if they are not kept.
        @discardableResult
        func layOut(_ index: Int) -> [StyledLine] {
            if let kept = lines[index] { return kept }
            if detail.unloadedBodies[thread[index].message.id] != nil { return placeholder(index) }
            if lines.count >= DetailLayout.keptMessages { lines.removeAll(keepingCapacity: true) }
            let laidOut = DetailLines.message(
                thread[index], detail: detail, role: key.viewer.role, width: width, language: key.language,
                quote: key.quotes.fold(of: thread[index].message.id))
            didLayOut()
            lines[index] = laidOut
            total += laidOut.count - heights[index]
            heights[index] = laidOut.count
            exact[index] = true
            return laidOut
        }

        /// Exact heights by message, for the next layout of the same ticket.
        func knownHeights() -> [MessageID: Int] {
            var known: [MessageID: Int] = [:]
            for index in thread.indices where exact[index] { known[thread[index].message.id] = heights[index] }
            return known
        }

        /// The message holding line `line` of the history (lines counted from the first
        /// message) and the line where that message starts.
        func message(atHistoryLine line: Int) -> (index: Int, start: Int) {
            var start = 0
            for index in heights.indices {
                if line < start + heights[index] { return (index, start) }
                start += heights[index]
            }
            return (heights.count, start)
        }

        func window(header: [StyledLine], scroll: Int, height: Int) -> DetailWindow {
            missingBodies = []
            let margin = height
            let top = header.count
            var first: Int
            if scroll + height >= top + total {
                // At or past the end: lay out the last screen and a margin from the bottom up.
                var covered = 0
                var index = thread.count - 1
                while index >= 0, covered < height + margin {
                    covered += layOut(index).count
                    index -= 1
                }
                first = max(0, top + total - height)
            } else {
                let anchor = message(atHistoryLine: max(0, scroll - top))
                // A screen above: what it adds or loses moves the top line with it.
                var shift = 0
                var above = max(0, scroll - top - anchor.start)
                var index = anchor.index - 1
                while index >= 0, above < margin {
                    let estimated = heights[index]
                    above += layOut(index).count
                    shift += heights[index] - estimated
                    index -= 1
                }
                first = scroll + shift
                // The screen itself and a screen below.
                var start = top + anchor.start + shift
                index = anchor.index
                while index < thread.count, start < first + height + margin {
                    start += layOut(index).count
                    index += 1
                }
                // Laid out, the end may have come nearer than the estimate said.
                first = min(first, max(0, top + total - height))
            }
            let shown = lines(from: first, count: height, header: header)
            return DetailWindow(lines: shown, firstLine: first, contentHeight: top + total, missingBodies: missingBodies)
        }

        /// `count` lines from line `first` of the whole (header, then history).
        private func lines(from first: Int, count: Int, header: [StyledLine]) -> [StyledLine] {
            var result: [StyledLine] = []
            var line = first
            while line < header.count, result.count < count {
                result.append(header[line])
                line += 1
            }
            guard result.count < count else { return result }
            var (index, start) = message(atHistoryLine: line - header.count)
            var offset = line - header.count - start
            while index < thread.count, result.count < count {
                let message = layOut(index)
                if offset < message.count { result += message[offset...].prefix(count - result.count) }
                offset = max(0, offset - message.count)
                index += 1
            }
            return result
        }
    }
}
