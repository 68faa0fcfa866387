import DeskPostgres
import Foundation
import XCTest

final class PostgresTransactionTests: XCTestCase {
    private struct Abandoned: Error {}

    private var connection: PostgresConnection!
    private var table = ""

    override func setUpWithError() throws {
        connection = try PostgresTestServer.connect()
        table = PostgresTestServer.uniqueTableName("account")
        try connection.executeScript("CREATE TABLE \(table) (id int8 PRIMARY KEY, balance int8 NOT NULL)")
        try connection.execute("INSERT INTO \(table) VALUES (1, 100), (2, 100)")
    }

    override func tearDownWithError() throws {
        try? connection?.executeScript("DROP TABLE IF EXISTS \(table)")
    }

    private func balance(_ id: Int64, on db: PostgresConnection? = nil) throws -> Int64 {
        try (db ?? connection).query("SELECT balance FROM \(table) WHERE id = $1", [.int(id)])[0].decode(Int64.self, at: 0)
    }

    func testCommitKeepsTheChanges() throws {
        let result = try connection.transaction { db in
            try db.execute("UPDATE \(table) SET balance = balance - 30 WHERE id = 1")
            try db.execute("UPDATE \(table) SET balance = balance + 30 WHERE id = 2")
            return "moved"
        }
        XCTAssertEqual(result, "moved")
        let other = try PostgresTestServer.connect()
        XCTAssertEqual(try balance(1, on: other), 70)
        XCTAssertEqual(try balance(2, on: other), 130)
        XCTAssertFalse(connection.isInTransaction)
    }

    func testThrowingRollsEverythingBack() throws {
        var runs = 0
        XCTAssertThrowsError(
            try connection.transaction { db in
                runs += 1
                try db.execute("UPDATE \(table) SET balance = 0 WHERE id = 1")
                try db.execute("INSERT INTO \(table) VALUES (3, 5)")
                throw Abandoned()
            }
        ) { error in XCTAssertTrue(error is Abandoned) }
        XCTAssertEqual(runs, 1, "only database conflicts are retried")
        XCTAssertFalse(connection.isInTransaction)
        XCTAssertEqual(try balance(1), 100)
        XCTAssertEqual(try connection.query("SELECT count(*) FROM \(table)")[0].decode(Int64.self, at: 0), 2)
    }

    func testAFailedStatementRollsBackAndLeavesTheConnectionUsable() throws {
        XCTAssertThrowsError(
            try connection.transaction { db in
                try db.execute("UPDATE \(table) SET balance = 1 WHERE id = 2")
                try db.execute("INSERT INTO \(table) VALUES (1, 0)")
            }
        ) { error in XCTAssertEqual((error as? PostgresError)?.kind, .uniqueViolation) }
        XCTAssertEqual(try balance(2), 100)
    }

    func testNestedTransactionJoinsTheOuterOne() throws {
        XCTAssertThrowsError(
            try connection.transaction { db in
                try db.transaction { inner in try inner.execute("UPDATE \(table) SET balance = 7 WHERE id = 1") }
                XCTAssertTrue(db.isInTransaction)
                throw Abandoned()
            })
        XCTAssertEqual(try balance(1), 100)
    }

    /// Another connection updates the row this serializable transaction read, so its own
    /// update fails with 40001; the helper runs the body again and the second run succeeds.
    func testSerializationFailureIsRetried() throws {
        let rival = try PostgresTestServer.connect()
        var runs = 0
        var failures: [String] = []
        try connection.transaction(.serializable) { db in
            runs += 1
            let seen = try balance(1, on: db)
            if runs == 1 {
                try rival.transaction(.serializable) { other in
                    try other.execute("UPDATE \(table) SET balance = balance + 1 WHERE id = 1")
                }
            }
            do {
                try db.execute("UPDATE \(table) SET balance = $1 WHERE id = 1", [.int(seen + 10)])
            } catch let error as PostgresError {
                failures.append(error.sqlState ?? "none")
                throw error
            }
        }
        XCTAssertEqual(runs, 2)
        XCTAssertEqual(failures, ["40001"])
        XCTAssertEqual(try balance(1), 111, "the retry saw the rival's update")
    }

    func testRetriesStopAtTheLimitAndRethrow() throws {
        let rival = try PostgresTestServer.connect()
        var runs = 0
        XCTAssertThrowsError(
            try connection.transaction(.serializable, retry: PostgresRetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1))) { db in
                runs += 1
                _ = try balance(1, on: db)
                try rival.execute("UPDATE \(table) SET balance = balance + 1 WHERE id = 1")
                try db.execute("UPDATE \(table) SET balance = 0 WHERE id = 1")
            }
        ) { error in XCTAssertEqual((error as? PostgresError)?.kind, .serializationFailure) }
        XCTAssertEqual(runs, 3)
        XCTAssertEqual(try balance(1), 103)
    }

    /// Two threads lock the two rows in opposite orders; the server breaks the deadlock by
    /// failing one (40P01), which the helper retries, so both transfers complete.
    func testDeadlockIsRetried() throws {
        let address = try PostgresTestServer.address()
        let runs = RunCounter()
        let errors = ErrorBox()
        let group = DispatchGroup()
        for (first, second) in [(Int64(1), Int64(2)), (Int64(2), Int64(1))] {
            DispatchQueue.global().async(group: group) { [table] in
                do {
                    let db = try PostgresConnection(address: address)
                    try db.transaction { db in
                        runs.increment()
                        try db.execute("UPDATE \(table) SET balance = balance - 1 WHERE id = $1", [.int(first)])
                        Thread.sleep(forTimeInterval: 0.3)
                        try db.execute("UPDATE \(table) SET balance = balance + 1 WHERE id = $1", [.int(second)])
                    }
                } catch {
                    errors.record(error)
                }
            }
        }
        group.wait()
        XCTAssertEqual(errors.all.map { "\($0)" }, [])
        XCTAssertEqual(runs.value, 3, "one of the two was chosen as the deadlock victim and ran again")
        XCTAssertEqual(try balance(1), 100)
        XCTAssertEqual(try balance(2), 100)
    }
}

private final class RunCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

private final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []
    func record(_ error: Error) { lock.withLock { errors.append(error) } }
    var all: [Error] { lock.withLock { errors } }
}
