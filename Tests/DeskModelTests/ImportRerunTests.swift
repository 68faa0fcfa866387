import Foundation
import XCTest

@testable import DeskModel

/// A backend may run a write transaction's body again after rolling it back (a connection lost
/// before COMMIT, a deadlock). The import keeps its bookkeeping (people and organisations
/// already known, counts) outside the transaction, so each run must start from the same point:
/// what a rolled-back run learnt does not exist.
final class ImportRerunTests: XCTestCase {
    /// Runs every write body twice: once in a transaction that is then rolled back, then for real.
    final class RerunningStorage: DeskStorage, @unchecked Sendable {
        static let rolledBack = DeskError.invalidInput("rolled back on purpose, to be run again")
        let inner: any DeskStorage
        init(_ inner: any DeskStorage) { self.inner = inner }
        var location: String { inner.location }

        func writeRows<T>(_ options: StorageWrite, _ body: (any DeskRows) throws -> T) throws(DeskError) -> T {
            do {
                try inner.writeRows(options) { rows in
                    _ = try body(rows)
                    throw Self.rolledBack
                }
            } catch let error where error == Self.rolledBack {
                // The first run, rolled back: the body runs again below.
            }
            return try inner.writeRows(options, body)
        }

        func readRows<T>(_ body: (any DeskRows) throws -> T) throws(DeskError) -> T { try inner.readRows(body) }
        func changeToken() throws(DeskError) -> Int64 { try inner.changeToken() }
    }

    func testAnImportWhoseTransactionsRunTwiceCountsAndLinksEachThingOnce() throws {
        try SQLiteOnlyTests.skipUnlessSQLite(self)
        let now = Date(timeIntervalSince1970: 1_709_283_600)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-rerun-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = try TestBackend.newDesk(in: directory).open(clock: .fixed(now), create: true)
        _ = try plain.addUser(NewUser(handle: "root", name: "Root", email: "root@desk.example", role: .admin))
        let desk = Desk(storage: RerunningStorage(plain.storage), clock: .fixed(now))
        let mbox = directory.appendingPathComponent("support.mbox")
        try Data(ImportStoreTests.conversation.utf8).write(to: mbox)

        let summary = try DeskImport.mbox([mbox.path], into: desk, options: ImportOptions(agentDomains: ["desk.example"], now: now))
        XCTAssertEqual(summary.tickets, 2)
        XCTAssertEqual(summary.messages, 6)
        XCTAssertEqual(summary.users, 5)
        XCTAssertEqual(summary.organisations, 2)
        XCTAssertEqual(summary.skipped, [])
        let root = try plain.viewer(handle: "root")
        XCTAssertEqual(try plain.page(PageRequest(view: .all, limit: 10), viewer: root).rows.count, 2)
        // The same threads as an import that ran once, into a desk of its own.
        let onceDirectory = directory.appendingPathComponent("once")
        try FileManager.default.createDirectory(at: onceDirectory, withIntermediateDirectories: true)
        let once = try TestBackend.newDesk(in: onceDirectory).open(clock: .fixed(now), create: true)
        _ = try once.addUser(NewUser(handle: "root", name: "Root", email: "root@desk.example", role: .admin))
        _ = try DeskImport.mbox([mbox.path], into: once, options: ImportOptions(agentDomains: ["desk.example"], now: now))
        let onceRoot = try once.viewer(handle: "root")
        for number: Int64 in [1, 2] {
            let twice = try plain.detail(number: number, viewer: root), single = try once.detail(number: number, viewer: onceRoot)
            XCTAssertEqual(twice.messages.map(\.body), single.messages.map(\.body))
            XCTAssertEqual(twice.messages.map(\.kind), single.messages.map(\.kind))
            XCTAssertEqual(twice.ticket.subject, single.ticket.subject)
        }
    }
}
