import Foundation

/// Effects a `DeskRuntime` asks for while performing another (the read mark of a ticket it
/// loaded to show), collected until its engine takes them.
final class DeferredEffects: @unchecked Sendable {
    private let lock = NSLock()
    private var effects: [DeskEffect] = []

    func append(_ effect: DeskEffect) {
        lock.withLock { effects.append(effect) }
    }

    func take() -> [DeskEffect] {
        lock.withLock {
            defer { effects = [] }
            return effects
        }
    }
}

extension DeskEffect {
    /// Idle work that writes to the desk; the rest of the idle work only reads.
    var isIdleWrite: Bool {
        switch self {
        case .markRead, .recordViewed: true
        default: false
        }
    }

    /// A read whose answer shows what the idle writes record: a page of a view carries its
    /// unread rows, and Recent's order is the viewing times.
    var readsWhatIdleWritesRecord: Bool {
        if case .loadPage = self { true } else { false }
    }

    func isReadMark(of number: Int64) -> Bool {
        if case .markRead(number, _) = self { true } else { false }
    }
}
