import DeskPostgres
import Foundation

/// Runs `body` on `count` threads at once, each with its own connection (a connection belongs
/// to one thread). Every thread connects first and waits at a gate until all have, so the
/// bodies really overlap on the server. Returns each thread's result, in thread order.
func concurrently<Value: Sendable>(
    _ count: Int, connect: @escaping @Sendable () throws -> PostgresConnection,
    _ body: @escaping @Sendable (PostgresConnection, Int) throws -> Value
) -> [Result<Value, any Error>] {
    let gate = StartGate(expected: count)
    let results = ResultBox<Value>(count: count)
    let finished = DispatchGroup()
    for index in 0..<count {
        finished.enter()
        let thread = Thread {
            defer { finished.leave() }
            let connection = Result { try connect() }
            gate.arriveAndWait()
            results.set(index, connection.flatMap { db in Result { try body(db, index) } })
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    finished.wait()
    return results.values
}

/// Lets threads go only once all of them have arrived.
private final class StartGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var arrived = 0
    private let expected: Int

    init(expected: Int) { self.expected = expected }

    func arriveAndWait() {
        condition.lock()
        defer { condition.unlock() }
        arrived += 1
        if arrived == expected { condition.broadcast() }
        while arrived < expected { condition.wait() }
    }
}

final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Value, any Error>) {
        lock.withLock { slots[index] = result }
    }

    var values: [Result<Value, any Error>] {
        lock.withLock { slots.map { $0! } }
    }
}
