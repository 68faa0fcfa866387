import Foundation

/// Where the messages an import batch names already went, read from the desk once per batch
/// (`ImportRows.importSources`) and kept up to date with what the batch writes, so that
/// checking each message and reference costs no query. Valid inside one transaction only: the
/// batch's own writes are the only ones it can miss.
struct ImportSources {
    private var found: [String: ImportSourceRow] = [:]
    /// The ids the desk was asked about, found or not; others are asked one by one.
    private var asked: Set<String> = []

    /// Nothing known yet: every lookup asks the desk.
    init() {}

    /// Every id the threads name (their messages, references and reply candidates), asked at once.
    init(_ rows: any DeskRows, threads: [ImportThread]) throws {
        var ids: [String] = []
        for thread in threads {
            ids += thread.externalReferences
            for message in thread.messages {
                ids.append(message.externalID)
                ids += message.parentCandidates
            }
        }
        asked = Set(ids)
        for source in try rows.importSources(externalIDs: Array(asked)) { found[source.externalID] = source }
    }

    mutating func source(_ externalID: String, _ rows: any DeskRows) throws -> ImportSourceRow? {
        if let known = found[externalID] { return known }
        if asked.contains(externalID) { return nil }
        let source = try rows.importSource(externalID: externalID)
        asked.insert(externalID)
        if let source { found[externalID] = source }
        return source
    }

    /// Writes the row and remembers it.
    mutating func insert(_ source: ImportSourceRow, _ rows: any DeskRows) throws {
        try rows.insertImportSource(source)
        found[source.externalID] = source
        asked.insert(source.externalID)
    }
}
