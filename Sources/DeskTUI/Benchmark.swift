import DeskModel
import Foundation

/// Drives the real client headless (store, reducer, runtime, renderer and the curses adapter
/// writing to a byte-counting file through `newterm`) and measures each interaction from the
/// action to the finished frame.
public enum Benchmark {
    public struct Interaction: Codable, Equatable, Sendable {
        public var name: String
        public var samples: Int
        public var p50Milliseconds: Double
        public var p99Milliseconds: Double
        public var maxMilliseconds: Double
        /// Median bytes written to the terminal per sample.
        public var bytesP50: Int
        public var bytesMax: Int
    }

    public struct Report: Codable, Equatable, Sendable {
        public var columns: Int
        public var rows: Int
        public var tickets: Int
        public var interactions: [Interaction]
    }

    public struct Results: Codable, Equatable, Sendable {
        /// The desk measured: its path, or its address without the password.
        public var database: String
        public var reports: [Report]
        /// Peak resident memory of the whole run, in kilobytes.
        public var peakResidentKilobytes: Int
    }

    public struct Settings: Sendable {
        public var address: DeskAddress
        public var handle: String
        public var sizes: [TerminalSize]
        public var repetitions: Int
        public var longTicket: Int64?
        /// A ticket of thousands of messages (`demo --long-thread`); default: the one the
        /// generator recorded, if any.
        public var longChainTicket: Int64?
        public var commonWord: String
        public var rareWord: String
        /// Measure only interactions whose name contains this (for profiling one of them).
        public var only: String?

        public init(address: DeskAddress, handle: String, sizes: [TerminalSize], repetitions: Int = 50, longTicket: Int64? = nil,
                    commonWord: String = "sync", rareWord: String = BulkDesk.rareWord) {
            self.address = address
            self.handle = handle
            self.sizes = sizes
            self.repetitions = repetitions
            self.longTicket = longTicket
            self.commonWord = commonWord
            self.rareWord = rareWord
        }

        func includes(_ name: String) -> Bool { only.map { name.contains($0) } ?? true }
    }

