import DeskModel
import Foundation

/// Signals only set this; the loop reads it (principle 8). Written from a signal handler,
/// read by the one loop thread.
nonisolated(unsafe) private var pendingSignal: Int32 = 0

/// The full-screen client: keys -> actions -> reducer -> effects -> render, until quit.
public final class DeskApp {
    public struct Options: Sendable {
        /// SSH customers: no external editor, no shell, no files.
        public var restricted: Bool
        public var keymap: Keymap
        /// Shown on the bottom line at start (a config problem, an auto-close report).
        public var startMessage: StatusMessage?
        /// Whether `y` may write the terminal's clipboard (`OSC52.isEnabled`).
        public var copiesToClipboard: Bool

        public init(restricted: Bool = false, keymap: Keymap = .standard, startMessage: StatusMessage? = nil, copiesToClipboard: Bool = false) {
            self.restricted = restricted
            self.keymap = keymap
            self.startMessage = startMessage
            self.copiesToClipboard = copiesToClipboard
        }
    }

    private let engine: DeskEngine
    private let terminal: TerminalDevice
    private let options: Options
    private let clock: DeskClock
    private var changes: DeskChangeWatch?
    /// The screen must be drawn again even if the state did not change (Ctrl-L).
    private var repaintPending = false
    /// Drafts the desk did not take when the client ended: printed once the terminal is
    /// restored, so that text typed during an outage does not end with the process.
    private var draftsNotSaved: [Draft] = []

    public init(engine: DeskEngine, terminal: TerminalDevice, options: Options, clock: DeskClock = .system) {
        self.engine = engine
        self.terminal = terminal
        self.options = options
        self.clock = clock
    }

    /// Why the loop ended.
    public enum Exit: Equatable, Sendable {
        case quit
        case signal(Int32)
    }

    /// Runs until the user quits or a signal arrives; the terminal is restored on every path.
    public func run() -> Exit {
        MemoryTuning.keepFreedMemory()
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { pendingSignal = $0 }
        }
        defer {
            terminal.restore()
            for signalNumber in [SIGINT, SIGTERM, SIGHUP] { signal(signalNumber, SIG_DFL) }
            if !draftsNotSaved.isEmpty {
                FileHandle.standardError.write(Data(UnsavedDraftsReport.text(draftsNotSaved, language: engine.state.language).utf8))
            }
        }
        // A probe of an unreachable desk can wait for a connect timeout: never on this thread.
        engine.background = BackgroundEffects(runtime: engine.runtime)
        engine.send(.terminalResized(terminal.size))
        engine.send(.clockTicked(clock.now()))
        engine.send(.started)
        if let message = options.startMessage { engine.sendMessage(message) }
        let changes = DeskChangeWatch(store: engine.runtime.store)
        self.changes = changes
        var lastTick = Date()
        var drawn: DeskState?

