import Foundation

/// Effects that may wait on the network for as long as a connect timeout run here, on a
/// thread of their own, so that the client's loop keeps reading keys meanwhile; their actions
/// come back through `takeFinished()`, which the loop reads at each wake-up (as the change
/// feed's reconnection does). Only the reachability probe (`DeskEffect.checkDeskReachable`)
/// runs so: every other effect answers in milliseconds and keeps the one ordered queue.
public final class BackgroundEffects: @unchecked Sendable {
    private let runtime: DeskRuntime
    private let lock = NSLock()
    private var running: [DeskEffect] = []
    private var finished: [DeskAction] = []

    public init(runtime: DeskRuntime) { self.runtime = runtime }

    /// Starts `effect` on a thread of its own when it runs in the background, and says so; one
    /// of a kind at a time: asked again while it runs, the running one will answer.
    func start(_ effect: DeskEffect) -> Bool {
        guard effect.runsInBackground else { return false }
        let starts = lock.withLock {
            guard !running.contains(effect) else { return false }
            running.append(effect)
            return true
        }
        guard starts else { return true }
        Thread.detachNewThread { [self] in
            let actions = runtime.perform(effect)
            lock.withLock {
                finished += actions
                running.removeAll { $0 == effect }
            }
        }
        return true
    }

    /// The actions of the effects that ended since the last call, in the order they ended.
    public func takeFinished() -> [DeskAction] {
        lock.withLock {
            defer { finished = [] }
            return finished
        }
    }

    /// Whether an effect is still running (for tests and the loop's wait).
    public var isRunning: Bool { lock.withLock { !running.isEmpty } }
}

extension DeskEffect {
    /// Effects that can block for a connect timeout: the probe of a desk that could not be reached.
    var runsInBackground: Bool {
        if case .checkDeskReachable = self { return true }
        return false
    }
}
