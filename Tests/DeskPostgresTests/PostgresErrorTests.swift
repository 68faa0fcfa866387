import DeskPostgres
import Foundation
import XCTest

final class PostgresErrorTests: XCTestCase {
    private var connection: PostgresConnection!
    private var parent = ""
    private var child = ""

    override func setUpWithError() throws {
        connection = try PostgresTestServer.connect()
        parent = PostgresTestServer.uniqueTableName("parent")
        child = PostgresTestServer.uniqueTableName("child")
        try connection.executeScript("""
            CREATE TABLE \(parent) (id int8 PRIMARY KEY, handle text NOT NULL CONSTRAINT \(parent)_handle UNIQUE);
            CREATE TABLE \(child) (id int8 PRIMARY KEY, parent int8 NOT NULL REFERENCES \(parent)(id),
                priority int4 NOT NULL CONSTRAINT \(child)_priority CHECK (priority BETWEEN 1 AND 5));
            """)
        try connection.execute("INSERT INTO \(parent) VALUES (1, 'alice')")
    }

    override func tearDownWithError() throws {
        try? connection?.executeScript("DROP TABLE IF EXISTS \(child); DROP TABLE IF EXISTS \(parent)")
    }

    private func failure(_ sql: String, _ parameters: [PostgresValue]) -> PostgresError? {
        do {
            try connection.execute(sql, parameters)
            return nil
        } catch {
            return error as? PostgresError
        }
    }

    func testUniqueViolation() {
        let error = failure("INSERT INTO \(parent) VALUES ($1, $2)", [2, "alice"])
        XCTAssertEqual(error?.kind, .uniqueViolation)
        XCTAssertEqual(error?.sqlState, "23505")
        XCTAssertEqual(error?.constraint, "\(parent)_handle")
        XCTAssertFalse(error?.message.isEmpty ?? true)
    }

    func testForeignKeyViolation() {
        let error = failure("INSERT INTO \(child) VALUES ($1, $2, $3)", [1, 99, 3])
        XCTAssertEqual(error?.kind, .foreignKeyViolation)
        XCTAssertEqual(error?.sqlState, "23503")
    }

    func testCheckViolation() {
        let error = failure("INSERT INTO \(child) VALUES ($1, $2, $3)", [1, 1, 9])
        XCTAssertEqual(error?.kind, .checkViolation)
        XCTAssertEqual(error?.sqlState, "23514")
        XCTAssertEqual(error?.constraint, "\(child)_priority")
    }

    func testNotNullViolationAndOtherStates() {
        XCTAssertEqual(failure("INSERT INTO \(parent) VALUES ($1, $2)", [3, nil])?.kind, .notNullViolation)
        let syntax = failure("SELEC 1", [])
        XCTAssertEqual(syntax?.kind, .other)
        XCTAssertEqual(syntax?.sqlState, "42601")
        XCTAssertTrue(syntax?.description.contains("42601") ?? false)
    }

    func testStatementTimeoutCancelsTheQuery() throws {
        let impatient = try PostgresTestServer.connect(PostgresOptions(statementTimeout: .milliseconds(100)))
        let started = Date()
        XCTAssertThrowsError(try impatient.execute("SELECT pg_sleep(5)")) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .queryCanceled)
            XCTAssertEqual((error as? PostgresError)?.sqlState, "57014")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
        XCTAssertEqual(try impatient.query("SELECT 1::int8")[0].decode(Int64.self, at: 0), 1, "the connection stays usable")
    }

    func testTerminatedConnectionIsAConnectionFailure() throws {
        let victim = try PostgresTestServer.connect()
        try connection.execute("SELECT pg_terminate_backend($1::int4)", [.int(Int64(victim.backendPID))])
        XCTAssertThrowsError(try victim.execute("SELECT 1")) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .connectionFailure, "\(error)")
        }
        XCTAssertFalse(victim.isConnected)
    }

    func testKindsFollowTheSQLStateAlone() {
        let expected: [String: PostgresErrorKind] = [
            "23505": .uniqueViolation, "23503": .foreignKeyViolation, "23514": .checkViolation, "23502": .notNullViolation,
            "40001": .serializationFailure, "40P01": .deadlockDetected, "53100": .diskFull, "57014": .queryCanceled,
            "08006": .connectionFailure, "08001": .connectionFailure, "57P01": .connectionFailure, "42P01": .other, "22021": .other,
        ]
        for (state, kind) in expected {
            XCTAssertEqual(PostgresErrorKind(sqlState: state), kind, state)
        }
        XCTAssertTrue(PostgresError(kind: .serializationFailure, sqlState: "40001", message: "x").isRetryable)
        XCTAssertTrue(PostgresError(kind: .deadlockDetected, sqlState: "40P01", message: "x").isRetryable)
        XCTAssertFalse(PostgresError(kind: .uniqueViolation, sqlState: "23505", message: "x").isRetryable)
    }
}
