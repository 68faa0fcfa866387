import Foundation

/// One import in progress (`DeskStore.startImport`): the desk, and what the import keeps from
/// one batch to the next (numbering, people, threads already in the desk).
public struct ImportWriter {
    let desk: Desk
    let options: ImportOptions
    /// The time imported tickets are judged against (idle, closed), fixed for the whole import.
    let now: Date
    var session: ImportSession

    /// Writes one batch of conversations in one transaction and adds it to the summary.
    mutating func write(_ threads: [ImportThread], summary: inout ImportSummary) throws(DeskError) {
        try desk.importBatch(threads, options: options, now: now, session: &session, summary: &summary)
    }
}

extension Desk {
    public func startImport(options: ImportOptions) throws(DeskError) -> ImportWriter {
        ImportWriter(desk: self, options: options, now: options.now ?? now, session: try beginImport(options: options))
    }
}
