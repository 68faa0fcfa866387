import Foundation

/// One import in progress (`DeskStore.startImport`, `DeskStore.runImport`): the desk, and what
/// the import keeps from one batch to the next (numbering, people, threads already in the desk).
public struct ImportWriter {
    let desk: Desk
    let options: ImportOptions
    /// The time imported tickets are judged against (idle, closed), fixed for the whole import.
    let now: Date
    var session: ImportSession
    /// The one transaction of a bulk import (`runImport`); nil: each batch is a transaction.
    let bulk: (any ImportBulkScope)?

    /// Writes one batch of conversations (in a transaction, or a savepoint of the bulk
    /// import's one transaction) and adds it to the summary.
    mutating func write(_ threads: [ImportThread], summary: inout ImportSummary) throws(DeskError) {
        let desk = desk
        guard let bulk else {
            try desk.importBatch(threads, options: options, now: now, session: &session, summary: &summary) { body throws(DeskError) in
                try desk.write(.bulkLoad, body)
            }
            return
        }
        // SQLite keeps a savepoint's journal in memory as a list of 1 KiB chunks and walks it
        // from the start at the end of every statement: a savepoint over a whole batch made that
        // walk a fifth of a bulk import's time, 100 threads still 7 %. Below about 25 threads the
        // savepoints and the per-part look-up of known sources cost more than the walk saves.
        for start in stride(from: 0, to: threads.count, by: Self.threadsPerSavepoint) {
            let part = Array(threads[start..<min(start + Self.threadsPerSavepoint, threads.count)])
            try desk.importBatch(part, options: options, now: now, session: &session, summary: &summary) { body throws(DeskError) in
                try bulk.savepoint(body)
            }
        }
    }

    static let threadsPerSavepoint = 25
}

/// A bulk import's transaction as the import's batches see it: each batch (or thread, when a
/// batch fails) runs in a savepoint of it, so a failed one leaves nothing and the rest go on.
protocol ImportBulkScope {
    func savepoint(_ body: (any DeskRows) throws -> Void) throws(DeskError)
}

extension Desk {
    public func startImport(options: ImportOptions) throws(DeskError) -> ImportWriter {
        ImportWriter(desk: self, options: options, now: options.now ?? now, session: try beginImport(options: options), bulk: nil)
    }

    /// Runs a whole import: `body` writes its batches with the writer it is given. On a SQLite
    /// desk with `options.bulk` true, or nil and no ticket in the desk, the import is ONE
    /// transaction that owns the desk: the derived indexes, full-text index, counters and
    /// report aggregates are dropped, the rows go in plainly, and all of it is built again
    /// before the commit (`SQLiteDeskStore.bulkImport`). Other writers wait for the write lock
    /// meanwhile (up to their busy timeout); readers keep reading the desk as it was; a crash
    /// leaves the desk as it was. Otherwise each batch is a transaction (`startImport`).
    public func runImport<T>(
        options: ImportOptions, progress: DeskImport.ProgressHandler? = nil,
        _ body: (inout ImportWriter) throws(DeskError) -> T
    ) throws(DeskError) -> T {
        guard let sqlite = sqliteStore, try usesBulkImport(options) else {
            var writer = try startImport(options: options)
            return try body(&writer)
        }
        let session = try beginImport(options: options)
        let now = options.now ?? self.now
        return try sqlite.bulkImport(progress: progress) { scope throws(DeskError) in
            var writer = ImportWriter(desk: self, options: options, now: now, session: session, bulk: scope)
            return try body(&writer)
        }
    }

    private func usesBulkImport(_ options: ImportOptions) throws(DeskError) -> Bool {
        if let bulk = options.bulk { return bulk }
        return try !(sqliteStore?.hasTickets() ?? true)
    }
}
