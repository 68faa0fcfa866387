import Foundation
import XCTest

@testable import DeskModel

/// The CSV rows are read and shaped on a thread of their own while the desk writes the batch
/// before: the batches come out in order, cut as the import asks, with what reading met on the
/// way; a writer that gives up stops the reading thread; a file gone is an error.
final class CSVBatchReaderTests: XCTestCase {
    var directory: URL!
    let settings = CSVImportSettings(mapping: CSVMapping(columns: ["subject": ["Subject"], "body": ["Body"], "answer": ["Answer"]]))
    let now = Date(timeIntervalSince1970: 1_710_028_800)

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-csv-batches-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// `rows` answered tickets, one bad row after the third and the second row again at the end.
    func file(rows: Int) throws -> String {
        var text = "Subject,Body,Answer\n"
        for row in 1...rows {
            text += "Ticket \(row),Body \(row),Answer \(row)\n"
            if row == 3 { text += "only,two\n" }
        }
        text += "Ticket 2,Body 2,Answer 2\n"
        let path = directory.appendingPathComponent("rows.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func reader(_ path: String, batchSize: Int) throws -> CSVBatchReader {
        let header = try DeskImport.csvHeader(path, settings: settings).get()
        return CSVBatchReader(paths: [path], headers: [header], settings: settings, options: ImportOptions(batchSize: batchSize, now: now), undated: now)
    }

    func testBatchesComeInOrderCutByMessagesWithWhatReadingMet() throws {
        let reader = try reader(try file(rows: 7), batchSize: 4)
        reader.start()
        var batches: [CSVBatchReader.Batch] = []
        while let batch = try reader.next() { batches.append(batch) }
        // Two messages a ticket (the body and its answer): two tickets a batch, the rest last.
        XCTAssertEqual(batches.map { $0.threads.map(\.subject) }, [
            ["Ticket 1", "Ticket 2"], ["Ticket 3", "Ticket 4"], ["Ticket 5", "Ticket 6"], ["Ticket 7"],
        ])
        XCTAssertEqual(batches.map(\.rowsRead), [2, 5, 7, 9], "rows read up to each batch's end, the bad one included")
        XCTAssertEqual(batches.map(\.skipped.count), [0, 1, 0, 0])
        XCTAssertEqual(batches[1].skipped.first?.reason, "line 5 has 2 fields; the header has 3")
        XCTAssertEqual(batches.map(\.duplicates), [0, 0, 0, 1], "the second row again, at the end")
        XCTAssertNil(try reader.next(), "after the last batch, nil again")
    }

    /// The reading runs at most two batches ahead; `stop` wakes it and waits for its end.
    func testAWriterThatGivesUpStopsTheReadingThread() throws {
        let reader = try reader(try file(rows: 500), batchSize: 2)
        reader.start()
        XCTAssertEqual(try reader.next()?.threads.map(\.subject), ["Ticket 1"])
        let stopped = expectation(description: "stop returns")
        DispatchQueue.global().async {
            reader.stop()
            stopped.fulfill()
        }
        wait(for: [stopped], timeout: 10)
    }

    func testAFileGoneBeforeItIsReadIsAnError() throws {
        let path = try file(rows: 3)
        let reader = try reader(path, batchSize: 10)
        try FileManager.default.removeItem(atPath: path)
        reader.start()
        XCTAssertThrowsError(try reader.next()) { error in
            XCTAssertEqual(error as? DeskError, .invalidInput("Cannot read \(path)"))
        }
    }
}
