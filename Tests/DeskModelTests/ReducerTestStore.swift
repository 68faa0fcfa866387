import Foundation
import XCTest

@testable import DeskModel

/// An exhaustive test harness for `DeskReducer`, in the spirit of TCA's `TestStore`.
///
/// - `send(action) { expected change }` reduces one action and asserts that the WHOLE new
///   state equals the old state with the change applied; a mismatch prints the differing
///   fields (one level into nested structs) with expected and actual values.
/// - Every effect the reducer returns must be asserted with `expectEffects([...])` before the
///   next `send`/`receive` and before the store goes away, so an unexpected effect cannot
///   slip through a test.
/// - `receive(action) { expected change }` feeds an effect's result back. In live mode
///   (`ReducerTestStore(state:runtime:)`), `run(effect)` executes an asserted effect through
///   a real `DeskRuntime` and queues the actions it produced; `receive` then also asserts that
///   the next queued action is the one given, and every queued action must be received.
final class ReducerTestStore {
    private(set) var state: DeskState
    let runtime: DeskRuntime?

    /// Effects returned by the last reduce and not yet asserted.
    private var uncheckedEffects: [DeskEffect] = []
    /// Effects asserted and not yet run (only these can be `run`; a test need not run them all).
    private var runnableEffects: [DeskEffect] = []
    /// Actions produced by `run` and not yet received.
    private(set) var receivedActions: [DeskAction] = []

    private let file: StaticString
    private let line: UInt

    /// Where failures go: `XCTFail`, or a recorder when the harness tests itself.
    var reportFailure: (String, StaticString, UInt) -> Void = { message, file, line in
        XCTFail(message, file: file, line: line)
    }

    init(state: DeskState, runtime: DeskRuntime? = nil, file: StaticString = #filePath, line: UInt = #line) {
        self.state = state
        self.runtime = runtime
        self.file = file
        self.line = line
    }

    deinit {
        finish(file: file, line: line)
    }

    // MARK: - Actions

    /// Sends a user or system event and asserts the whole resulting state.
    func send(
        _ action: DeskAction, file: StaticString = #filePath, line: UInt = #line,
        _ expectedChange: (inout DeskState) -> Void = { _ in }
    ) {
        if !receivedActions.isEmpty {
            reportFailure(
                "Must receive \(receivedActions.count) action(s) produced by effects before sending \(Self.describe(action)):\n"
                    + receivedActions.map { "  " + Self.describe($0) }.joined(separator: "\n"),
                file, line)
        }
        reduce(action, verb: "sending", file: file, line: line, expectedChange)
    }

    /// Feeds an effect's result back. In live mode the action must be the next one the run
    /// effects produced.
    func receive(
        _ action: DeskAction, file: StaticString = #filePath, line: UInt = #line,
        _ expectedChange: (inout DeskState) -> Void = { _ in }
    ) {
        if let next = receivedActions.first {
            if next != action {
                reportFailure(
                    "Received action differs from expected:\n  expected: \(Self.describe(action))\n  received: \(Self.describe(next))",
                    file, line)
            }
            receivedActions.removeFirst()
        }
        // With nothing queued the action is fed as is: a pure test states the effect's result.
        reduce(action, verb: "receiving", file: file, line: line, expectedChange)
    }

    /// Asserts the effects the last action returned, in order, and marks them checked.
    func expectEffects(_ expected: [DeskEffect], file: StaticString = #filePath, line: UInt = #line) {
        if uncheckedEffects != expected {
            reportFailure(
                "Effects differ from expected:\n  expected:\n"
                    + Self.list(expected.map(Self.describe)) + "\n  actual:\n"
                    + Self.list(uncheckedEffects.map(Self.describe)),
                file, line)
        }
        runnableEffects += uncheckedEffects
        uncheckedEffects = []
    }

    /// Shorthand for an action that must produce no effect.
    func expectNoEffects(file: StaticString = #filePath, line: UInt = #line) {
        expectEffects([], file: file, line: line)
    }

    // MARK: - Live mode

    /// Executes an asserted effect through the runtime; the actions it produced must then be
    /// received in order. Returns them for inspection.
    @discardableResult
    func run(_ effect: DeskEffect, file: StaticString = #filePath, line: UInt = #line) -> [DeskAction] {
        guard let runtime else {
            reportFailure("run(_:) needs a store created with a runtime", file, line)
            return []
        }
        guard let index = runnableEffects.firstIndex(of: effect) else {
            reportFailure(
                "Can only run an effect the reducer returned and the test asserted; \(Self.describe(effect)) is not among:\n"
                    + Self.list(runnableEffects.map(Self.describe)),
                file, line)
            return []
        }
        runnableEffects.remove(at: index)
        let actions = runtime.perform(effect)
        receivedActions += actions
        return actions
    }

    /// Fails if effects were produced and not asserted, or run effects' results not received.
    func finish(file: StaticString = #filePath, line: UInt = #line) {
        if !uncheckedEffects.isEmpty {
            reportFailure(
                "\(uncheckedEffects.count) effect(s) produced and never asserted:\n"
                    + Self.list(uncheckedEffects.map(Self.describe)),
                file, line)
            uncheckedEffects = []
        }
        if !receivedActions.isEmpty {
            reportFailure(
                "\(receivedActions.count) action(s) produced by run effects and never received:\n"
                    + Self.list(receivedActions.map(Self.describe)),
                file, line)
            receivedActions = []
        }
    }

