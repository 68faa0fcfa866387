import DeskModel
import DeskPostgres
import Foundation

/// One connection of a copy's lanes and the COPY it has open.
final class PostgresCopyLane {
    let db: PostgresConnection
    private var openCopy: (table: String, writer: PostgresCopyWriter)?

    init(db: PostgresConnection) {
        self.db = db
    }

    /// Sends `rows` through this lane's COPY of `table`, kept open across batches: the server
    /// loads a batch while the next one is read from the source.
    func copy(_ table: CopyTable, _ rows: [[CopyValue]]) throws {
        let writer = try copyWriter(for: table)
        for row in rows {
            for (value, column) in zip(row, table.columns) {
                switch value {
                case .null: writer.appendNull()
                case .integer(let number): column.kind == .boolean ? writer.append(number != 0) : writer.append(number)
                case .text(let text): writer.append(text)
                case .bytes(let data): writer.append(bytea: data)
                }
            }
            try writer.endRow()
        }
    }

    private func copyWriter(for table: CopyTable) throws -> PostgresCopyWriter {
        if let open = openCopy, open.table == table.name { return open.writer }
        try finishCopy()
        let writer = try db.beginCopyIn("COPY \(table.postgresName) (\(table.columnNames.joined(separator: ", "))) FROM STDIN")
        openCopy = (table.name, writer)
        return writer
    }

    func finishCopy() throws {
        guard let open = openCopy else { return }
        openCopy = nil
        try open.writer.finish()
    }

    /// Drops whatever this lane was doing: its open COPY and its transaction.
    func stop() {
        openCopy?.writer.cancel()
        openCopy = nil
        if db.isInTransaction { _ = try? db.execute("ROLLBACK") }
    }
}

/// Connections that work for a copy at once, one thread each (the server then works on as
/// many cores): rows through COPY, then index builds and key validations. Work goes into one
/// queue that whichever lane is free takes from, so a slow batch or a long index build does
/// not hold the others up. The first failure stops the lanes and is thrown by the next
/// `submit` or `waitUntilIdle`.
final class PostgresCopyLanes: @unchecked Sendable {
    typealias Work = (PostgresCopyLane) throws -> Void

    private let condition = NSCondition()
    private var queue: [(lane: Int?, work: Work)] = []
    private var working = 0
    private var failure: Error?
    private var closing = false
    private var running = 0
    private let lanes: [PostgresCopyLane]
    /// Batches waiting at most: enough to keep every lane busy, little memory.
    private let capacity: Int

    init(connections: [PostgresConnection]) {
        lanes = connections.map(PostgresCopyLane.init)
        capacity = 2 * connections.count
        running = lanes.count
        for index in lanes.indices {
            let thread = Thread { [self] in run(index) }
            thread.stackSize = 8 << 20
            thread.name = "deskterm-copy-\(index)"
            thread.start()
        }
    }

    var count: Int { lanes.count }

    /// Queues `work` for any lane, or for lane `lane`; waits while the queue is full.
    func submit(lane: Int? = nil, _ work: @escaping Work) throws {
        condition.lock()
        defer { condition.unlock() }
        while failure == nil && queue.count >= capacity { condition.wait() }
        if let failure { throw failure }
        queue.append((lane, work))
        condition.broadcast()
    }

    /// Runs `work` once on every lane, all at once, and waits for them.
    func onEveryLane(_ work: @escaping Work) throws {
        try waitUntilIdle()
        for index in lanes.indices { try submit(lane: index, work) }
        try waitUntilIdle()
    }

    /// Waits until every queued piece of work is done; throws the first failure.
    func waitUntilIdle() throws {
        condition.lock()
        defer { condition.unlock() }
        while failure == nil && (!queue.isEmpty || working > 0) { condition.wait() }
        if let failure { throw failure }
    }

    /// Stops the lanes (after the work in hand), rolls back what they left open and closes
    /// their connections.
    func close() {
        condition.lock()
        closing = true
        queue.removeAll()
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
        for lane in lanes { lane.stop() }
    }

    private func run(_ index: Int) {
        condition.lock()
        while true {
            while !closing && failure == nil && !queue.contains(where: { $0.lane == nil || $0.lane == index }) { condition.wait() }
            guard !closing && failure == nil, let next = queue.firstIndex(where: { $0.lane == nil || $0.lane == index }) else { break }
            let work = queue.remove(at: next).work
            working += 1
            condition.broadcast()
            condition.unlock()
            var thrown: Error?
            do { try work(lanes[index]) } catch { thrown = error }
            condition.lock()
            working -= 1
            if let thrown, failure == nil { failure = thrown }
            condition.broadcast()
        }
        running -= 1
        condition.broadcast()
        condition.unlock()
    }
}
