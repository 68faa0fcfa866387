import Foundation

/// `deskterm import csv`: ticket exports of other help desks, read as a stream.
extension DeskImport {
    /// Every file's header is checked against the mapping before anything is written; then the
    /// rows are read one at a time and handed to the store in batches of about
    /// `options.batchSize` messages. A row that cannot be used is skipped and reported with its
    /// line; the import goes on.
    public static func csv(
        _ paths: [String], into store: any DeskStore, options: ImportOptions = ImportOptions(), csv settings: CSVImportSettings,
        progress: ProgressHandler? = nil
    ) throws(DeskError) -> ImportSummary {
        let started = Date()
        var summary = ImportSummary()
        var headers: [CSVColumns] = []
        for path in paths {
            _ = try readableFile(path)
            switch csvHeader(path, settings: settings) {
            case .success(let columns): headers.append(columns)
            case .failure(.unreadable): throw .invalidInput("Cannot read \(path)")
            case .failure(.empty): throw .invalidInput("\(path) is empty: a CSV file starts with a header line")
            case .failure(.malformed(let problem)): throw .invalidInput("\(path): the header is not valid CSV: \(problem)")
            case .failure(.missingColumns(let names)): throw .invalidInput("\(path) has no column named \(names.joined(separator: ", "))")
            }
        }
        // Counting rows first gives the progress bar its end; it only parses.
        var total = 0
        if progress != nil {
            for path in paths {
                guard var reader = CSVReader(path: path, delimiter: settings.delimiter) else { continue }
                _ = reader.next()
                while let record = reader.next() {
                    if !CSVReader.isBlank(record) { total += 1 }
                }
            }
        }
        let undated = options.now ?? Date()
        var done = 0
        try store.runImport(options: options, progress: progress) { (writer: inout ImportWriter) throws(DeskError) in
            var batch: [ImportThread] = []
            var batchMessages = 0
            var seenTickets = Set<String>()
            func flush() throws(DeskError) {
                guard !batch.isEmpty else { return }
                try writer.write(batch, summary: &summary)
                batch = []
                batchMessages = 0
                progress?(ImportProgress(done: done, total: max(total, done), unit: "rows"))
            }
            func add(_ thread: ImportThread) throws(DeskError) {
                batch.append(thread)
                batchMessages += thread.messages.count
                if batchMessages >= options.batchSize { try flush() }
            }
            progress?(ImportProgress(done: 0, total: total, unit: "rows"))
            for (index, path) in paths.enumerated() {
                guard var reader = CSVReader(path: path, delimiter: settings.delimiter) else { throw .invalidInput("Cannot read \(path)") }
                _ = reader.next()
                let tickets = CSVTickets(columns: headers[index], settings: settings, options: options, file: path, undated: undated)
                var group: [CSVTickets.Row] = []
                var groupKey: String?
                func endGroup() throws(DeskError) {
                    guard let key = groupKey else { return }
                    let continues = !seenTickets.insert(key).inserted
                    if let thread = tickets.ticket(messages: group, continues: continues, duplicates: &summary.duplicates) { try add(thread) }
                    group = []
                    groupKey = nil
                }
                while let record = reader.next() {
                    if CSVReader.isBlank(record) { continue }
                    done += 1
                    summary.read += 1
                    let row = CSVTickets.Row(fields: record.fields, line: record.line, offset: record.offset)
                    if let problem = record.problem ?? tickets.problem(row) {
                        summary.skipped.append(ImportProblem(file: path, offset: record.offset, reason: problem.hasPrefix("line ") ? problem : "line \(record.line): \(problem)"))
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
                            summary.duplicates += 1
                            continue
                        }
                        try add(thread)
                    }
                    if done % 1_000 == 0 { progress?(ImportProgress(done: done, total: max(total, done), unit: "rows")) }
                }
                try endGroup()
            }
            try flush()
        }
        progress?(ImportProgress(done: done, total: done, unit: "rows"))
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Why a CSV file's header cannot be imported with a mapping.
    public enum CSVHeaderProblem: Error, Equatable {
        case unreadable
        case empty
        case malformed(String)
        case missingColumns([String])
    }

    /// The file's header as the mapping reads it; the command line checks every file with it
    /// before it opens the desk.
    public static func checkCSVHeader(_ path: String, settings: CSVImportSettings) -> CSVHeaderProblem? {
        if case .failure(let problem) = csvHeader(path, settings: settings) { return problem }
        return nil
    }

    static func csvHeader(_ path: String, settings: CSVImportSettings) -> Result<CSVColumns, CSVHeaderProblem> {
        guard var reader = CSVReader(path: path, delimiter: settings.delimiter) else { return .failure(.unreadable) }
        guard let header = reader.next(), !CSVReader.isBlank(header) else { return .failure(.empty) }
        if let problem = header.problem { return .failure(.malformed(problem)) }
        return CSVColumns.resolve(settings.mapping, header: header.fields)
    }

    private static func readableFile(_ path: String) throws(DeskError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .invalidInput("No file at \(path)") }
        guard !isDirectory.boolValue else { throw .invalidInput("\(path) is a folder; give a file") }
        return path
    }
}