        while true {
            if pendingSignal != 0 || engine.state.shouldQuit {
                // Drafts typed while the desk was busy are saved before the client ends.
                draftsNotSaved = engine.runtime.saveWaiting(engine.state.unsavedDrafts)
                engine.finishIdleWrites()
                return pendingSignal != 0 ? .signal(pendingSignal) : .quit
            }
            engine.receiveBackgroundResults()
            // Changes announced within the refresh floor of the last refresh are owed one now.
            if engine.state.bulk == nil, changes.owedRefreshIsDue() { engine.send(.deskChanged) }
            // Idle wake-ups that changed nothing draw nothing.
            if drawn != engine.state || repaintPending {
                redraw()
                drawn = engine.state
                repaintPending = false
            }
            // A bulk action runs a batch per frame: progress is drawn and keys still read. Work
            // that waited for the screen runs once no key is waiting.
            let bulkRunning = engine.state.bulk != nil
            let wait = bulkRunning || !engine.idleWork.isEmpty ? 0 : changes.waitMilliseconds(upTo: 250)
            guard let event = nextEvent(timeoutMilliseconds: wait, changes: changes) else {
                if bulkRunning { engine.send(.bulkContinued) } else if !engine.runIdleWork() { idle(&lastTick) }
                continue
            }
            handle(event)
            // A paste arrives as many keys at once: take them all before drawing again.
            while !engine.state.shouldQuit, pendingSignal == 0, let more = terminal.nextEvent(timeoutMilliseconds: 0) {
                handle(more)
            }
            if let attachment = engine.state.attachmentToOpen { open(attachment) }
        }
    }

    private func redraw() {
        Frame.draw(engine: engine, terminal: terminal, keymap: options.keymap, restricted: options.restricted)
    }

    /// While idle: follow the clock and pick up changes other processes made to the desk.
    private func idle(_ lastTick: inout Date) {
        if changes?.listensAgain() == true { engine.send(.deskChanged) }
        let now = clock.now()
        if now.timeIntervalSince(lastTick) >= 1 {
            lastTick = now
            engine.send(.clockTicked(now))
            followDeskChanges()
        }
    }

    /// Once a second while idle: `.deskChanged` when another process changed the desk, the
    /// failure when the desk cannot be reached. While it is unreachable the reducer asks at
    /// each clock tick instead (`DeskEffect.checkDeskReachable`), so the token is not read.
    private func followDeskChanges() {
        guard let changes, !engine.state.deskUnreachable else { return }
        do {
            if try changes.tick() { engine.send(.deskChanged) }
        } catch {
            engine.send(.failed(error))
        }
    }

    /// The next input within the time. While the loop waits, a change feed is watched too, and
    /// a change it announces refreshes at once. A bulk action or waiting work reads keys
    /// without waiting and leaves the feed for the next idle wait (as the token check does).
    private func nextEvent(timeoutMilliseconds: Int32, changes: DeskChangeWatch) -> InputEvent? {
        guard timeoutMilliseconds > 0, let descriptor = changes.descriptor else {
            return terminal.nextEvent(timeoutMilliseconds: timeoutMilliseconds)
        }
        switch terminal.nextEvent(timeoutMilliseconds: timeoutMilliseconds, alsoWatching: descriptor) {
        case .input(let event): return event
        case .watchedReadable:
            if changes.notified() { engine.send(.deskChanged) }
            return nil
        case .timedOut: return nil
        }
    }

    private func handle(_ event: InputEvent) {
        switch event {
        case .resize(let size):
            engine.send(.terminalResized(size))
        case .mouseWheel(let up):
            engine.send(MouseRouter.wheel(up: up))
        case .mouseClick(let x, let y):
            click(x: x, y: y)
        case .paste(let text):
            if engine.state.message != nil { engine.send(.messageDismissed) }
            engine.send(.textPasted(text))
        case .key(let key):
            if engine.state.message != nil { engine.send(.messageDismissed) }
            for outcome in KeyRouter.route(key, state: engine.state, keymap: options.keymap, size: engine.state.size, restricted: options.restricted) {
                switch outcome {
                case .action(let action):
                    engine.send(action)
                    // Ctrl-L (refresh) also repairs a screen something else wrote on.
                    if action == .refreshRequested {
                        terminal.repaint()
                        repaintPending = true
                    }
                case .openEditor: editInExternalEditor()
                case .copyToClipboard(let text): copy(text)
                }
            }
        }
    }

    private func copy(_ text: String) {
        guard options.copiesToClipboard else {
            engine.send(ClientRefusals.notAllowed(ClientRefusals.copyOffOverSSH))
            return
        }
        terminal.copyToClipboard(text)
        engine.send(.infoShown(UIStrings.copied(text)))
    }

    private func click(x: Int, y: Int) {
        for action in MouseRouter.click(x: x, y: y, state: engine.state) { engine.send(action) }
    }

    /// Ctrl-E: the draft goes to `$VISUAL` or `$EDITOR` in a private file and comes back.
    private func editInExternalEditor() {
        guard !options.restricted, let composer = engine.state.composer else { return }
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let directory = FileManager.default.temporaryDirectory
        let file = directory.appendingPathComponent("deskterm-draft-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt")
        guard FileManager.default.createFile(atPath: file.path, contents: Data(EditorFile.contents(for: composer.body).utf8), attributes: [.posixPermissions: 0o600]) else {
            engine.send(.errorShown(ClientRefusals.editorFileNotWritten))
            return
        }
        defer { try? FileManager.default.removeItem(at: file) }
        if let failure = ExternalProgram.run(editor, on: file.path, terminal: terminal) {
            engine.send(.errorShown(ClientRefusals.draftUnchanged(failure)))
            return
        }
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            engine.send(.errorShown(ClientRefusals.editorFileNotUTF8))
            return
        }
        engine.send(.composerBodyReplaced(EditorFile.body(from: text)))
    }

    /// The attachment the store asked to open (`DeskState.attachmentToOpen`): handed to a
    /// viewer program, never in a restricted session.
    private func open(_ attachment: Attachment) {
        guard !options.restricted else {
            engine.send(.attachmentOpenFinished(failure: DeskError.notAllowedPhrase(ClientRefusals.openingFiles)))
            return
        }
        do {
            let data = try engine.runtime.store.attachmentData(id: attachment.id, viewer: engine.runtime.viewer)
            engine.send(.attachmentOpenFinished(failure: AttachmentViewer.open(attachment, data: data, terminal: terminal)))
        } catch {
            engine.send(.attachmentOpenFinished(failure: error.phrase))
        }
        repaintPending = true
    }
}

extension DeskEngine {
    /// Puts a message on the bottom line through the reducer.
    func sendMessage(_ message: StatusMessage) {
        switch message.kind {
        case .error: send(.errorShown(message.phrase))
        case .info: send(.infoShown(message.phrase))
        }
    }
}

/// One frame: lay out the visible part of the open ticket and tell the store where it stands
/// (so scrolling stops at its end, and keeps its place while estimated heights turn exact),
/// then render the state and write what changed. The client and the benchmark share it.
public enum Frame {
    public static func draw(engine: DeskEngine, terminal: TerminalDevice, keymap: Keymap, restricted: Bool) {
        if let reveal = MessagePick.reveal(engine.state) { engine.send(reveal) }
        // Bodies near the screen are read before drawing (at most twice: a read can change
        // heights and so what is near), so a frame never shows a placeholder the store could fill.
        for _ in 0..<3 {
            guard let measured = measurement(engine.state) else { break }
            engine.send(measured)
            guard case .historyBodiesNeeded = measured else { break }
        }
        terminal.draw(Renderer.render(engine.state, size: engine.state.size, keymap: keymap, restricted: restricted))
    }

    /// `historyBodiesNeeded` when messages near the screen have no body yet and were not asked
    /// for; else `detailMeasured` when the laid-out ticket differs from what the state knows of it.
    public static func measurement(_ state: DeskState) -> DeskAction? {
        guard let open = state.openTicket, let rect = Layout(state: state, size: state.size).detail else { return nil }
        let window = DetailLayout.window(open, viewer: state.viewer, width: rect.width - 2, height: rect.height, now: state.now, language: state.language)
        let unasked = window.missingBodies.filter { !open.requestedBodies.contains($0) }
        if !unasked.isEmpty { return .historyBodiesNeeded(unasked) }
        guard window.contentHeight != open.contentHeight || rect.height != open.viewportHeight || window.firstLine != open.scroll else {
            return nil
        }
        return .detailMeasured(contentHeight: window.contentHeight, viewportHeight: rect.height, firstLine: window.firstLine)
    }
}
