import XCTest

/// The store tests that read SQLite's own internals (the file, the pool, raw SQL, FTS5, query
/// plans, the write lock), each with why. Under another backend (`TestBackend`) they are
/// skipped with that reason; every other store test runs on every backend. The fixture's
/// SQLite accessors (`StoreFixture.sql`, `.path`, `.sqlite`) fail a test that is not listed
/// here, so that a new test cannot lean on SQLite without saying so.
enum SQLiteOnlyTests {
    /// Whole test classes.
    static let classes: [String: String] = [
        "StoreOpenTests": "opens desk files: what is at a path, file modes, one pool per file, concurrent creation",
        "CJKIndexPathsTests": "reads SQLite's CJK full-text tables and how they are filled",
        "FullTextSwitchTests": "SQLite's switch that defers FTS5 indexing in bulk writes",
        "QueryPlanTests": "reads SQLite's query plans",
        "ImportDataTests": "checks every imported row with SQL on the SQLite file",
        "ImportBulkEquivalenceTests": "SQLite's bulk import, compared row by row with SQL on the SQLite files",
        "StoreReadersNeverWaitTests": "holds SQLite's write lock from another connection (LockHolder)",
        "DraftDeferralTests": "holds SQLite's write lock from another connection (LockHolder)",
        "StoreHistoryOutlineTests": "writes an untyped event of an old desk with raw SQL",
        "StoreMessageBodyLengthTests": "SQLite's stored body lengths, their triggers and migration, and the outline's query plans",
        "StoreStatusRowWriteTests": "counts the ticket row's writes with a trigger written in SQLite's SQL",
    ]

    /// Single tests, as "Class.testName".
    static let tests: [String: String] = [
        "StoreCJKSearchTests.testEditedTextIsReindexed": "edits a subject with raw SQL to check SQLite's full-text triggers",
        "StoreCJKSearchTests.testBulkWritesIndexCJKText": "SQLite's deferred full-text indexing",
        "StoreCustomerSearchIsolationTests.testACustomersSearchNeverReadsTheSharedIndex": "drops SQLite's FTS5 tables",
        "StorePermissionTests.testCustomerDetailHasNoInternalNotesNorTheirAttachments": "inserts attachment rows with raw SQL",
        "StorePublicUpdateTimeTests.testTheMigrationFillsTheTimeFromPublicHistory": "undoes and reruns a SQLite migration",
        "StoreCallbackSearchTests.testTheMigrationTakesStoredCallBackTextOutOfTheIndexes": "writes an old desk's indexed call-back event text with raw SQL and reruns a SQLite migration",
        "StorePublicUpdateTimeTests.testTheDemoGeneratorRecordsATicketWithTheLongestThread": "the bulk generator writes SQLite files",
        "StorePublicUpdateTimeTests.testTheDemoGeneratorWritesThePublicTimeItsHistoryGives": "the bulk generator writes SQLite files",
        "StoreUnreadTests.testUnreadQueriesReadIndexesNeverWholeTables": "reads SQLite's query plans",
        "StoreReportAggregateTests.testTheReportEqualsTheOneCountedFromTheTickets": "runs the report's former queries on the SQLite file as the oracle",
        "ReducerSavedViewEngineTests.testSettingsAreEachUsersOwnAndABusyDeskSkipsThem": "holds SQLite's write lock from another connection (LockHolder)",
        "ImportStoreTests.testImportedThreadsSetThePublicUpdateTime": "reads the public update time column with SQL",
        "ImportStoreTests.testManyMessagesImportQuickly": "a speed floor of SQLite's import (PostgreSQL's speed is for `deskterm bench`, not asserted)",
        "DeskDirectoryTests.testTheGeneratorsTicketMarksAreReadFromTheSettings": "writes the bulk generator's marks with raw SQL",
        "DeskPrivateRowsTests.testMarkingReadGivesWayToAWriterAndLeavesTheTicketUnread": "holds SQLite's write lock from another connection (LockHolder)",
        "DeskPrivateRowsTests.testUserSettingsNeverWaitAndAnnounceNoChange": "holds SQLite's write lock from another connection (LockHolder)",
    ]

    /// Why `test` needs SQLite, or nil when it runs on every backend.
    static func reason(for test: XCTestCase) -> String? {
        let className = String(describing: type(of: test))
        return classes[className] ?? tests["\(className).\(methodName(of: test))"]
    }

    /// Skips `test`, with its reason, when it is SQLite-only and the store tests run on another backend.
    static func skipUnlessSQLite(_ test: XCTestCase) throws {
        guard let reason = reason(for: test) else { return }
        let backend = try TestBackend.selected()
        if backend != .sqlite { throw XCTSkip("SQLite only (\(reason)); the store tests run on \(backend.rawValue)") }
    }

    /// Fails `test` unless it is listed here: it is about to read SQLite internals (`what`).
    static func requireListed(_ test: XCTestCase?, using what: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let test else {
            XCTFail("A fixture used \(what) without knowing its test: make it with StoreFixture(test: self)", file: file, line: line)
            return
        }
        if reason(for: test) == nil {
            XCTFail("\(test.name) uses \(what) but is not listed in SQLiteOnlyTests: list it there with why, or test through the desk", file: file, line: line)
        }
    }

    /// `testName` of `-[Class testName]` (Darwin) or `Class.testName` (Linux).
    private static func methodName(of test: XCTestCase) -> String {
        let name = test.name.trimmingCharacters(in: CharacterSet(charactersIn: "-[]"))
        return String(name.split(whereSeparator: { $0 == " " || $0 == "." }).last ?? Substring(name))
    }
}
