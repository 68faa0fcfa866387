import DeskPostgres
import Foundation
import XCTest

/// A transaction's BEGIN and `SET LOCAL`s wait for its first statement and go with it in one
/// pipeline: the transaction still begins before that statement, its settings last until it
/// ends, an error anywhere in the pipeline is reported and rolls back, and a body that runs
/// nothing sends nothing. A read-only transaction's COMMIT is not waited for: the next use of
/// the connection reads its answer.
final class PostgresTransactionRoundTripTests: XCTestCase {
    private struct Abandoned: Error {}

    private var connection: PostgresConnection!
    private var table = ""

    override func setUpWithError() throws {
        connection = try PostgresTestServer.connect()
        table = PostgresTestServer.uniqueTableName("pipelined")
        try connection.executeScript("CREATE TABLE \(table) (id int8 PRIMARY KEY, note text)")
    }

    override func tearDownWithError() throws {
        try? connection?.executeScript("DROP TABLE IF EXISTS \(table)")
    }

    private func rowCount() throws -> Int64 {
        try PostgresTestServer.connect().query("SELECT count(*) FROM \(table)")[0].decode(Int64.self, at: 0)
    }

    private func setting(_ name: String) throws -> String {
        try connection.query("SELECT current_setting($1)", [.text(name)])[0].decode(String.self, at: 0)
    }

    func testSettingsLastForTheTransactionOnly() throws {
        let before = try setting("lock_timeout")
        let inside = try connection.transaction(.repeatableReadReadOnly, settings: [PostgresLocalSetting("lock_timeout", "7ms")]) { db in
            XCTAssertTrue(db.isInTransaction, "the transaction has begun before its first statement is sent")
            return (try setting("lock_timeout"), try setting("transaction_isolation"), try setting("transaction_read_only"))
        }
        XCTAssertEqual(inside.0, "7ms")
        XCTAssertEqual(inside.1, "repeatable read")
        XCTAssertEqual(inside.2, "on")
        XCTAssertEqual(try setting("lock_timeout"), before)
        XCTAssertFalse(connection.isInTransaction)
    }

    func testABodyThatRunsNothingSendsNothing() throws {
        // Sent, this setting would be refused; a body without statements never sends it.
        let refused = [PostgresLocalSetting("lock_timeout", "not a duration")]
        XCTAssertEqual(try connection.transaction(settings: refused) { _ in "nothing" }, "nothing")
        XCTAssertFalse(connection.isInTransaction)
        XCTAssertThrowsError(try connection.transaction(settings: refused) { db in
            try db.execute("INSERT INTO \(table) VALUES (1, 'never')")
        }) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "22023")  // invalid_parameter_value
        }
        XCTAssertFalse(connection.isInTransaction)
        XCTAssertEqual(try rowCount(), 0, "the statement after a refused setting does not run")
        XCTAssertEqual(try connection.query("SELECT 1")[0].decode(Int64.self, at: 0), 1)
    }

    func testAnErrorInTheFirstStatementRollsBackAndLeavesTheConnectionUsable() throws {
        XCTAssertThrowsError(try connection.transaction { db in
            try db.query("SELECT 1 / (SELECT count(*) FROM \(table))")
        }) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "22012")  // division_by_zero
        }
        XCTAssertFalse(connection.isInTransaction)
        try connection.execute("INSERT INTO \(table) VALUES (1, 'after')")
        XCTAssertEqual(try rowCount(), 1)
    }

    func testTheFirstStatementRunsInsideTheTransaction() throws {
        XCTAssertThrowsError(try connection.transaction { db in
            try db.execute("INSERT INTO \(table) VALUES ($1, $2)", [.int(1), .text("rolled back")])
            throw Abandoned()
        })
        XCTAssertEqual(try rowCount(), 0)
    }

    func testAScriptOrACopyFirstBeginsTheTransactionOnItsOwn() throws {
        XCTAssertThrowsError(try connection.transaction { db in
            try db.executeScript("INSERT INTO \(table) VALUES (1, 'script')")
            throw Abandoned()
        })
        XCTAssertThrowsError(try connection.transaction { db in
            try db.copyIn("COPY \(table) (id, note) FROM STDIN") { writer in
                writer.append(Int64(2))
                writer.append("copied")
                try writer.endRow()
            }
            throw Abandoned()
        })
        XCTAssertEqual(try rowCount(), 0, "both ran inside their transactions, rolled back")
        try connection.transaction { db in try db.executeScript("INSERT INTO \(table) VALUES (3, 'kept')") }
        XCTAssertEqual(try rowCount(), 1)
    }

    func testOneSnapshotFromTheFirstStatement() throws {
        let other = try PostgresTestServer.connect()
        let seen = try connection.transaction(.repeatableReadReadOnly) { db -> (Int64, Int64) in
            let first = try db.query("SELECT count(*) FROM \(table)")[0].decode(Int64.self, at: 0)
            try other.execute("INSERT INTO \(table) VALUES (1, 'meanwhile')")
            return (first, try db.query("SELECT count(*) FROM \(table)")[0].decode(Int64.self, at: 0))
        }
        XCTAssertEqual(seen.0, 0)
        XCTAssertEqual(seen.1, 0, "the second statement reads the first one's snapshot")
    }

    func testAReadOnlyTransactionEndsWithoutWaitingAndTheNextUseReadsItsCommit() throws {
        let other = try PostgresTestServer.connect()
        let seen = try connection.transaction(.repeatableReadReadOnly) { db in
            try db.query("SELECT count(*) FROM \(table)")[0].decode(Int64.self, at: 0)
        }
        XCTAssertEqual(seen, 0)
        XCTAssertFalse(connection.isInTransaction, "ended once its COMMIT is sent")
        try other.execute("INSERT INTO \(table) VALUES (1, 'meanwhile')")
        XCTAssertEqual(try connection.query("SELECT count(*) FROM \(table)")[0].decode(Int64.self, at: 0), 1,
                       "committed: the next statement reads a new snapshot")
        _ = try connection.transaction(.repeatableReadReadOnly) { db in try db.query("SELECT 1") }
        try connection.transaction { db in try db.execute("INSERT INTO \(table) VALUES (2, 'written')") }
        XCTAssertEqual(try rowCount(), 2)
    }

    func testAConnectionLostAfterAReadOnlyTransactionFailsTheNextOneBeforeItBegins() throws {
        _ = try connection.transaction(.repeatableReadReadOnly) { db in try db.query("SELECT 1") }
        let ended = try PostgresTestServer.connect()
            .query("SELECT pg_terminate_backend($1::int, 5000)", [.int(Int64(connection.backendPID))])[0].decode(Bool.self, at: 0)
        XCTAssertTrue(ended)
        XCTAssertThrowsError(try connection.transaction { db in try db.execute("INSERT INTO \(table) VALUES (1, 'lost')") }) { error in
            let failure = error as? PostgresError
            XCTAssertEqual(failure?.kind, .connectionFailure)
            XCTAssertEqual(failure?.commitOutcomeUnknown, false, "nothing of this transaction was sent: it may run again")
        }
        XCTAssertEqual(try rowCount(), 0)
    }
}
