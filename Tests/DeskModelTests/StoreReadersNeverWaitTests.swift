import Foundation
import GRDB
import XCTest

@testable import DeskModel

/// Readers never wait for writers: while another connection holds the write lock (an import,
/// a 25 MB attachment), reading a desk works at once, and the small writes a reader makes on
/// the side (the Recent record, an audit line, auto-close at login) give way instead of waiting.
final class StoreReadersNeverWaitTests: StoreTestCase {
    /// Runs `body` while a separate connection holds the desk's write lock.
    private func whileAnotherWriterHoldsTheLock<T>(_ body: () throws -> T) throws -> T {
        let holder = try LockHolder(path: f.path)
        defer { holder.unlock() }
        return try body()
    }

    func testReadsAnswerWhileAnotherConnectionWrites() throws {
        try f.ticket("Printer jams", by: f.peter)
        try f.reply(1, "Which model?", by: f.alice)
        let expectedPage = try f.numbers(.all, f.peter)
        try whileAnotherWriterHoldsTheLock {
            XCTAssertEqual(try f.numbers(.all, f.peter), expectedPage)
            XCTAssertEqual(try store.counts(viewer: f.alice)[.all], 1)
            XCTAssertTrue(try store.detail(number: 1, viewer: f.peter).messages.map(\.body).contains("Which model?"))
            XCTAssertEqual(try f.searchNumbers("printer", f.peter), [1])
            XCTAssertEqual(try f.searchNumbers("printer", f.alice), [1])
        }
    }

    func testTheRecentRecordGivesWayToAWriterAndIsKeptOtherwise() throws {
        try f.ticket("Printer jams", by: f.peter)
        try f.ticket("Toner empty", by: f.peter)
        try whileAnotherWriterHoldsTheLock {
            // Not recorded, and no error: reading a ticket must not fail because of Recent.
            XCTAssertNoThrow(try store.recordViewed(number: 1, viewer: f.peter))
        }
        XCTAssertEqual(try f.numbers(.recent, f.peter), [])
        try store.recordViewed(number: 2, viewer: f.peter)
        XCTAssertEqual(try f.numbers(.recent, f.peter), [2])
    }

    func testLoginSideWritesFailAtOnceInsteadOfWaiting() throws {
        try f.ticket("Printer jams", by: f.peter)
        _ = try store.changeStatus(number: 1, to: .pending, by: f.alice)
        f.clock.advance(by: 6 * StoreFixture.day)
        try whileAnotherWriterHoldsTheLock {
            XCTAssertDeskError(try store.autoCloseIdleTickets(waitsForWriters: false), .databaseBusy(path: f.path))
            XCTAssertDeskError(
                try store.recordAudit(handle: "peter", address: "local", command: "list", outcome: "started", waitsForWriters: false),
                .databaseBusy(path: f.path))
        }
        XCTAssertEqual(try f.status(1), .pending)
        XCTAssertEqual(try store.autoCloseIdleTickets(waitsForWriters: false), [1])
        XCTAssertEqual(try f.status(1), .closed)
    }

    func testAutoCloseWithNothingIdleDoesNotWriteAtAll() throws {
        try f.ticket("Printer jams", by: f.peter)
        let token = try store.changeToken()
        try whileAnotherWriterHoldsTheLock {
            XCTAssertEqual(try store.autoCloseIdleTickets(waitsForWriters: false), [])
        }
        XCTAssertEqual(try store.changeToken(), token)
    }
}