    public static func run(_ settings: Settings) throws(DeskError) -> Results {
        // As the client does (`DeskApp.run`).
        MemoryTuning.keepFreedMemory()
        var reports: [Report] = []
        for size in settings.sizes {
            reports.append(try keepingUserSettings(settings) { () throws(DeskError) in try measure(settings, size: size) })
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Results(database: settings.address.description, reports: reports, peakResidentKilobytes: Int(usage.ru_maxrss))
    }

    /// Runs `body` and puts back the view and order the user's client opens with: the client
    /// saves the ones it is left in, and the benchmark switches both, so without this every
    /// run (and the second size) would start where the previous one stopped. A setting never
    /// chosen cannot be stored as unset again: it is stored as the default it stood for.
    private static func keepingUserSettings<T>(_ settings: Settings, _ body: () throws(DeskError) -> T) throws(DeskError) -> T {
        let store = try Desk.open(settings.address)
        let viewer = try store.viewer(handle: settings.handle)
        let saved = try store.userSettings(viewer: viewer)
        let value = try body()
        if try store.userSettings(viewer: viewer) != saved {
            let defaults = DeskState(deskName: "", viewer: viewer, size: TerminalSize(columns: 80, rows: 24))
            var restored = saved
            restored.view = saved.view ?? defaults.view.rawValue
            restored.sort = saved.sort ?? defaults.order.key
            restored.oldestFirst = saved.oldestFirst ?? defaults.order.reversed
            try store.saveUserSettings(restored, viewer: viewer)
        }
        return value
    }

    /// A client session on a file instead of a terminal.
    private final class Session {
        let terminal: CursesTerminal
        let output: UnsafeMutablePointer<FILE>
        let input: UnsafeMutablePointer<FILE>
        let engine: DeskEngine
        let store: any DeskStore
        var viewer: Viewer? { engine.state.viewer }

        init(_ settings: Settings, size: TerminalSize) throws(DeskError) {
            guard let output = tmpfile(), let input = fopen("/dev/null", "r") else { throw .invalidInput("Cannot open a benchmark sink") }
            self.output = output
            self.input = input
            store = try Desk.open(settings.address)
            let viewer = try store.viewer(handle: settings.handle)
            _ = try store.autoCloseIdleTickets()
            terminal = try CursesTerminal(term: "xterm-256color", output: output, input: input, theme: .standard, useColor: true)
            terminal.resize(to: size)
            engine = DeskEngine(
                state: DeskState(deskName: try store.settings().name, viewer: viewer, size: size),
                runtime: DeskRuntime(store: store, viewer: viewer))
        }

        func frame() {
            Frame.draw(engine: engine, terminal: terminal, keymap: .standard, restricted: false)
        }

        /// Sends actions, draws the frame, and returns the time and bytes it took.
        func step(_ actions: [DeskAction]) -> (seconds: Double, bytes: Int) {
            // A person pauses between keys: what waited for the last screen has run by then.
            if !actions.isEmpty, engine.runIdleWork() { frame() }
            let before = terminal.bytesWritten(to: output)
            let start = DispatchTime.now().uptimeNanoseconds
            for action in actions { engine.send(action) }
            // No actions: the work that waited for the last screen (as the client does when idle).
            if actions.isEmpty { engine.runIdleWork() }
            frame()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            return (elapsed, terminal.bytesWritten(to: output) - before)
        }

        func close() {
            terminal.restore()
            fclose(output)
            fclose(input)
        }
    }

    private static func measure(_ settings: Settings, size: TerminalSize) throws(DeskError) -> Report {
        var interactions: [Interaction] = []
        let n = max(1, settings.repetitions)

        // Cold start: open the desk, first page and counts, first full frame.
        var coldSamples: [(Double, Int)] = []
        for _ in 0..<max(3, n / 10) {
            let start = DispatchTime.now().uptimeNanoseconds
            let session = try Session(settings, size: size)
            session.engine.send(.clockTicked(Date()))
            session.engine.send(.started)
            session.frame()
            // The counts follow the first frame (`waitsForIdle`): a full frame has them.
            if session.engine.runIdleWork() { session.frame() }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            coldSamples.append((elapsed, session.terminal.bytesWritten(to: session.output)))
            session.close()
        }
        interactions.append(summarize("cold start to first frame", coldSamples))

        let session = try Session(settings, size: size)
        defer { session.close() }
        session.engine.send(.clockTicked(Date()))
        session.engine.send(.started)
        session.engine.send(.viewSelected(.all))
        session.engine.runIdleWork()
        session.frame()
        let tickets = session.engine.state.counts[.all] ?? 0

        /// Measures `actions` `times` times; `prepare` runs (and draws) before each sample, untimed.
        func repeatStep(_ name: String, times: Int, prepare: () -> [DeskAction] = { [] }, _ actions: () -> [DeskAction]) {
            guard settings.includes(name) else { return }
            var samples: [(Double, Int)] = []
            for _ in 0..<times {
                let setup = prepare()
                if !setup.isEmpty { _ = session.step(setup) }
                let result = session.step(actions())
                samples.append((result.seconds, result.bytes))
            }
            interactions.append(summarize(name, samples))
        }

        // Alternate down and up so the selection stays in the loaded window most of the time,
        // and crosses into new pages now and then as it would in use.
        var down = true
        var count = 0
        repeatStep("move one row (j)", times: n * 4) {
            count += 1
            if count % 40 == 0 { down.toggle() }
            return [.selectionMoved(by: down ? 1 : -1)]
        }
        var pageDown = true
        var pages = 0
        repeatStep("page down", times: n) {
            pages += 1
            if pages % 20 == 0 { pageDown.toggle() }
            return [.pageMoved(by: pageDown ? 1 : -1)]
        }
        var atEnd = false
        repeatStep("jump to end (G) and back (g)", times: n / 2) {
            atEnd.toggle()
            return [atEnd ? .jumpedToBottom : .jumpedToTop]
        }
        // Each sample comes from another view, so every frame redraws the list.
        for view in CaseView.allCases {
            repeatStep("switch to \(view.title)", times: max(5, n / 5), prepare: { [.viewSelected(view == .all ? .open : .all)] }) {
                [.viewSelected(view)]
            }
        }
        session.engine.send(.viewSelected(.all))
        repeatStep("change sort (s)", times: max(6, n / 5)) { [.sortCycled] }

        // Service levels (#13): the due-soon order on All open and on Active, from another order
        // each time, and the agent's breach counts (all open tickets, and their own).
        for view in [CaseView.open, .active] {
            repeatStep("due-soon sort (\(view.title))", times: max(10, n / 5), prepare: {
                [.viewSelected(view), .sortChosen(.created)]
            }) { [.sortChosen(.due)] }
        }
        session.engine.send(.sortChosen(.created))
        session.engine.send(.viewSelected(.all))
        if let viewer = session.viewer {
            for mine in [false, true] {
                let name = mine ? "breach counts (mine)" : "breach counts (all)"
                guard settings.includes(name) else { continue }
                var samples: [(Double, Int)] = []
                for _ in 0..<max(10, n) {
                    let start = DispatchTime.now().uptimeNanoseconds
                    _ = try? session.store.dueCounts(viewer: viewer, mine: mine, soon: 3600)
                    samples.append((Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, 0))
                }
                interactions.append(summarize(name, samples))
            }
            interactions += measureReports(session.store, viewer: viewer, settings: settings, times: max(5, n / 10))
        }

        // `#`, the digits and Enter, to tickets spread over the desk (most are short).
        var target = 0
        repeatStep("jump to a number (#N Enter)", times: max(10, n / 5), prepare: { [.backRequested] }) {
            target = (target + 7_919) % max(1, tickets)
            return [.jumpStarted] + String(target + 1).map { .jumpInput(.insert(String($0))) } + [.jumpSubmitted]
        }

        /// Opening a ticket from a cold layout, scrolling its history, and (once) typing in
        /// the composer beside it. The name carries the thread's length as the viewer sees it.
        func measureOpening(_ number: Int64, label: String, scrollAndType: Bool) {
            session.engine.send(.ticketRequested(number: number))
            let messages = session.engine.state.openTicket?.thread.count ?? 0
            session.engine.send(.backRequested)
            let name = "open \(label) (\(messages) messages)"
            repeatStep(name, times: max(5, n / 5), prepare: {
                // From cold: no layout kept from the previous sample. What waited for the last
                // screen runs and draws first: drawn after the clearing, that frame laid the
                // ticket out again and the timed opening compared its thread line by line.
                if session.engine.runIdleWork() { session.frame() }
                DetailLayout.clearCache()
                return [.backRequested]
            }) { [.ticketRequested(number: number)] }
            session.engine.send(.ticketRequested(number: number))
            session.frame()
            var scrollDown = true
            var scrolls = 0
            repeatStep("scroll \(label) (\(messages) messages)", times: n * 2) {
                scrolls += 1
                if scrolls % 60 == 0 { scrollDown.toggle() }
                return [.selectionMoved(by: scrollDown ? 1 : -1)]
            }
            repeatStep("jump to the end of \(label) (G) and back (g)", times: max(6, n / 5)) {
                scrolls += 1
                return [scrolls.isMultiple(of: 2) ? .jumpedToBottom : .jumpedToTop]
            }
            if scrollAndType {
                // A new ticket's description: any ticket can be the one on screen, closed or not.
                session.engine.send(.composerOpened(.newTicket))
                // To the description, however many fields this viewer's form has (an Account
                // field shows only for people with several accounts).
                for _ in ComposerField.allCases where session.engine.state.composer?.field != .body {
                    session.engine.send(.composerFieldMoved(forward: true))
                }
                repeatStep("type a character in the composer", times: n * 2) { [.composerInput(.insert("a"))] }
                // A bracketed paste of 100 KB into the emptied description: one edit, one draft save.
                let pasted = String(repeating: "Pasted line of a long log: lorem ipsum dolor sit amet\n", count: 100_000 / 54)
                repeatStep("paste 100 KB", times: max(5, n / 5), prepare: { [.composerBodyReplaced("")] }) { [.textPasted(pasted)] }
                session.engine.send(.composerBodyReplaced(""))
                session.engine.send(.composerClosed)
            }
            session.engine.send(.backRequested)
        }

        if let number = settings.longTicket ?? session.store.longestThreadTicket() {
            measureOpening(number, label: "the longest ticket", scrollAndType: true)
        }
        if let number = settings.longChainTicket ?? session.store.longThreadTicket() {
            measureOpening(number, label: "the long chain", scrollAndType: false)
        }
        for (label, word) in [("common", settings.commonWord), ("rare", settings.rareWord)] {
            repeatStep("search a \(label) word (\(word))", times: max(5, n / 5), prepare: { [.searchClosed] }) {
                [.searchStarted, .searchQueryChanged(word)]
            }
            // The lines of matching text under the results, read once the results are on screen.
            repeatStep("snippets for a \(label) word (\(word))", times: max(5, n / 5), prepare: {
                [.searchClosed, .searchStarted, .searchQueryChanged(word)]
            }) { [] }
        }
        // Conditions in the client's search: alone (read through the list indexes, most recently
        // updated first) and with a word.
        for query in [Self.filterQuery, "\(settings.commonWord) status:open"] {
            repeatStep("apply a filter (\(query))", times: max(5, n / 5), prepare: { [.searchClosed] }) {
                [.searchStarted, .searchQueryChanged(query)]
            }
        }
        session.engine.send(.searchClosed)
        if settings.includes("tag") || settings.includes("bulk") {
            interactions += try measureTagAndBulkAssign(session, settings: settings, repetitions: n)
        }
        return Report(columns: size.columns, rows: size.rows, tickets: tickets, interactions: interactions)
    }

    /// The filter the benchmark applies: the conditions a triaging agent types first.
    static let filterQuery = "status:open urgency:>=serious updated:<30d"
    /// `T` on All (1,000 tickets tagged), then `A`-style bulk assignment of them with its one
    /// question and the batches the client's loop runs between frames. This writes: the 1,000
    /// oldest tickets end assigned to the benchmark's user, each with four more events a run.
    /// Oldest first, so that every run writes the same tickets and never the ones it opens
    /// (the long chain is the newest ticket: in newest-first order it grew by four a run).
    private static func measureTagAndBulkAssign(_ session: Session, settings: Settings, repetitions n: Int) throws(DeskError) -> [Interaction] {
        let engine = session.engine
        engine.send(.viewSelected(.all))
        engine.send(.sortChosen(.created))
        if engine.state.order.isDescending { engine.send(.orderFlipped) }
        engine.send(.closeRequested) // no tags left from before
        session.frame()
        let tagName = "tag \(FieldLimits.grouped(BulkLimits.tagAllLimit)) tickets (T)"
        var tagging: [(Double, Int)] = []
        for _ in 0..<max(5, n / 5) {
            tagging.append(session.step([.tagAllRequested]))
            _ = session.step([.closeRequested])
        }
        let me = engine.state.viewer.user.handle
        guard let other = try session.store.users().first(where: { $0.role.isStaff && $0.handle != me })?.handle else {
            return [summarize(tagName, tagging)]
        }
        var whole: [(Double, Int)] = []
        var batches: [(Double, Int)] = []
        // To another agent and back, so every run changes every ticket.
        for handle in [other, me, other, me] {
            _ = session.step([.tagAllRequested])
            var total = session.step([.assignRequested(handle: handle), .confirmationAnswered(yes: true)])
            while engine.state.bulk != nil {
                let batch = session.step([.bulkContinued])
                batches.append(batch)
                total = (total.seconds + batch.seconds, total.bytes + batch.bytes)
            }
            whole.append(total)
        }
        return [
            summarize(tagName, tagging),
            summarize("bulk assign \(FieldLimits.grouped(BulkLimits.tagAllLimit)) tagged tickets (question to summary)", whole),
            summarize("bulk assign: one batch of \(BulkLimits.batchSize) and its progress frame", batches),
        ]
    }

    static func summarize(_ name: String, _ samples: [(seconds: Double, bytes: Int)]) -> Interaction {
        let times = samples.map(\.seconds).sorted()
        let bytes = samples.map(\.bytes).sorted()
        func percentile(_ values: [Double], _ p: Double) -> Double {
            guard !values.isEmpty else { return 0 }
            return values[min(values.count - 1, Int((Double(values.count) * p).rounded(.up)) - 1)]
        }
        return Interaction(
            name: name, samples: samples.count,
            p50Milliseconds: percentile(times, 0.5) * 1000, p99Milliseconds: percentile(times, 0.99) * 1000,
            maxMilliseconds: (times.last ?? 0) * 1000,
            bytesP50: bytes.isEmpty ? 0 : bytes[bytes.count / 2], bytesMax: bytes.last ?? 0)
    }
}
