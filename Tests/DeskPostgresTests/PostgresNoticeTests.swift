import DeskPostgres
import Foundation
import XCTest

/// The server's notices (`RAISE NOTICE`, "extension already exists, skipping") never reach
/// stderr: in the full-screen client they would be written over the screen.
final class PostgresNoticeTests: XCTestCase {
    func testNoticesAreNotPrintedOnStandardError() throws {
        let db = try PostgresTestServer.connect()
        let printed = try capturingStandardError {
            try db.execute("DO $$ BEGIN RAISE NOTICE 'a notice for the terminal'; END $$")
            try db.execute("DO $$ BEGIN RAISE WARNING 'a warning for the terminal'; END $$")
        }
        XCTAssertEqual(printed, "")
    }

    /// What `body` wrote on file descriptor 2.
    private func capturingStandardError(_ body: () throws -> Void) throws -> String {
        let pipe = Pipe()
        let saved = dup(STDERR_FILENO)
        XCTAssertGreaterThanOrEqual(saved, 0)
        fflush(nil)
        dup2(pipe.fileHandleForWriting.fileDescriptor, STDERR_FILENO)
        var failure: Error?
        do { try body() } catch { failure = error }
        fflush(nil)
        dup2(saved, STDERR_FILENO)
        close(saved)
        try pipe.fileHandleForWriting.close()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if let failure { throw failure }
        return text
    }
}
