import Foundation
import GRDB
import XCTest

@testable import DeskModel

/// A bulk import (one transaction, the desk's indexes and aggregates built at the end) gives
/// the desk a batch import gives: every row of every table, the counters, what searches find,
/// the report's aggregates, first responses and service-level clocks, and `doctor` passes.
final class ImportBulkEquivalenceTests: XCTestCase {
    /// 2024-03-10: threads older than 30 days are closed.
    let now = Date(timeIntervalSince1970: 1_710_028_800)
    var directory: URL!

    override func setUpWithError() throws {
        try SQLiteOnlyTests.skipUnlessSQLite(self)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-bulk-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    let settings = CSVImportSettings(mapping: CSVMapping(columns: [
        "ticket": ["Ticket"], "subject": ["Subject"], "body": ["Body"], "answer": ["Answer"], "author": ["From"], "role": ["Role"],
        "status": ["State"], "urgency": ["Priority"], "organisation": ["Company"], "tags": ["Tags"], "created": ["Date"],
    ]))

    let header = "Ticket,Subject,Body,Answer,From,Role,State,Priority,Company,Tags,Date\n"

    /// Threads of one to three rows, answered or not, by agents and customers of organisations,
    /// closed ones, CJK text, a ticket whose rows come back after another ticket's, a bad row
    /// and a row twice.
    var firstFile: String {
        header
            + "100,VPN down,The VPN refuses my password.,,olga@other.example,customer,,high,Other Ltd,vpn,2024-02-20 10:00\n"
            + "100,VPN down,Please try again now.,,bob@desk.example,agent,,,,,2024-02-20 11:00\n"
            + "101,Invoice,Where is my invoice?,It is on your account page.,fred@free.example,customer,,low,,billing,2024-02-21 08:00\n"
            + "100,VPN down,Still refused.,I reset it for you.,olga@other.example,customer,,,,,2024-02-22 09:00\n"
            + "102,プリンターが動きません,印刷ができません。至急確認してください。,再起動しました。,yuki@jp.example,customer,,critical,日本支社,printer,2024-03-01 09:00\n"
            + "103,Old question,Is the manual online?,Yes: docs.example.,ann@acme.example,customer,,,Acme,,2024-01-02 08:00\n"
            + "104,Closed by state,Please close my account.,Done.,ann@acme.example,customer,closed,,Acme,account,2024-03-05 08:00\n"
            + "105,Bad row,only four fields\n"
            + "106,No answer yet,The dashboard is slow today.,,zoe@zed.example,customer,,serious,,,2024-03-09 17:00\n"
            + "106,No answer yet,The dashboard is slow today.,,zoe@zed.example,customer,,serious,,,2024-03-09 17:00\n"
    }

    /// Rows that continue tickets of `firstFile` (one of them closed by its state) and open a new one.
    var secondFile: String {
        header
            + "100,VPN down,The VPN refuses my password.,,olga@other.example,customer,,high,Other Ltd,vpn,2024-02-20 10:00\n"
            + "100,VPN down,Works now thanks.,,olga@other.example,customer,,,,,2024-03-08 09:00\n"
            + "104,Closed by state,Please close my account.,Done.,ann@acme.example,customer,closed,,Acme,account,2024-03-05 08:00\n"
            + "104,Closed by state,One more thing about my account.,We will look.,ann@acme.example,customer,,,Acme,,2024-03-08 10:00\n"
            + "102,プリンターが動きません,印刷ができません。至急確認してください。,再起動しました。,yuki@jp.example,customer,,critical,日本支社,printer,2024-03-01 09:00\n"
            + "102,プリンターが動きません,まだ印刷できません。,,yuki@jp.example,customer,,,日本支社,,2024-03-09 09:00\n"
            + "107,Keyboard,Keys stick.,Ordered a new one.,max@free.example,customer,,low,,hardware,2024-03-09 12:00\n"
            // The first staff answer to a ticket the desk already had: its first response is set
            // without the report's triggers.
            + "106,No answer yet,The dashboard is slow today.,,zoe@zed.example,customer,,serious,,,2024-03-09 17:00\n"
            + "106,No answer yet,We are looking at the dashboard.,,bob@desk.example,agent,,,,,2024-03-09 18:00\n"
    }

    func importFile(_ text: String, named name: String, into desk: Desk, bulk: Bool) throws -> ImportSummary {
        let path = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: path)
        // Batches of two messages: threads continue tickets written by earlier batches.
        let options = ImportOptions(batchSize: 2, now: now, bulk: bulk)
        var summary = try DeskImport.csv([path.path], into: desk, options: options, csv: settings)
        summary.seconds = 0
        return summary
    }

    func newDesk(_ name: String) throws -> (Desk, String) {
        let path = directory.appendingPathComponent("\(name).sqlite").path
        return (try Desk.open(address: path, clock: .fixed(now), create: true), path)
    }

