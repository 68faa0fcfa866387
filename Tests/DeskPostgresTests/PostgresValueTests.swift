import DeskPostgres
import Foundation
import XCTest

final class PostgresValueTests: XCTestCase {
    private var connection: PostgresConnection!

    override func setUpWithError() throws {
        connection = try PostgresTestServer.connect()
    }

    func testEveryParameterTypeComesBackAsSent() throws {
        let when = Date(timeIntervalSince1970: 1_700_000_000.123456)
        let bytes = Data([0, 1, 0, 255, 0, 0x5c, 0x78])
        let rows = try connection.query(
            "SELECT $1::int8 AS i, $2::text AS t, $3::bool AS b, $4::float8 AS d, $5::timestamptz AS ts, $6::bytea AS bytes, $7::text AS missing",
            [.int(-9_007_199_254_740_993), .text("Ünïcødé 日本語 🎫 \"quoted\" 'single'"), .bool(true), .double(-0.1), .timestamp(when), .bytes(bytes), .null])
        XCTAssertEqual(rows.count, 1)
        let row = rows[0]
        XCTAssertEqual(try row.decode(Int64.self, column: "i"), -9_007_199_254_740_993)
        XCTAssertEqual(try row.decode(String.self, column: "t"), "Ünïcødé 日本語 🎫 \"quoted\" 'single'")
        XCTAssertEqual(try row.decode(Bool.self, column: "b"), true)
        XCTAssertEqual(try row.decode(Double.self, column: "d"), -0.1)
        XCTAssertEqual(try row.decode(Date.self, column: "ts").timeIntervalSince1970, when.timeIntervalSince1970, accuracy: 0.000_001)
        XCTAssertEqual(try row.decode(Data.self, column: "bytes"), bytes)
        XCTAssertEqual(try row.decode(String?.self, column: "missing"), nil)
        XCTAssertTrue(try row.isNull(at: 6))
        XCTAssertEqual(try row.decode(Int64?.self, at: 0), -9_007_199_254_740_993)
    }

    func testRoundTripThroughATableIncludingNulls() throws {
        let table = PostgresTestServer.uniqueTableName("round_trip")
        try connection.executeScript("CREATE TABLE \(table) (id int8 PRIMARY KEY, small int4, name text, flag bool, ratio float8, at timestamptz, blob bytea)")
        defer { try? connection.executeScript("DROP TABLE \(table)") }
        let when = Date(timeIntervalSince1970: 86_400 * 365 * 3)
        try connection.execute(
            "INSERT INTO \(table) VALUES ($1, $2, $3, $4, $5, $6, $7), ($8, NULL, NULL, NULL, NULL, NULL, NULL)",
            [1, .int(Int64(Int32.min)), "", false, 1e300, .timestamp(when), .bytes(Data()), 2])
        let rows = try connection.query("SELECT * FROM \(table) ORDER BY id")
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(try rows[0].decode(Int.self, column: "small"), Int(Int32.min))
        XCTAssertEqual(try rows[0].decode(String.self, column: "name"), "")
        XCTAssertEqual(try rows[0].decode(Bool.self, column: "flag"), false)
        XCTAssertEqual(try rows[0].decode(Double.self, column: "ratio"), 1e300)
        XCTAssertEqual(try rows[0].decode(Date.self, column: "at"), when)
        XCTAssertEqual(try rows[0].decode(Data.self, column: "blob"), Data())
        for column in ["small", "name", "flag", "ratio", "at", "blob"] {
            XCTAssertTrue(try rows[1].isNull(at: rows.columnNames.firstIndex(of: column)!), column)
        }
        XCTAssertNil(try rows[1].decode(Int64?.self, column: "small"))
        XCTAssertNil(try rows[1].decode(Date?.self, column: "at"))
        XCTAssertNil(try rows[1].decode(Data?.self, column: "blob"))
        XCTAssertThrowsError(try rows[1].decode(Int64.self, column: "small")) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .decoding)
        }
    }

    func testDatesFromEpochSecondsAndNarrowNumbers() throws {
        let row = try connection.query("SELECT 1700000000::int8 AS seconds, 1700000000.5::float8 AS fractional, 7::int2 AS tiny, 1.5::float4 AS single, 'infinity'::timestamptz AS forever, DATE '2000-01-02' AS day")[0]
        XCTAssertEqual(try row.decode(Date.self, column: "seconds"), Date(timeIntervalSince1970: 1_700_000_000))
        XCTAssertEqual(try row.decode(Date.self, column: "fractional"), Date(timeIntervalSince1970: 1_700_000_000.5))
        XCTAssertEqual(try row.decode(Int64.self, column: "tiny"), 7)
        XCTAssertEqual(try row.decode(Double.self, column: "single"), 1.5)
        XCTAssertEqual(try row.decode(Date.self, column: "forever"), .distantFuture)
        XCTAssertEqual(try row.decode(Date.self, column: "day"), Date(timeIntervalSince1970: 946_684_800 + 86_400))
    }

    func testReadingAColumnAsTheWrongTypeSaysSo() throws {
        let row = try connection.query("SELECT 12.5::numeric AS amount")[0]
        XCTAssertThrowsError(try row.decode(String.self, column: "amount")) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .decoding)
            XCTAssertTrue("\(error)".contains("amount"), "\(error)")
        }
        XCTAssertThrowsError(try row.decode(String.self, column: "absent")) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .decoding)
        }
    }

    func testInjectionAttemptsStayData() throws {
        let table = PostgresTestServer.uniqueTableName("injection")
        try connection.executeScript("CREATE TABLE \(table) (id serial PRIMARY KEY, subject text NOT NULL)")
        defer { try? connection.executeScript("DROP TABLE \(table)") }
        let attempts = [
            "'); DROP TABLE \(table); --",
            "x' OR '1'='1",
            "$1; SELECT pg_sleep(10)",
            "\\'; DELETE FROM \(table); --",
            "\u{1b}[31mred\u{0007}",
        ]
        for subject in attempts {
            try connection.execute("INSERT INTO \(table) (subject) VALUES ($1)", [.text(subject)])
        }
        let stored = try connection.query("SELECT subject FROM \(table) ORDER BY id").map { try $0.decode(String.self, at: 0) }
        XCTAssertEqual(stored, attempts)
        let matches = try connection.query("SELECT count(*) FROM \(table) WHERE subject = $1", ["x' OR '1'='1"])
        XCTAssertEqual(try matches[0].decode(Int64.self, at: 0), 1)
        let none = try connection.query("SELECT count(*) FROM \(table) WHERE subject = $1", ["' OR ''='"])
        XCTAssertEqual(try none[0].decode(Int64.self, at: 0), 0)
    }

    func testAffectedRowsCountsChanges() throws {
        let table = PostgresTestServer.uniqueTableName("affected")
        try connection.executeScript("CREATE TABLE \(table) (n int8)")
        defer { try? connection.executeScript("DROP TABLE \(table)") }
        XCTAssertEqual(try connection.execute("INSERT INTO \(table) SELECT generate_series(1, $1::int8)", [5]), 5)
        XCTAssertEqual(try connection.execute("DELETE FROM \(table) WHERE n > $1", [2]), 3)
    }
}
