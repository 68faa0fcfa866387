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
            progress?(ImportProgress(done: 0, total: total, unit: "rows"))
            let reader = CSVBatchReader(paths: paths, headers: headers, settings: settings, options: options, undated: undated)
            reader.start()
            do throws(DeskError) {
                while let batch = try reader.next() {
                    summary.read = batch.rowsRead
                    summary.skipped += batch.skipped
                    summary.duplicates += batch.duplicates
                    done = batch.rowsRead
                    if !batch.threads.isEmpty { try writer.write(batch.threads, summary: &summary) }
                    progress?(ImportProgress(done: done, total: max(total, done), unit: "rows"))
                }
            } catch {
                reader.stop()
                throw error
            }
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
