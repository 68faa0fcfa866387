import Foundation

/// Importing, still run by the SQLite backend (issue #10: the import's decisions
/// about numbers, status, assignee and reply parents move into `Desk` over `DeskRows`).
extension Desk {
    func beginImport(options: ImportOptions) throws(DeskError) -> ImportSession {
        try sqliteStore.beginImport(options: options)
    }

    func importBatch(
        _ threads: [ImportThread], options: ImportOptions, now: Date, session: inout ImportSession, summary: inout ImportSummary
    ) throws(DeskError) {
        try sqliteStore.importBatch(threads, options: options, now: now, session: &session, summary: &summary)
    }
}
