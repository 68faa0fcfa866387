import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// The probe that asks whether a lost desk answers again (`DeskEffect.checkDeskReachable`) can
/// wait for a whole connect timeout (a host that never answers): it runs off the loop, which
/// keeps handling keys, and its answer comes back as an action.
final class BackgroundProbeTests: XCTestCase {
    /// A desk whose server goes away: while `cut`, everything fails at once as after a lost
    /// connection; once also `silent`, the change token (what the probe asks) waits as a connect
    /// to a host that never answers does, until `reconnect()` or 20 s.
    final class SilentServerStorage: DeskStorage, @unchecked Sendable {
        let inner: any DeskStorage
        private let lock = NSLock()
        private var isCut = false
        private var isSilent = false
        private var waiting = 0
        private let answer = DispatchSemaphore(value: 0)

        init(_ inner: any DeskStorage) { self.inner = inner }

        var location: String { inner.location }
        var cut: Bool {
            get { lock.withLock { isCut } }
            set { lock.withLock { isCut = newValue } }
        }
        var silent: Bool {
            get { lock.withLock { isSilent } }
            set { lock.withLock { isSilent = newValue } }
        }
        /// Probes waiting for the silent server now.
        var probesWaiting: Int { lock.withLock { waiting } }

        func reconnect() {
            cut = false
            silent = false
            for _ in 0..<probesWaiting { answer.signal() }
        }

        private var lost: DeskError { .deskUnreachable(location: location, reason: "timeout expired") }

        func writeRows<T>(_ options: StorageWrite, _ body: (any DeskRows) throws -> T) throws(DeskError) -> T {
            guard !cut else { throw lost }
            return try inner.writeRows(options, body)
        }

        func readRows<T>(_ body: (any DeskRows) throws -> T) throws(DeskError) -> T {
            guard !cut else { throw lost }
            return try inner.readRows(body)
        }

        func changeToken() throws(DeskError) -> Int64 {
            if silent {
                lock.withLock { waiting += 1 }
                _ = answer.wait(timeout: .now() + 20)
                lock.withLock { waiting -= 1 }
            }
            guard !cut else { throw lost }
            return try inner.changeToken()
        }
    }

    /// A terminal that plays steps: input, an idle wake-up, something done between two waits,
    /// or idle wake-ups until a condition holds (at most 5 s); then Ctrl-C.
    final class SteppedTerminal: TerminalDevice {
        enum Step {
            case input(InputEvent)
            case act(() -> Void)
            case idleUntil((SteppedTerminal) -> Bool)
        }

        let size = TerminalSize(columns: 80, rows: 24)
        private var steps: [Step]
        private var waitingSince: Date?
        private(set) var frames: [String] = []

        init(_ steps: [Step]) { self.steps = steps }

        func draw(_ grid: Grid) { frames.append(grid.text) }
        func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
            guard timeoutMilliseconds > 0 else { return nil }
            while let step = steps.first {
                switch step {
                case .input(let event):
                    steps.removeFirst()
                    return event
                case .act(let work):
                    steps.removeFirst()
                    work()
                case .idleUntil(let done):
                    let since = waitingSince ?? Date()
                    if done(self) || Date().timeIntervalSince(since) > 5 {
                        waitingSince = nil
                        steps.removeFirst()
                        continue
                    }
                    waitingSince = since
                    usleep(10_000)
                    return nil
                }
            }
            return .key(.control("c"))
        }
        func suspend() {}
        func resume() {}
        func restore() {}
    }

    func testKeysAreHandledWhileTheProbeWaitsAndItsAnswerComesBackAsAnAction() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let seed = try Desk.open(address: directory.appendingPathComponent("desk.sqlite").path, create: true)
        _ = try seed.addUser(NewUser(handle: "bob", name: "Bob Agent", email: "bob@desk.example", role: .agent))
        let agent = try seed.viewer(handle: "bob")
        _ = try seed.createTicket(NewTicket(subject: "Printer jams", description: "Jams.", kind: .question), by: agent, allowDuplicate: true)
        guard let desk = seed as? Desk else { return XCTFail("Desk.open gives a Desk") }
        let storage = SilentServerStorage(desk.storage)
        addTeardownBlock { storage.reconnect() }
        let store = Desk(storage: storage)

        // Each look at the clock is a second later: every idle wake-up is a clock tick.
        let seconds = Counter()
        let clock = DeskClock { Date(timeIntervalSince1970: 1_800_000_000 + Double(seconds.next())) }
        var helpShownWhileProbeWaits = false
        let terminal = SteppedTerminal([
            .act { storage.cut = true },
            // Opening the ticket finds the desk gone.
            .input(.key(.character("5"))),
            .input(.key(.enter)),
            // The next tick's probe waits on a server that no longer answers at all.
            .act { storage.silent = true },
            .idleUntil { _ in storage.probesWaiting == 1 },
            .input(.key(.character("?"))),
            .idleUntil { $0.frames.last?.contains(UIStrings.helpTitle(.english)) == true },
            .act { helpShownWhileProbeWaits = storage.probesWaiting == 1 },
            .input(.key(.escape)),
            .act { storage.reconnect() },
            .idleUntil { $0.frames.last?.contains(Notices.reconnected.englishText) == true },
        ])
        let engine = DeskEngine(state: DeskState(deskName: "Test", viewer: agent, size: terminal.size), runtime: DeskRuntime(store: store, viewer: agent, clock: clock))
        let app = DeskApp(engine: engine, terminal: terminal, options: DeskApp.Options(), clock: clock)

        let began = Date()
        _ = app.run()
        XCTAssertLessThan(Date().timeIntervalSince(began), 5, "the loop never waited for the probe")
        XCTAssertTrue(terminal.frames.contains { $0.contains("Lost the connection to the desk") })
        XCTAssertTrue(helpShownWhileProbeWaits, "a key was handled and drawn while the probe waited")
        XCTAssertTrue(terminal.frames.last?.contains(Notices.reconnected.englishText) == true, terminal.frames.last ?? "")
        XCTAssertFalse(engine.state.deskUnreachable)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.withLock { defer { value += 1 }; return value } }
    }
}
