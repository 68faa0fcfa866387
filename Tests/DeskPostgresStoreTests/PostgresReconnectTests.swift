import DeskModel
import DeskPostgres
import Foundation
import XCTest

@testable import DeskPostgresStore

/// A connection lost under the desk (a server restart, a fail-over, a terminated backend): a
/// read runs once more on a new connection, a write too if its COMMIT was never sent, and a
/// write whose COMMIT was on its way is never sent again (it may have been applied).
/// Connections are lost for real here: another connection ends their server process with
/// `pg_terminate_backend`, which the test role may do to its own backends.
final class PostgresReconnectTests: XCTestCase {
    private var scratch: ScratchDatabase!
    private var storage: PostgresDeskStorage!
    private var admin: PostgresConnection!

    override func setUpWithError() throws {
        scratch = try ScratchDatabase(self)
        storage = try PostgresDeskStorage.open(address: PostgresDeskAddress(scratch.address), create: true)
        admin = try scratch.connect()
    }

    override func tearDown() {
        storage = nil
        admin = nil
        super.tearDown()
    }

    /// Ends the server process of a connection and waits until it is gone.
    private func terminate(_ pid: Int32) throws {
        let ended = try admin.query("SELECT pg_terminate_backend($1::int, 5000)", [.int(Int64(pid))])[0].decode(Bool.self, at: 0)
        XCTAssertTrue(ended, "backend \(pid) ended")
    }

    /// Asked of the server: a transaction that runs no statement sends nothing (its BEGIN goes
    /// with the first statement), so only a statement reaches the connection's server process.
    private func backendPID(of rows: any DeskModel.DeskRows) throws -> Int32 {
        Int32(try (rows as! PostgresRows).db.query("SELECT pg_backend_pid()")[0].decode(Int64.self, at: 0))
    }

    private func organisationCount() throws -> Int64 {
        try admin.query("SELECT count(*) FROM organisation")[0].decode(Int64.self, at: 0)
    }

    private func insertOrganisation(_ rows: any DeskModel.DeskRows, named name: String) throws {
        try (rows as! PostgresRows).db.execute(
            "INSERT INTO organisation (name, plan, tier) VALUES ($1, 'pro', 'standard')", [.text(name)])
    }

    func testAReadAfterThePooledConnectionWasTerminatedSucceedsOnANewOne() throws {
        let first = try storage.readRows { rows in try backendPID(of: rows) }
        XCTAssertEqual(storage.idleConnectionCount, 1)
        try terminate(first)

        let second = try storage.readRows { rows in try backendPID(of: rows) }
        XCTAssertNotEqual(second, first)
        XCTAssertEqual(try storage.changeToken(), 0)
    }

    func testAReadWhoseConnectionIsLostMidTransactionRunsOnceMore() throws {
        var pids: [Int32] = []
        let token = try storage.readRows { rows in
            let pid = try backendPID(of: rows)
            pids.append(pid)
            if pids.count == 1 { try terminate(pid) }
            return try (rows as! PostgresRows).db.query(PostgresSchema.changeTokenSQL)[0].decode(Int64.self, at: 0)
        }
        XCTAssertEqual(token, 0)
        XCTAssertEqual(pids.count, 2, "the body ran once more after the loss")
        XCTAssertNotEqual(pids[0], pids[1])
    }

    func testARestartTakesEveryIdleConnectionAndTheNextReadStillSucceeds() throws {
        // Three connections in the pool, as after three overlapping operations.
        let pids: [Int32] = try storage.readRows { outer in
            try storage.readRows { middle in
                try storage.readRows { inner in [try backendPID(of: outer), try backendPID(of: middle), try backendPID(of: inner)] }
            }
        }
        XCTAssertEqual(Set(pids).count, 3)
        XCTAssertEqual(storage.idleConnectionCount, 3)
        for pid in pids { try terminate(pid) }

        let after = try storage.readRows { rows in try backendPID(of: rows) }
        XCTAssertFalse(pids.contains(after))
        XCTAssertEqual(storage.idleConnectionCount, 1)
    }

    func testAWriteLostBeforeItsCommitRunsOnceMoreAndIsStoredOnce() throws {
        var attempts = 0
        try storage.writeRows(.standard) { rows in
            attempts += 1
            try insertOrganisation(rows, named: "Acme")
            if attempts == 1 {
                try terminate(backendPID(of: rows))
                try insertOrganisation(rows, named: "Never")  // the loss shows here, before COMMIT
            }
        }
        XCTAssertEqual(attempts, 2)
        XCTAssertEqual(try organisationCount(), 1)
        XCTAssertEqual(try admin.query("SELECT name FROM organisation")[0].decode(String.self, at: 0), "Acme")
    }

    func testAWriteLostDuringItsCommitIsNotSentAgainAndSaysItsOutcomeIsUnknown() throws {
        var attempts = 0
        XCTAssertThrowsError(
            try storage.writeRows(StorageWrite(announcesChange: false)) { rows in
                attempts += 1
                try insertOrganisation(rows, named: "Acme")
                // The body is done: the next thing sent is COMMIT, on a connection now gone.
                try terminate(backendPID(of: rows))
            }
        ) { error in
            XCTAssertEqual(error as? DeskError, .writeOutcomeUnknown(location: storage.location))
        }
        XCTAssertEqual(attempts, 1, "a COMMIT whose answer was lost is never sent again")
        XCTAssertEqual(try organisationCount(), 0)
        // The desk is usable at once afterwards.
        try storage.writeRows(.standard) { rows in try insertOrganisation(rows, named: "Acme") }
        XCTAssertEqual(try organisationCount(), 1)
    }

    func testADeskWithNoServerIsUnreachableNotAStorageFailure() throws {
        let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("no-server-\(UUID().uuidString)")
        let address = PostgresDeskAddress("postgresql:///desk?host=\(nowhere.path)")
        XCTAssertThrowsError(try PostgresDeskStorage.open(address: address, create: false)) { error in
            guard case .deskUnreachable(let location, let reason)? = error as? DeskError else {
                return XCTFail("expected deskUnreachable, got \(error)")
            }
            XCTAssertEqual(location, address.description)
            XCTAssertFalse(reason.isEmpty)
            XCTAssertTrue((error as! DeskError).message.hasPrefix("Storage error: cannot reach the desk at \(address.description): "))
        }
    }
}
