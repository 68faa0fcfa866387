import Foundation

/// The CSV files read and turned into import threads on a thread of their own while the desk
/// writes the batch before: reading and shaping the rows is about a third of an import's CPU
/// time, and the writing cannot use a second core (200,000 rows into a new desk: 38 s -> 32 s,
/// 100 MB more memory for the two batches read ahead). Batches come out exactly as the single loop
/// cut them, each with the rows skipped and the duplicates met up to it, so the summary is the
/// same.
final class CSVBatchReader: @unchecked Sendable {
    /// One batch: the threads to write, and what reading met on the way to them.
    struct Batch {
        var threads: [ImportThread] = []
        var messages = 0
        var skipped: [ImportProblem] = []
        var duplicates = 0
        /// Rows read (not blank) before this batch's end, counted from the first file's start.
        var rowsRead = 0
    }

    private enum Item {
        case batch(Batch)
        case failed(DeskError)
        case finished
    }

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var items: [Item] = []
    private var stopped = false
    private var running = true
    /// Batches waiting at most: the reading may run this far ahead of the writing.
    private let ahead = 2

    private let paths: [String]
    private let headers: [CSVColumns]
    private let settings: CSVImportSettings
    private let options: ImportOptions
    private let undated: Date

    init(paths: [String], headers: [CSVColumns], settings: CSVImportSettings, options: ImportOptions, undated: Date) {
        self.paths = paths
        self.headers = headers
        self.settings = settings
        self.options = options
        self.undated = undated
    }

    /// Starts reading; every batch must then be taken with `next()` until it answers nil, or
    /// the reading stopped with `stop()`.
    func start() {
        Thread.detachNewThread { [self] in
            let last: Item
            do throws(DeskError) {
                try read()
                last = .finished
            } catch {
                last = .failed(error)
            }
            condition.lock()
            items.append(last)
            running = false
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next batch, nil after the last (and again after that); a file that cannot be read
    /// throws here.
    func next() throws(DeskError) -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        // The reading thread hands its last item before it stops running.
        while items.isEmpty && running { condition.wait() }
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        switch item {
        case .batch(let batch): return batch
        case .failed(let error): throw error
        case .finished: return nil
        }
    }

    /// Stops the reading (the writing failed) and waits until the reading thread is done.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    /// Hands a batch over, waiting while `ahead` are waiting; false once stopped.
    private func hand(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && items.count >= ahead { condition.wait() }
        guard !stopped else { return false }
        items.append(.batch(batch))
        condition.broadcast()
        return true
    }

    /// The reading loop: the rows of every file, grouped into tickets, cut into batches of
    /// about `options.batchSize` messages.
    private func read() throws(DeskError) {
        var batch = Batch()
        var seenTickets = Set<String>()
        var read = 0
        func flush() throws(DeskError) {
            batch.rowsRead = read
            // Stopped: the writing failed, and its error is the one the import reports.
            guard hand(batch) else { throw .invalidInput("The import stopped") }
            batch = Batch()
        }
        func add(_ thread: ImportThread) throws(DeskError) {
            batch.threads.append(thread)
            batch.messages += thread.messages.count
            if batch.messages >= options.batchSize { try flush() }
        }
        for (index, path) in paths.enumerated() {
            guard var reader = CSVReader(path: path, delimiter: settings.delimiter) else { throw .invalidInput("Cannot read \(path)") }
            _ = reader.next()
            let tickets = CSVTickets(columns: headers[index], settings: settings, options: options, file: path, undated: undated)
            var group: [CSVTickets.Row] = []
            var groupKey: String?
            func endGroup() throws(DeskError) {
                guard let key = groupKey else { return }
                let continues = !seenTickets.insert(key).inserted
                if let thread = tickets.ticket(messages: group, continues: continues, duplicates: &batch.duplicates) { try add(thread) }
                group = []
                groupKey = nil
            }
            while let record = reader.next() {
                if CSVReader.isBlank(record) { continue }
                read += 1
                let row = CSVTickets.Row(fields: record.fields, line: record.line, offset: record.offset)
                if let problem = record.problem ?? tickets.problem(row) {
                    batch.skipped.append(ImportProblem(
                        file: path, offset: record.offset, reason: problem.hasPrefix("line ") ? problem : "line \(record.line): \(problem)"))
                    continue
                }
                if settings.rowsAreMessages {
                    let key = headers[index].value("ticket", in: record.fields)!
                    if key != groupKey { try endGroup() }
                    groupKey = key
                    group.append(row)
                } else {
                    let thread = tickets.ticket(row)
                    // The same ticket twice in the input: the second adds nothing.
                    guard seenTickets.insert(thread.messages[0].externalID).inserted else {
                        batch.duplicates += 1
                        continue
                    }
                    try add(thread)
                }
            }
            try endGroup()
        }
        try flush()
    }
}