    func testABulkImportIntoANewDeskGivesTheDeskABatchImportGives() throws {
        let (batched, batchedPath) = try newDesk("batched")
        let (bulk, bulkPath) = try newDesk("bulk")
        let batchedSummary = try importFile(firstFile, named: "first.csv", into: batched, bulk: false)
        let bulkSummary = try importFile(firstFile, named: "first.csv", into: bulk, bulk: true)
        XCTAssertEqual(bulkSummary, batchedSummary)
        XCTAssertEqual([bulkSummary.tickets, bulkSummary.skipped.count], [6, 1], "\(bulkSummary.skipped)")
        try assertSameDesk(batched, batchedPath, bulk, bulkPath)

        // Idempotent: again, either way, adds nothing.
        for again in [true, false] {
            let summary = try importFile(firstFile, named: "first.csv", into: bulk, bulk: again)
            XCTAssertEqual([summary.tickets, summary.messages, summary.alreadyPresent], [0, 0, bulkSummary.messages], "bulk \(again)")
        }
        try assertSameDesk(batched, batchedPath, bulk, bulkPath)
    }

    func testABulkImportIntoADeskWithTicketsGivesTheDeskABatchImportGives() throws {
        let (batched, batchedPath) = try newDesk("batched")
        let (bulk, bulkPath) = try newDesk("bulk")
        _ = try importFile(firstFile, named: "first.csv", into: batched, bulk: false)
        _ = try importFile(firstFile, named: "first.csv", into: bulk, bulk: false)
        let batchedSummary = try importFile(secondFile, named: "second.csv", into: batched, bulk: false)
        let bulkSummary = try importFile(secondFile, named: "second.csv", into: bulk, bulk: true)
        XCTAssertEqual(bulkSummary, batchedSummary)
        XCTAssertEqual(
            [bulkSummary.tickets, bulkSummary.followUps, bulkSummary.messages, bulkSummary.alreadyPresent], [2, 1, 7, 6],
            "the closed ticket's new rows open a follow-up, 107 is new, the others continue their tickets")
        let answered = try bulk.sqliteStore!.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT t.first_response_at FROM ticket t JOIN import_source s ON s.ticket_id = t.id WHERE s.external_id = 'csv:106'")
        }
        XCTAssertEqual(answered, Date(timeIntervalSince1970: 1_710_007_200).deskSeconds, "bob's answer of 2024-03-09 18:00")
        try assertSameDesk(batched, batchedPath, bulk, bulkPath)
    }

    /// A bulk import that fails leaves the desk as it was: its indexes and triggers too.
    func testAFailedBulkImportLeavesTheDeskAsItWas() throws {
        let (desk, path) = try newDesk("failing")
        _ = try importFile(firstFile, named: "first.csv", into: desk, bulk: false)
        let before = try dump(desk)
        let schema = try desk.sqliteStore!.pool.read { db in try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name") }
        struct Stop: Error {}
        XCTAssertThrowsError(try desk.runImport(options: ImportOptions(batchSize: 2, now: now, bulk: true)) { (writer: inout ImportWriter) throws(DeskError) in
            var summary = ImportSummary()
            try writer.write([ImportThread(
                subject: "Lost", subjectKey: "lost", isOrphan: false,
                messages: [ImportMessage(
                    externalID: "lost-1", author: ImportAuthor(key: "mail:lost@x.example", email: "lost@x.example", name: "Lost", handleHints: ["lost"], isAgent: false, organisation: nil),
                    date: now, body: "Never stored.", attachments: [], parentCandidates: [], file: "x", offset: 0, warnings: [])],
                externalReferences: [], contact: .email, requesterKey: nil)], summary: &summary)
            XCTAssertEqual(summary.tickets, 1)
            throw DeskError.diskFull(location: path)
        })
        XCTAssertEqual(try dump(desk), before)
        XCTAssertEqual(try desk.sqliteStore!.pool.read { db in try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name") }, schema)
        XCTAssertEqual(problems(path), [])
    }

    // MARK: - Comparing desks

    func assertSameDesk(_ a: Desk, _ aPath: String, _ b: Desk, _ bPath: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let first = try dump(a), second = try dump(b)
        XCTAssertEqual(first.keys.sorted(), second.keys.sorted(), file: file, line: line)
        for (table, rows) in first {
            XCTAssertEqual(rows, second[table], "table \(table)", file: file, line: line)
        }
        XCTAssertFalse(first["ticket", default: []].isEmpty, file: file, line: line)
        for query in ["VPN", "invoice", "dashboard", "印刷", "再起動", "docs", "account", "keys"] {
            let viewer = Viewer(user: User(id: 1, handle: "searcher", name: "Searcher", email: "s@x", role: .admin))
            XCTAssertEqual(
                try a.search(query, viewer: viewer, limit: 50).map(\.number), try b.search(query, viewer: viewer, limit: 50).map(\.number),
                "search \(query)", file: file, line: line)
        }
        for path in [aPath, bPath] {
            XCTAssertEqual(problems(path), [], "doctor on \(path)", file: file, line: line)
        }
    }

    /// What `doctor` finds in the desk's rows (a test's file is readable by others: not the point here).
    func problems(_ path: String) -> [HealthFinding] {
        SQLiteHealthCheck.check(path: path).findings.filter { $0.kind != .permissions }
    }

    /// Every row of every table but the full-text indexes' own (compared by what searches
    /// find), SQLite's statistics and the change counter (a batch import moves it per batch).
    func dump(_ desk: Desk) throws -> [String: [String]] {
        try desk.sqliteStore!.pool.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                AND name NOT LIKE '%_fts%' AND name NOT LIKE '%_cjk%' AND name != 'desk_change' ORDER BY name
                """)
            var result: [String: [String]] = [:]
            for table in tables {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)")
                result[table] = rows.map { row in row.columnNames.map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: " ") }.sorted()
            }
            return result
        }
    }
}