    // MARK: - Reducing

    private func reduce(
        _ action: DeskAction, verb: String, file: StaticString, line: UInt,
        _ expectedChange: (inout DeskState) -> Void
    ) {
        if !uncheckedEffects.isEmpty {
            reportFailure(
                "Assert the \(uncheckedEffects.count) effect(s) of the previous action before \(verb) \(Self.describe(action)):\n"
                    + Self.list(uncheckedEffects.map(Self.describe)),
                file, line)
            uncheckedEffects = []
        }
        var expected = state
        expectedChange(&expected)
        var actual = state
        let effects = DeskReducer.reduce(into: &actual, action)
        if actual != expected {
            let diff = StateDiff.lines(expected: expected, actual: actual)
            reportFailure(
                "State after \(verb) \(Self.describe(action)) differs from expected (- expected, + actual):\n"
                    + diff.joined(separator: "\n"),
                file, line)
        }
        state = actual
        uncheckedEffects = effects
    }

    // MARK: - Descriptions

    static func list(_ lines: [String]) -> String {
        lines.isEmpty ? "    (none)" : lines.map { "    " + $0 }.joined(separator: "\n")
    }

    /// Actions and effects with their page rows shown as ticket numbers.
    static func describe(_ action: DeskAction) -> String {
        switch action {
        case .pageLoaded(let request, let page, let placement):
            return "pageLoaded(\(describe(request)), rows: \(numbers(page.rows)), hasMore: \(page.hasMore), \(placement))"
        case .searchResultsLoaded(let query, let results):
            return "searchResultsLoaded(query: \(query.debugDescription), \(numbers(results)))"
        case .ticketLoaded(let detail):
            return "ticketLoaded(#\(detail.ticket.number), \(detail.messages.count) messages)"
        default:
            return truncated(String(describing: action))
        }
    }

    static func describe(_ effect: DeskEffect) -> String {
        switch effect {
        case .loadPage(let request, let placement):
            return "loadPage(\(describe(request)), \(placement))"
        default:
            return truncated(String(describing: effect))
        }
    }

    static func describe(_ request: PageRequest) -> String {
        var parts = ["\(request.view)", request.order.label, "\(request.direction)", "limit \(request.limit)"]
        if let cursor = request.cursor { parts.append("cursor (\(cursor.sortValue), id \(cursor.ticketID))") }
        if request.inclusive { parts.append("inclusive") }
        return "[" + parts.joined(separator: ", ") + "]"
    }

    static func numbers(_ rows: [TicketSummary]) -> String {
        "[" + rows.map { "#\($0.number)" }.joined(separator: " ") + "]"
    }

    static func truncated(_ text: String, limit: Int = 400) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}

/// A readable difference of two values: the differing fields of `DeskState`, one level into
/// nested structs (so a list change names `list.scrollOffset`, not the whole list).
enum StateDiff {
    static func lines(expected: DeskState, actual: DeskState) -> [String] {
        var out: [String] = []
        compare(expected, actual, path: "state", depth: 0, into: &out)
        return out.isEmpty ? ["  (values differ but print the same)"] : out
    }

    private static func compare(_ expected: Any, _ actual: Any, path: String, depth: Int, into out: inout [String]) {
        let e = format(expected), a = format(actual)
        guard e != a else { return }
        let shortE = ReducerTestStore.truncated(e, limit: 600), shortA = ReducerTestStore.truncated(a, limit: 600)
        let left = Mirror(reflecting: expected), right = Mirror(reflecting: actual)
        if depth < 2, left.displayStyle == .struct, right.displayStyle == .struct,
            !left.children.isEmpty, left.children.count == right.children.count
        {
            for (l, r) in zip(left.children, right.children) {
                compare(l.value, r.value, path: "\(path).\(l.label ?? "?")", depth: depth + 1, into: &out)
            }
            return
        }
        // Optionals holding structs: compare what they hold.
        if depth < 2, left.displayStyle == .optional, right.displayStyle == .optional,
            let l = left.children.first?.value, let r = right.children.first?.value
        {
            compare(l, r, path: path, depth: depth, into: &out)
            return
        }
        out.append("  \(path):\n    - \(shortE)\n    + \(shortA)")
    }

    /// Rows as ticket numbers, threads as message ids, the rest as Swift prints it.
    private static func format(_ value: Any) -> String {
        if let rows = value as? [TicketSummary] { return ReducerTestStore.numbers(rows) }
        if let lines = value as? [ThreadLine] {
            return "thread " + lines.map { "\($0.message.id)@\($0.depth)" }.joined(separator: " ")
        }
        if let detail = value as? TicketDetail {
            return "detail of #\(detail.ticket.number) (\(detail.ticket.status)), messages \(detail.messages.map(\.id))"
        }
        return String(describing: value)
    }
}

extension ReducerTestStore {
    /// A live store: effects run through a `DeskRuntime` over the fixture's temporary SQLite
    /// desk (opened with `create: true`), with the fixture's hand-moved clock, which stays
    /// fixed unless a test advances it.
    convenience init(state: DeskState, fixture: StoreFixture, file: StaticString = #filePath, line: UInt = #line) {
        let runtime = DeskRuntime(store: fixture.store, viewer: state.viewer, clock: fixture.clock.deskClock)
        self.init(state: state, runtime: runtime, file: file, line: line)
    }
}
